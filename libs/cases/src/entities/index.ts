import { AwaitedSignOffEntity } from './awaited-sign-off.entity';
import { CaseAuditEventEntity } from './case-audit-event.entity';
import { CaseReferenceCounterEntity } from './case-reference-counter.entity';
import { CaseEntity } from './case.entity';
import { DeadlineEntity } from './deadline.entity';
import { IdempotencyRecordEntity } from './idempotency-record.entity';

export * from './awaited-sign-off.entity';
export * from './case-audit-event.entity';
export * from './case-reference-counter.entity';
export * from './case.entity';
export * from './deadline.entity';
export * from './idempotency-record.entity';

export const CASE_ENTITIES = [
  CaseEntity,
  CaseAuditEventEntity,
  DeadlineEntity,
  IdempotencyRecordEntity,
  CaseReferenceCounterEntity,
  AwaitedSignOffEntity,
];
