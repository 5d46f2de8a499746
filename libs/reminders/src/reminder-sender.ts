import { Inject, Injectable, Logger } from '@nestjs/common';
import { Brackets, In, IsNull } from 'typeorm';
import { PartnershipCalendars, PartnershipDutiesService, PartnershipsService, UsersService } from '@app/auth';
import { todayInLondon } from '@app/calendar';
import { CaseEntity, CasesService, DeadlineEntity, ESCALATED_STATE, type SystemAuditEventType } from '@app/cases';
import { Clock } from '@app/common';
import { ReadSide, TransactionRunner } from '@app/database';
import { AppConfig } from '@app/config';
import {
  deadlineReminder,
  dutyReminder,
  eventNotice,
  MAIL_SENDER,
  type EventNoticeKind,
  type MailSender,
  type UnfilledRoles,
} from '@app/mail';
import { getRulebook, type CaseContext } from '@app/workflows';
import { chooseRecipients, escalationAgencyOf, FALLBACK_ROLES } from './audience';
import { NOTICE_ROLES, NoticeKind } from './notice-plan';
import { DueReminder, PARTNERSHIP_DUTY_RECIPIENT_ROLES, RECIPIENT_ROLES, supersededReminders } from './reminder-plan';
import { LIVE_REMINDER_STATUSES, ReminderEntity } from './reminder.entity';

export type FireOutcome = 'sent' | 'skipped' | 'obsolete' | 'superseded' | 'not-yet' | 'no-recipients';

/**
 * Fires one reminder row, at most once: the row is claimed (pending -> sending, with a lease) in one conditional
 * update before anything is sent, so a second job, a retry after success or another worker finds nothing to do.
 * A worker that dies mid-send leaves the lease to expire; the row is then sent again with the same Message-ID.
 */
@Injectable()
export class ReminderSender {
  private readonly logger = new Logger(ReminderSender.name);

