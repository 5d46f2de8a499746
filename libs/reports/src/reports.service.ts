import { Injectable } from '@nestjs/common';
import { Brackets, In } from 'typeorm';
import { AuthenticatedUser, PartnershipCalendars } from '@app/auth';
import { todayInLondon } from '@app/calendar';
import { actionsFirstEscalatedOn, CaseAuditEventEntity, CaseEntity, DeadlineEntity, toCaseRecord } from '@app/cases';
import { Clock, ForbiddenError, ValidationFailedError } from '@app/common';
import { ReadSide } from '@app/database';
import { recordPartsWithheldFrom, ROLES } from '@app/workflows';
import {
  buildReport,
  casesListedFor,
  figureOfRow,
  reportCellCases,
  type Report,
  type ReportCellCases,
} from './build-report';
import { caseFacts, type CaseFacts, type HistoryFact } from './case-facts';
import { reportColumns } from './report-periods';
import { periodOf, type ReportCellQuery, type ReportQuery } from './report-query';

/** The history a report reads: the acts it dates, and every move into or out of the LCSPR and publication stages. */
const DATED_TYPES = ['lcspr.reviewer-appointed', 'publication.delayed', 'publication.withheld', 'action.escalated'];
const REVIEW_STAGE_PREFIXES = ['lcspr', 'publication'];
/** The case clocks whose stored due dates the figures compare with. */
const COMPARED_CLOCKS = ['notify-panel', 'rapid-review', 'lcspr-publish'];

/** A partnership's practice-review figures, computed from its cases' records each time they are asked for. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reads: ReadSide,
    private readonly calendars: PartnershipCalendars,
    private readonly clock: Clock,
  ) {}

  async report(user: AuthenticatedUser, query: ReportQuery): Promise<Report> {
    const today = todayInLondon(this.clock.now());
    const period = periodOf(query, today);
    return buildReport(await this.facts(user.partnershipId), period, today, recordPartsWithheldFrom(user.roles));
  }

  async cellCases(user: AuthenticatedUser, query: ReportCellQuery): Promise<ReportCellCases> {
    const today = todayInLondon(this.clock.now());
    const period = periodOf(query, today);
    const figure = figureOfRow(query.row);
    if (figure && !casesListedFor(figure, recordPartsWithheldFrom(user.roles)))
      throw new ForbiddenError(
        "The cases behind the figures about children are listed only for the roles that read the children's details",
      );
    const cases = reportCellCases(await this.facts(user.partnershipId), period, today, query.row, query.column);
    if (cases) return cases;
    const columns = reportColumns(period).map(({ key }) => key);
    const known = columns.includes(query.column);
    throw new ValidationFailedError('No such cell in the report', [
      known
        ? { field: 'row', messages: ['row must be a row id of the report'] }
        : {
            field: 'column',
            messages: [`column must be one of the report's columns: ${columns.join(', ')}`],
          },
    ]);
  }

  private async facts(partnershipId: string): Promise<CaseFacts[]> {
    const [cases, events, deadlines, calendar] = await Promise.all([
      this.reads.getRepository(CaseEntity).find({ where: { partnershipId }, order: { reference: 'ASC' } }),
      this.historyOf(partnershipId),
      this.reads.getRepository(DeadlineEntity).find({
        where: { partnershipId, subject: '', rule: In(COMPARED_CLOCKS) },
      }),
      this.calendars.forPartnership(partnershipId),
    ]);
    const historyByCase = groupBy(events, (event) => event.caseId);
    const deadlinesByCase = groupBy(deadlines, (deadline) => deadline.caseId);
    return cases.map((row) => {
      const history: HistoryFact[] = (historyByCase.get(row.id) ?? []).map((event) => ({
        type: event.type,
        fromState: event.fromState,
        toState: event.toState,
        payload: event.payload,
        occurredOn: event.occurredOn ?? todayInLondon(event.at),
      }));
      const record = toCaseRecord(row, ROLES, new Map(), { actionsEscalatedOn: actionsFirstEscalatedOn(history) });
      return caseFacts({
        record,
        details: row.details,
        history,
        deadlines: deadlinesByCase.get(row.id) ?? [],
        workingDaysBetween: (from, to) => calendar.workingDaysBetween(from, to),
      });
    });
  }

  private historyOf(partnershipId: string): Promise<CaseAuditEventEntity[]> {
    const query = this.reads
      .getRepository(CaseAuditEventEntity)
      .createQueryBuilder('event')
      .where('event.partnershipId = :partnershipId', { partnershipId })
      .andWhere(
        new Brackets((which) => {
          which.where('event.type IN (:...types)', { types: DATED_TYPES });
          REVIEW_STAGE_PREFIXES.forEach((prefix, index) => {
            which
              .orWhere(`event.toState LIKE :to${index}`, { [`to${index}`]: `${prefix}%` })
              .orWhere(`event.fromState LIKE :from${index}`, { [`from${index}`]: `${prefix}%` });
          });
        }),
      )
      .orderBy('event.caseId', 'ASC')
      .addOrderBy('event.sequence', 'ASC');
    return query.getMany();
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
