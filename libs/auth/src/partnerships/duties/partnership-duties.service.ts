import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { todayInLondon } from '@app/calendar';
import { Clock, NotFoundError, RuleViolatedError } from '@app/common';
import { ReadSide, TransactionRunner } from '@app/database';
import {
  ANNUAL_REPORT_COPY_RECIPIENTS,
  copiesCompletedOn,
  getRulebook,
  partnershipDeadlines,
  resolveRulebook,
  type AnnualReportCopyRecipient,
  type AnnualReportFacts,
  type Deadline,
  type Role,
} from '@app/workflows';
import type { AuthenticatedUser } from '../../authenticated-user';
import { assertHasRole } from '../../roles.decorator';
import { PartnershipCalendars } from '../partnership-calendars.service';
import { PartnershipEntity } from '../partnership.entity';
import { AnnualReportEntity } from './annual-report.entity';
import {
  appendPartnershipAuditEvent,
  lockPartnership,
  PARTNERSHIP_SYSTEM_ACTOR,
  type PartnershipAuditActor,
} from './partnership-audit';
import { PartnershipAuditEventEntity } from './partnership-audit-event.entity';
import type {
  AnnualReportView,
  PartnershipAuditEventView,
  PartnershipDutiesView,
  RecordAnnualReportCopiesDto,
  RecordAnnualReportDto,
} from './partnership-duties.dto';

/**
 * Who records the annual report and its copies: the business unit (it publishes and sends the partnership's
 * correspondence) and the lead partners (they sign the report off). Not the admin: an admin looks after users and
 * settings, not the partnership's statutory work. Everyone in the partnership may read them.
 */
export const DUTY_RECORDERS: readonly Role[] = ['business-unit', 'lead-partner'];

/** Runs in the transaction that changed the partnership's duties (the reminders feature re-plans their reminders). */
export interface PartnershipDutiesHook {
  /** Returns what to do once the change has committed. */
  afterDutiesChanged(
    manager: EntityManager,
    partnership: PartnershipEntity,
    deadlines: Deadline[],
    now: Date,
  ): Promise<() => void>;
}

const COPY_COLUMNS: Record<AnnualReportCopyRecipient, 'panelCopySentOn' | 'whatWorksCentreCopySentOn'> = {
  panel: 'panelCopySentOn',
  'what-works-centre': 'whatWorksCentreCopySentOn',
};
const RECIPIENT_NAMES: Record<AnnualReportCopyRecipient, string> = {
  panel: 'the Panel',
  'what-works-centre': 'the What Works Centre',
};

function copiesOf(report: AnnualReportEntity): Record<AnnualReportCopyRecipient, string | null> {
  return { panel: report.panelCopySentOn, 'what-works-centre': report.whatWorksCentreCopySentOn };
}

function factsOf(report: AnnualReportEntity | null): AnnualReportFacts {
  if (!report) return {};
  const copiesSentOn: AnnualReportFacts['copiesSentOn'] = {};
  for (const recipient of ANNUAL_REPORT_COPY_RECIPIENTS) {
    const sentOn = report[COPY_COLUMNS[recipient]];
    if (sentOn) copiesSentOn[recipient] = sentOn;
  }
  return { lastPublishedOn: report.publishedOn, copiesSentOn };
}

function toAuditView(event: PartnershipAuditEventEntity): PartnershipAuditEventView {
  return {
    sequence: event.sequence,
    type: event.type,
    occurredOn: event.occurredOn,
    recordedAt: event.recordedAt.toISOString(),
    by: event.actorName,
    byRoles: event.actorRoles,
    before: event.before,
    after: event.after,
  };
}

/**
 * The partnership's own duties (rules.md rules 22 and 23): publishing the annual report at least once in every 12
 * months and sending copies to the Panel and the What Works Centre within 7 days. Recording either is an append-only
 * event of the partnership's history, written with the change and the duty reminders' re-plan in one transaction.
 */
@Injectable()
export class PartnershipDutiesService {
  private readonly hooks: PartnershipDutiesHook[] = [];

  constructor(
    private readonly reads: ReadSide,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly calendars: PartnershipCalendars,
  ) {}

  /** Lets the reminders feature keep the duties' reminders in step, in the same transaction as every change. */
  registerHook(hook: PartnershipDutiesHook): void {
    this.hooks.push(hook);
  }

  private today(): string {
    return todayInLondon(this.clock.now());
  }

  /** The latest annual report recorded, read with `manager` (a transaction's) or the read side. */
  latestReport(partnershipId: string, manager?: EntityManager): Promise<AnnualReportEntity | null> {
    const repo = (manager ?? this.reads).getRepository(AnnualReportEntity);
    return repo.findOne({ where: { partnershipId }, order: { publishedOn: 'DESC' } });
  }

