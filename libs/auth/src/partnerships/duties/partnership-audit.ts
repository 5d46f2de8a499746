import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { PartnershipEntity } from '../partnership.entity';
import { PartnershipAuditEventEntity } from './partnership-audit-event.entity';

/** Every kind of change a partnership's own history records. */
export const PARTNERSHIP_AUDIT_EVENT_TYPES = [
  /** An annual report was published (or, on adopting the service, the last one before it). */
  'annual-report.published',
  /** A copy of the latest annual report was sent to the Panel, the What Works Centre, or both. */
  'annual-report.copies-sent',
  /** A partnership duty's deadline passed without it being done (written when its breach reminder is settled). */
  'duty.missed',
] as const;
export type PartnershipAuditEventType = (typeof PARTNERSHIP_AUDIT_EVENT_TYPES)[number];

/** Who did it: a user, or the service itself (`duty.missed`). */
export interface PartnershipAuditActor {
  id: string;
  name: string;
  roles: readonly string[];
}

/** The service as the actor of what it records itself (the same id as a case's system events). */
export const PARTNERSHIP_SYSTEM_ACTOR: PartnershipAuditActor = {
  id: '00000000-0000-0000-0000-000000000000',
  name: 'practice-review',
  roles: [],
};

/**
 * Locks the partnership's row on PostgreSQL for the rest of the transaction, so that changes of one partnership take
 * turns (two people recording the same report at once, the history's sequence). SQLite has one writer anyway.
 */
export async function lockPartnership(
  manager: EntityManager,
  partnershipId: string,
): Promise<PartnershipEntity | null> {
  const repo = manager.getRepository(PartnershipEntity);
  if (manager.connection.options.type === 'postgres') {
    return repo.findOne({ where: { id: partnershipId }, lock: { mode: 'pessimistic_write' } });
  }
  return repo.findOneBy({ id: partnershipId });
}

/**
 * Appends one event to the partnership's history, in the caller's transaction (which must hold the partnership's lock,
 * see {@link lockPartnership}). The history is never updated or deleted.
 */
export async function appendPartnershipAuditEvent(
  manager: EntityManager,
  event: {
    partnershipId: string;
    actor: PartnershipAuditActor;
    type: PartnershipAuditEventType;
    occurredOn: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown>;
  },
): Promise<PartnershipAuditEventEntity> {
  const repo = manager.getRepository(PartnershipAuditEventEntity);
  const last = await repo.findOne({
    where: { partnershipId: event.partnershipId },
    order: { sequence: 'DESC' },
    select: { id: true, sequence: true },
  });
  return repo.save(
    repo.create({
      id: randomUUID(),
      partnershipId: event.partnershipId,
      sequence: (last?.sequence ?? 0) + 1,
      occurredOn: event.occurredOn,
      actorId: event.actor.id,
      actorName: event.actor.name,
      actorRoles: [...event.actor.roles],
      type: event.type,
      before: event.before,
      after: event.after,
    }),
  );
}