  constructor(
    // Reads see only committed rows; every write goes through the runner.
    private readonly reads: ReadSide,
    private readonly tx: TransactionRunner,
    @Inject(MAIL_SENDER) private readonly mail: MailSender,
    private readonly users: UsersService,
    private readonly partnerships: PartnershipsService,
    private readonly calendars: PartnershipCalendars,
    private readonly cases: CasesService,
    private readonly duties: PartnershipDutiesService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  private get reminders() {
    return this.reads.getRepository(ReminderEntity);
  }

  async fire(reminderId: string, options: { lastAttempt: boolean }): Promise<FireOutcome> {
    const now = this.clock.now().getTime();
    const claimed = await this.tx.run((manager) =>
      manager
        .createQueryBuilder()
        .update(ReminderEntity)
        .set({ status: 'sending', attempts: () => '"attempts" + 1', leaseUntilMs: now + this.config.reminders.leaseMs })
        .where('id = :id', { id: reminderId })
        .andWhere('"fireAtMs" <= :now', { now })
        .andWhere(
          new Brackets((qb) =>
            qb.where("status = 'pending'").orWhere('(status = \'sending\' AND "leaseUntilMs" < :now)', { now }),
          ),
        )
        .execute(),
    );
    if (!claimed.affected) {
      const row = await this.reminders.findOneBy({ id: reminderId });
      return row?.status === 'pending' ? 'not-yet' : 'skipped';
    }
    const row = await this.reminders.findOneByOrFail({ id: reminderId });
    try {
      const outcome = await this.deliver(row, now);
      return outcome;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await this.finish(row, options.lastAttempt ? 'failed' : 'pending', { lastError: message });
      this.logger.warn({
        msg: 'Reminder send failed',
        reminderId: row.id,
        attempt: row.attempts,
        lastAttempt: options.lastAttempt,
        err: message,
      });
      throw error;
    }
  }

  /**
   * Ends this attempt at the row. A deadline's breach is a fact of the case: once its reminder is settled (sent, or
   * failed for good) `deadline.missed` joins the case's history in the same transaction, whether or not the mail went
   * out, and only by the process that still held the row. `whenSent` is an event the case records once the mail has
   * gone (an overdue action's escalation: `action.escalated`).
   */
  private async finish(
    row: ReminderEntity,
    status: ReminderEntity['status'],
    extra: Partial<ReminderEntity> = {},
    whenSent?: { type: SystemAuditEventType; payload: Record<string, unknown> },
  ) {
    await this.tx.run(async (manager) => {
      const settled = await manager
        .getRepository(ReminderEntity)
        .update({ id: row.id, status: 'sending' }, { status, leaseUntilMs: null, ...extra });
      if (settled.affected && row.kind === 'breach' && (status === 'sent' || status === 'failed')) {
        const missed = { rule: row.rule, ...(row.subject ? { subject: row.subject } : {}), dueOn: row.dueOn };
        // Once: an admin's retry of a breach that failed for good sends it again, but the deadline was missed once.
        // A partnership duty's breach goes into the partnership's history instead, once as well.
        if (row.caseId === null) await this.duties.recordMissed(manager, row.partnershipId, row.rule!, row.dueOn!);
        else await this.cases.recordSystemEvent(row.caseId, 'deadline.missed', missed, { once: true });
      }
      if (settled.affected && status === 'sent' && whenSent && row.caseId !== null) {
        await this.cases.recordSystemEvent(row.caseId, whenSent.type, whenSent.payload, { once: true });
      }
    });
  }

  private async deliver(row: ReminderEntity, now: number): Promise<FireOutcome> {
    if (row.caseId === null) return this.deliverDuty(row, now);
    const caseRow = await this.reads.getRepository(CaseEntity).findOne({
      where: { id: row.caseId },
      select: {
        id: true,
        reference: true,
        partnershipId: true,
        rulebookVersion: true,
        state: true,
        snapshot: Boolean(row.subject),
      },
    });
    if (!caseRow) {
      await this.finish(row, 'obsolete');
      return 'obsolete';
    }
    let deadline: DeadlineEntity | null = null;
    if (row.kind !== 'notice') {
      deadline = await this.reads
        .getRepository(DeadlineEntity)
        .findOneBy({ caseId: row.caseId, rule: row.rule!, subject: row.subject });
      if (!deadline || deadline.clockState !== 'running' || deadline.dueOn !== row.dueOn) {
        await this.finish(row, 'obsolete');
        return 'obsolete';
      }
      // A breach is never superseded (it is the last word to its audience), so no deadline.missed is lost here.
      if (await this.isSuperseded(row, now)) {
        await this.finish(row, 'superseded');
        return 'superseded';
      }
    }
    const partnership = await this.partnerships.get(caseRow.partnershipId);
    const today = todayInLondon(new Date(now));
    const roles = row.kind === 'notice' ? NOTICE_ROLES[row.noticeKind as NoticeKind] : RECIPIENT_ROLES[row.kind];
    // Issue 12 item 3: an overdue action goes to its owning agency's delegated partner, when that agency signs.
    const partnersOf = escalationAgencyOf(
      row.rule,
      row.kind,
      row.subject,
      caseRow.snapshot?.context,
      partnership.signOffAgencies,
    );
    const choice = chooseRecipients(
      roles,
      partnership.signOffAgencies,
      await this.users.active(caseRow.partnershipId),
      { partnersOf },
    );
    const escalated =
      row.rule === 'action-due' && row.kind === 'escalation-delegated' && row.subject
        ? {
            type: 'action.escalated' as const,
            payload: {
              actionId: row.subject,
              dueOn: row.dueOn,
              escalatedOn: today,
              escalatedTo: { role: 'delegated-partner', ...(partnersOf ? { agency: partnersOf } : {}) },
            },
          }
        : undefined;
    const unfilledRoles: UnfilledRoles | undefined =
      choice.unfilled.length > 0 ? { roles: choice.unfilled, sentTo: choice.fallbackRole } : undefined;
    const caseUrl = `${this.config.publicUrl}/cases/${caseRow.id}`;
    let rendered;
    if (row.kind === 'notice' || !deadline) {
      rendered = eventNotice({
        reference: caseRow.reference,
        caseUrl,
        kind: row.noticeKind as EventNoticeKind,
        unfilledRoles,
      });
    } else {
      const calendar = this.calendars.withClosures(partnership.closureDays);
      const rule = getRulebook(caseRow.rulebookVersion).rules.find((r) => r.id === row.rule)!;
      const overdue = today > deadline.dueOn;
      rendered = deadlineReminder({
        reference: caseRow.reference,
        caseUrl,
        ruleDescription: rule.description,
        ...(row.subject ? { item: itemName(caseRow.snapshot.context, row.rule!, row.subject) } : {}),
        dueOn: deadline.dueOn,
        kind: row.kind === 'escalation-delegated' || row.kind === 'escalation-lead' ? 'escalation' : row.kind,
        ...(overdue
          ? { workingDaysOverdue: calendar.workingDaysBetween(deadline.dueOn, today) }
          : { workingDaysLeft: calendar.workingDaysBetween(today, deadline.dueOn) }),
        ...(row.kind === 'escalation-delegated'
          ? {
              escalatedTo: partnersOf
                ? ('delegated partner of the owning agency' as const)
                : ('delegated partners' as const),
            }
          : {}),
        ...(row.kind === 'escalation-lead' ? { escalatedTo: 'lead partners' as const } : {}),
        unfilledRoles,
        // Issue 12 item 4: a case with the lead partners says so in its deadline mail.
        ...(caseRow.state === ESCALATED_STATE ? { caseEscalated: true } : {}),
      });
    }
    return this.send(row, choice, unfilledRoles, roles, rendered, escalated);
  }

  /**
   * A partnership duty's reminder (the annual report, its copies): sent while the duty's deadline still runs with the
   * due date it was planned for, to the business unit and the lead partners, with no case in it at all.
   */
  private async deliverDuty(row: ReminderEntity, now: number): Promise<FireOutcome> {
    const deadline = (await this.duties.currentDeadlines(row.partnershipId)).find((d) => d.rule === row.rule);
    if (
      row.kind === 'notice' ||
      !deadline ||
      deadline.stoppedOn !== undefined ||
      (deadline.status !== 'open' && deadline.status !== 'overdue') ||
      deadline.dueOn !== row.dueOn
    ) {
      await this.finish(row, 'obsolete');
      return 'obsolete';
    }
    if (await this.isSuperseded(row, now)) {
      await this.finish(row, 'superseded');
      return 'superseded';
    }
    const partnership = await this.partnerships.get(row.partnershipId);
    const roles = PARTNERSHIP_DUTY_RECIPIENT_ROLES[row.kind];
    const choice = chooseRecipients(roles, partnership.signOffAgencies, await this.users.active(row.partnershipId));
    const unfilledRoles: UnfilledRoles | undefined =
      choice.unfilled.length > 0 ? { roles: choice.unfilled, sentTo: choice.fallbackRole } : undefined;
    const calendar = this.calendars.withClosures(partnership.closureDays);
    const today = todayInLondon(new Date(now));
    const rule = getRulebook().rules.find((r) => r.id === row.rule)!;
    const overdue = today > deadline.dueOn;
    const rendered = dutyReminder({
      ruleDescription: rule.description,
      dueOn: deadline.dueOn,
      dutiesUrl: `${this.config.publicUrl}/manage/duties`,
      kind: row.kind === 'escalation-delegated' || row.kind === 'escalation-lead' ? 'escalation' : row.kind,
      ...(overdue
        ? { workingDaysOverdue: calendar.workingDaysBetween(deadline.dueOn, today) }
        : { workingDaysLeft: calendar.workingDaysBetween(today, deadline.dueOn) }),
      unfilledRoles,
    });
    return this.send(row, choice, unfilledRoles, roles, rendered);
  }

  /** Sends the rendered mail to the chosen recipients and settles the row (failed when nobody can receive it). */
  private async send(
    row: ReminderEntity,
    choice: ReturnType<typeof chooseRecipients>,
    unfilledRoles: UnfilledRoles | undefined,
    roles: readonly string[],
    rendered: { subject: string; text: string; html: string },
    whenSent?: { type: SystemAuditEventType; payload: Record<string, unknown> },
  ): Promise<FireOutcome> {
    const recorded = { unfilledRoles: unfilledRoles ? choice.unfilled : null, fallbackRole: choice.fallbackRole };
    if (choice.to.length === 0) {
      const lastError = `No active user holds any of the roles: ${roles.join(', ')}; nor ${FALLBACK_ROLES.join(' or ')}, to receive it instead`;
      await this.finish(row, 'failed', { lastError, ...recorded });
      return 'no-recipients';
    }
    await this.mail.send({ to: choice.to, ...rendered, messageId: `<reminder-${row.id}@practice-review>` });
    await this.finish(
      row,
      'sent',
      { sentAtMs: this.clock.now().getTime(), recipients: choice.to, lastError: null, ...recorded },
      whenSent,
    );
    return 'sent';
  }

  /** Whether a later reminder of this deadline for the same audience is due too (see `supersededReminders`). */
  private async isSuperseded(row: ReminderEntity, now: number): Promise<boolean> {
    const siblings = await this.reminders.find({
      where: {
        partnershipId: row.partnershipId,
        caseId: row.caseId ?? IsNull(),
        rule: row.rule!,
        subject: row.subject,
        dueOn: row.dueOn!,
        status: In([...LIVE_REMINDER_STATUSES]),
      },
      select: { id: true, kind: true, offsetDays: true, fireAtMs: true },
    });
    const due = siblings.map((r) => ({
      id: r.id,
      kind: r.kind as DueReminder['kind'],
      offsetDays: r.offsetDays!,
      fireAtMs: r.fireAtMs,
    }));
    const audiences = row.caseId === null ? PARTNERSHIP_DUTY_RECIPIENT_ROLES : RECIPIENT_ROLES;
    return supersededReminders(due, now, audiences).some((r) => r.id === row.id);
  }
}

/**
 * Which item a reminder is about, in words the partnership chose (never the case's free text): an agency's name from
 * the partnership's list, or an action's reference.
 */
export function itemName(context: CaseContext, rule: string, subject: string): string {
  if (rule === 'action-due') {
    // The owning agency's name from the partnership's list (issue 12 item 3); never the action's description.
    const owner = context.actions[subject]?.owningAgency;
    const name = owner && context.relevantAgencies?.find((agency) => agency.key === owner)?.name;
    return name ? `action ${subject}, owned by ${name}` : `action ${subject}`;
  }
  return context.relevantAgencies?.find((agency) => agency.key === subject)?.name ?? subject;
}
