import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { CaseMachineRegistry } from '@app/workflows';
import { CASE_ENTITIES } from '../entities';
import { IntegrityChecker } from '../integrity/integrity-checker';
import { CaseDeadlines } from './case-deadlines.service';
import { CasesService } from './cases.service';
import { IdempotencyRecords } from './idempotency-records';

@Module({
  imports: [TypeOrmModule.forFeature(CASE_ENTITIES), AuthModule],
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