  /**
   * The duty deadlines of the partnership now, under the current rulebook and its overrides, counted in its calendar
   * (closure days count for working-day rules and reminders). Empty before a report is recorded.
   */
  deadlinesOf(
    partnership: Pick<PartnershipEntity, 'ruleOverrides' | 'closureDays'>,
    latest: AnnualReportEntity | null,
    today = this.today(),
  ): Deadline[] {
    const rules = resolveRulebook(getRulebook(), partnership.ruleOverrides).rules;
    return partnershipDeadlines(rules, factsOf(latest), today, this.calendars.withClosures(partnership.closureDays));
  }

  /** The duty deadlines of a partnership as committed now (what a reminder checks before it is sent). */
  async currentDeadlines(partnershipId: string, manager?: EntityManager): Promise<Deadline[]> {
    const partnership = await (manager ?? this.reads).getRepository(PartnershipEntity).findOneBy({ id: partnershipId });
    if (!partnership) return [];
    return this.deadlinesOf(partnership, await this.latestReport(partnershipId, manager));
  }

  async view(user: Pick<AuthenticatedUser, 'partnershipId' | 'roles'>): Promise<PartnershipDutiesView> {
    const partnership = await this.reads.getRepository(PartnershipEntity).findOneBy({ id: user.partnershipId });
    if (!partnership) throw new NotFoundError('Partnership');
    const latest = await this.latestReport(partnership.id);
    const deadlines = this.deadlinesOf(partnership, latest);
    return {
      ...(latest ? { lastAnnualReport: this.reportView(latest) } : {}),
      nextAnnualReportDueOn: deadlines.find((d) => d.rule === 'annual-report')?.dueOn ?? null,
      deadlines,
      canRecord: user.roles.some((role) => DUTY_RECORDERS.includes(role)),
      history: await this.history(partnership.id),
    };
  }

  /** The history of the partnership's duties, newest first. */
  async history(partnershipId: string): Promise<PartnershipAuditEventView[]> {
    const events = await this.reads
      .getRepository(PartnershipAuditEventEntity)
      .find({ where: { partnershipId }, order: { sequence: 'DESC' }, take: 500 });
    return events.map(toAuditView);
  }

  private reportView(report: AnnualReportEntity): AnnualReportView {
    return { publishedOn: report.publishedOn, url: report.url, copiesSentOn: copiesOf(report) };
  }

  /**
   * Records an annual report as published (the business unit or a lead partner; 403 otherwise). Refused (422) when the
   * day is in the future or not after the last report recorded, or when `copiesSentOn` is before it or in the future.
   * The next report falls due 12 months after it; the copies 7 days after it, unless `copiesSentOn` records them too.
   */
  async recordPublication(actor: AuthenticatedUser, input: RecordAnnualReportDto): Promise<PartnershipDutiesView> {
    assertHasRole(actor.roles, DUTY_RECORDERS);
    const today = this.today();
    notInFuture('publishedOn', input.publishedOn, today);
    if (input.copiesSentOn !== undefined) {
      notInFuture('copiesSentOn', input.copiesSentOn, today);
      notBefore('copiesSentOn', input.copiesSentOn, input.publishedOn, 'the day the report was published');
    }
    await this.change(actor, async (manager, partnership, previous) => {
      if (previous && input.publishedOn <= previous.publishedOn) {
        throw new RuleViolatedError(
          `publishedOn (${input.publishedOn}) must be after the last annual report recorded, published on ${previous.publishedOn}`,
        );
      }
      const due = previous
        ? this.deadlinesOf(partnership, previous).find((d) => d.rule === 'annual-report')
        : undefined;
      const repo = manager.getRepository(AnnualReportEntity);
      const report = await repo.save(
        repo.create({
          partnershipId: partnership.id,
          publishedOn: input.publishedOn,
          url: input.url,
          panelCopySentOn: null,
          whatWorksCentreCopySentOn: null,
        }),
      );
      await appendPartnershipAuditEvent(manager, {
        partnershipId: partnership.id,
        actor: auditActor(actor),
        type: 'annual-report.published',
        occurredOn: input.publishedOn,
        before: previous ? { lastAnnualReportPublishedOn: previous.publishedOn, url: previous.url } : null,
        after: {
          lastAnnualReportPublishedOn: input.publishedOn,
          url: input.url,
          ...(due ? { dueOn: due.dueOn, status: input.publishedOn <= due.dueOn ? 'met' : 'late' } : {}),
        },
      });
      if (input.copiesSentOn !== undefined) {
        await this.writeCopies(manager, actor, partnership, report, input.copiesSentOn, [
          ...ANNUAL_REPORT_COPY_RECIPIENTS,
        ]);
      }
    });
    return this.view(actor);
  }

