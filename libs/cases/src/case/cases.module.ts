import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { CaseMachineRegistry } from '@app/workflows';
import { DeadlinesCalendarService } from '../calendar-feed/deadlines-calendar.service';
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
    DeadlinesCalendarService,
    { provide: CaseMachineRegistry, useFactory: () => new CaseMachineRegistry() },
  ],
  exports: [
    CasesService,
    CaseDeadlines,
    IdempotencyRecords,
    CaseMachineRegistry,
    IntegrityChecker,
    DeadlinesCalendarService,
  ],
})
export class CasesModule {}
