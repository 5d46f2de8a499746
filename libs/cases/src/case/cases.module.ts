import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { CaseMachineRegistry } from '@app/workflows';
import { IntegrityChecker } from '../integrity/integrity-checker';
import { CaseDeadlines } from './case-deadlines.service';
import { CasesService } from './cases.service';
import { IdempotencyRecords } from './idempotency-records';

@Module({
  imports: [AuthModule],
  providers: [
    CasesService,
    CaseDeadlines,
    IdempotencyRecords,
    IntegrityChecker,
    { provide: CaseMachineRegistry, useFactory: () => new CaseMachineRegistry() },
  ],
  exports: [CasesService, CaseDeadlines, IdempotencyRecords, CaseMachineRegistry, IntegrityChecker],
})
export class CasesModule {}
