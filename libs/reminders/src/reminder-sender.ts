import { Inject, Injectable, Logger } from '@nestjs/common';
import { Brackets, In, MoreThan } from 'typeorm';
import { PartnershipCalendars, PartnershipsService, UsersService } from '@app/auth';
import { todayInLondon } from '@app/calendar';
import { CaseEntity, CasesService, DeadlineEntity } from '@app/cases';
import { Clock } from '@app/common';
import { ReadSide, TransactionRunner } from '@app/database';
import { AppConfig } from '@app/config';
import { deadlineReminder, eventNotice, MAIL_SENDER, type MailSender, type EventNoticeKind } from '@app/mail';
import { getRulebook } from '@app/workflows';
import { NOTICE_ROLES, NoticeKind } from './notice-plan';
import { RECIPIENT_ROLES } from './reminder-plan';
import { ReminderEntity } from './reminder.entity';

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
            qb.where("status = 'pending'").orWhere("(status = 'sending' AND \"leaseUntilMs\" < :now)", { now }),
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
      await this.tx.run((manager) =>
        manager
          .getRepository(ReminderEntity)
          .update({ id: row.id, status: 'sending' }, { status: options.lastAttempt ? 'failed' : 'pending', lastError: message, leaseUntilMs: null }),
      );
      this.logger.warn({ msg: 'Reminder send failed', reminderId: row.id, attempt: row.attempts, lastAttempt: options.lastAttempt, err: message });
      throw error;
    }
  }

  private async finish(row: ReminderEntity, status: ReminderEntity['status'], extra: Partial<ReminderEntity> = {}) {
    await this.tx.run((manager) =>
      manager.getRepository(ReminderEntity).update({ id: row.id, status: 'sending' }, { status, leaseUntilMs: null, ...extra }),
    );
  }

  private async deliver(row: ReminderEntity, now: number): Promise<FireOutcome> {
    const caseRow = await this.reads.getRepository(CaseEntity).findOne({
      where: { id: row.caseId },
      select: { id: true, reference: true, partnershipId: true, rulebookVersion: true },
    });
    if (!caseRow) {
      await this.finish(row, 'obsolete');
      return 'obsolete';
    }
    const caseUrl = `${this.config.publicUrl}/cases/${caseRow.id}`;
    let roles;
    let rendered;
    if (row.kind === 'notice') {
      roles = NOTICE_ROLES[row.noticeKind as NoticeKind];
      rendered = eventNotice({ reference: caseRow.reference, caseUrl, kind: row.noticeKind as EventNoticeKind });
    } else {
      const deadline = await this.reads.getRepository(DeadlineEntity).findOneBy({ caseId: row.caseId, rule: row.rule! });
      if (!deadline || deadline.clockState !== 'running' || deadline.dueOn !== row.dueOn) {
        await this.finish(row, 'obsolete');
        return 'obsolete';
      }
      if (await this.isSuperseded(row, now)) {
        await this.finish(row, 'superseded');
        await this.recordBreach(row);
        return 'superseded';
      }
      roles = RECIPIENT_ROLES[row.kind];
      const partnership = await this.partnerships.get(caseRow.partnershipId);
      const calendar = this.calendars.withClosures(partnership.closureDays);
      const today = todayInLondon(new Date(now));
      const rule = getRulebook(caseRow.rulebookVersion).rules.find((r) => r.id === row.rule)!;
      const overdue = today > deadline.dueOn;
      rendered = deadlineReminder({
        reference: caseRow.reference,
        caseUrl,
        ruleDescription: rule.description,
        dueOn: deadline.dueOn,
        kind: row.kind === 'escalation-delegated' || row.kind === 'escalation-lead' ? 'escalation' : row.kind,
        ...(overdue
          ? { workingDaysOverdue: calendar.workingDaysBetween(deadline.dueOn, today) }
          : { workingDaysLeft: calendar.workingDaysBetween(today, deadline.dueOn) }),
        ...(row.kind === 'escalation-delegated' ? { escalatedTo: 'delegated partners' as const } : {}),
        ...(row.kind === 'escalation-lead' ? { escalatedTo: 'lead partners' as const } : {}),
      });
    }
    const recipients = (await this.users.withRoles(caseRow.partnershipId, roles)).map((u) => u.email).sort();
    if (recipients.length === 0) {
      await this.finish(row, 'failed', { lastError: `No active user holds any of the roles: ${roles.join(', ')}` });
      return 'no-recipients';
    }
    await this.mail.send({ to: recipients, ...rendered, messageId: `<reminder-${row.id}@practice-review>` });
    await this.finish(row, 'sent', { sentAtMs: this.clock.now().getTime(), recipients, lastError: null });
    await this.recordBreach(row);
    return 'sent';
  }

  /** A deadline's breach is a fact of the case, recorded in its history once whether or not its mail went out. */
  private async recordBreach(row: ReminderEntity): Promise<void> {
    if (row.kind === 'breach') {
      await this.cases.recordSystemEvent(row.caseId, 'deadline.missed', { rule: row.rule, dueOn: row.dueOn });
    }
  }

  /** A late-entered case has several reminders due at once for one deadline: only the latest is worth sending. */
  private async isSuperseded(row: ReminderEntity, now: number): Promise<boolean> {
    const later = await this.reminders.count({
      where: {
        caseId: row.caseId,
        rule: row.rule!,
        dueOn: row.dueOn!,
        offsetDays: MoreThan(row.offsetDays!),
        status: In(['pending', 'sending', 'sent']),
      },
    });
    if (later === 0) return false;
    const laterDue = await this.reminders
      .createQueryBuilder('r')
      .where('r.caseId = :caseId AND r.rule = :rule AND r.dueOn = :dueOn', { caseId: row.caseId, rule: row.rule, dueOn: row.dueOn })
      .andWhere('r.offsetDays > :offset', { offset: row.offsetDays })
      .andWhere('r.fireAtMs <= :now', { now })
      .andWhere("r.status IN ('pending', 'sending', 'sent')")
      .getCount();
    return laterDue > 0;
  }
}