  /**
   * Records copies of the latest report as sent to the Panel, the What Works Centre, or both (the default). Refused
   * (422) before any report is recorded, for a recipient already recorded, and for a day before the publication or in
   * the future.
   */
  async recordCopiesSent(actor: AuthenticatedUser, input: RecordAnnualReportCopiesDto): Promise<PartnershipDutiesView> {
    assertHasRole(actor.roles, DUTY_RECORDERS);
    notInFuture('sentOn', input.sentOn, this.today());
    const recipients = input.recipients ?? [...ANNUAL_REPORT_COPY_RECIPIENTS];
    await this.change(actor, async (manager, partnership, latest) => {
      if (!latest) {
        throw new RuleViolatedError(
          'No annual report has been recorded yet: record its publication first, then the copies sent',
        );
      }
      notBefore('sentOn', input.sentOn, latest.publishedOn, 'the day the report was published');
      for (const recipient of recipients) {
        const already = latest[COPY_COLUMNS[recipient]];
        if (already) {
          throw new RuleViolatedError(
            `A copy of the annual report published on ${latest.publishedOn} was already recorded as sent to ` +
              `${RECIPIENT_NAMES[recipient]} on ${already}`,
          );
        }
      }
      await this.writeCopies(manager, actor, partnership, latest, input.sentOn, recipients);
    });
    return this.view(actor);
  }

  private async writeCopies(
    manager: EntityManager,
    actor: AuthenticatedUser,
    partnership: PartnershipEntity,
    report: AnnualReportEntity,
    sentOn: string,
    recipients: readonly AnnualReportCopyRecipient[],
  ): Promise<void> {
    const before = copiesOf(report);
    for (const recipient of recipients) report[COPY_COLUMNS[recipient]] = sentOn;
    await manager.getRepository(AnnualReportEntity).save(report);
    const completedOn = copiesCompletedOn(factsOf(report));
    const dueOn = this.deadlinesOf(partnership, report).find((d) => d.rule === 'annual-report-copies')?.dueOn;
    await appendPartnershipAuditEvent(manager, {
      partnershipId: report.partnershipId,
      actor: auditActor(actor),
      type: 'annual-report.copies-sent',
      occurredOn: sentOn,
      before: { reportPublishedOn: report.publishedOn, copiesSentOn: before },
      after: {
        reportPublishedOn: report.publishedOn,
        copiesSentOn: copiesOf(report),
        recipients: [...recipients],
        ...(completedOn && dueOn ? { dueOn, status: completedOn <= dueOn ? 'met' : 'late' } : {}),
      },
    });
  }

  /**
   * One change of the partnership's duties: the partnership locked, the change and its history written, then the
   * hooks (the duty reminders re-planned) with the deadlines after it, all in one transaction.
   */
  private async change(
    actor: AuthenticatedUser,
    apply: (manager: EntityManager, partnership: PartnershipEntity, latest: AnnualReportEntity | null) => Promise<void>,
  ): Promise<void> {
    const afterCommit: (() => void)[] = [];
    await this.tx.run(async (manager) => {
      const partnership = await lockPartnership(manager, actor.partnershipId);
      if (!partnership) throw new NotFoundError('Partnership');
      const latest = await this.latestReport(partnership.id, manager);
      await apply(manager, partnership, latest);
      const after = await this.latestReport(partnership.id, manager);
      const deadlines = this.deadlinesOf(partnership, after);
      for (const hook of this.hooks)
        afterCommit.push(await hook.afterDutiesChanged(manager, partnership, deadlines, this.clock.now()));
    });
    for (const run of afterCommit) run();
  }

  /**
   * A partnership duty's deadline passed: `duty.missed` joins the partnership's history once per rule and due date,
   * in the caller's transaction (the reminder sender's, as its breach reminder is settled).
   */
  async recordMissed(manager: EntityManager, partnershipId: string, rule: string, dueOn: string): Promise<void> {
    await lockPartnership(manager, partnershipId);
    const missed = await manager
      .getRepository(PartnershipAuditEventEntity)
      .find({ where: { partnershipId, type: 'duty.missed' }, select: { id: true, after: true } });
    if (missed.some((event) => event.after.rule === rule && event.after.dueOn === dueOn)) return;
    await appendPartnershipAuditEvent(manager, {
      partnershipId,
      actor: PARTNERSHIP_SYSTEM_ACTOR,
      type: 'duty.missed',
      occurredOn: this.today(),
      before: null,
      after: { rule, dueOn },
    });
  }
}

function auditActor(user: AuthenticatedUser): PartnershipAuditActor {
  return { id: user.id, name: user.name, roles: user.roles };
}

function notInFuture(field: string, date: string, today: string): void {
  if (date > today) throw new RuleViolatedError(`${field} (${date}) cannot be in the future`);
}

function notBefore(field: string, date: string, earliest: string, what: string): void {
  if (date < earliest) throw new RuleViolatedError(`${field} (${date}) cannot be before ${what} (${earliest})`);
}
