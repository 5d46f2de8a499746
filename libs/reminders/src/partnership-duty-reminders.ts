import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import {
  PartnershipCalendars,
  PartnershipDutiesHook,
  PartnershipDutiesService,
  PartnershipEntity,
  PartnershipSettingsHook,
  PartnershipsService,
} from '@app/auth';
import { insertRows } from '@app/cases';
import { Clock } from '@app/common';
import { getRulebook, type Deadline } from '@app/workflows';
import {
  DEFAULT_REMINDER_OFFSETS,
  londonNineAm,
  PARTNERSHIP_DUTY_RECIPIENT_ROLES,
  planDeadlineReminders,
  supersededReminders,
} from './reminder-plan';
import { ReminderQueue } from './reminder-queue';
import { LIVE_REMINDER_STATUSES, ReminderEntity } from './reminder.entity';

/** The dedupe key of a partnership duty's reminder: no case, so the partnership stands in its place. */
export function dutyReminderKey(partnershipId: string, rule: string, offsetDays: number, dueOn: string): string {
  return `partnership:${partnershipId}|${rule}|${offsetDays}|${dueOn}`;
}

/**
 * Keeps the reminder rows of a partnership's own duties (the annual report and its copies) in step with their
 * deadlines, like the case reminders: rows (caseId null) for each running duty deadline, in the transaction that
 * recorded a publication or copies, or changed the settings that move due dates (closure days, overrides, offsets);
 * pending rows cancelled when the duty was met or its due date moved. Each row is sent once by the reminder sender.
 */
@Injectable()
export class PartnershipDutyReminders implements PartnershipDutiesHook, PartnershipSettingsHook, OnModuleInit {
  private readonly logger = new Logger(PartnershipDutyReminders.name);

  constructor(
    private readonly duties: PartnershipDutiesService,
    private readonly partnerships: PartnershipsService,
    private readonly calendars: PartnershipCalendars,
    private readonly queue: ReminderQueue,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.duties.registerHook(this);
    this.partnerships.registerSettingsHook(this);
  }

  afterDutiesChanged(
    manager: EntityManager,
    partnership: PartnershipEntity,
    deadlines: Deadline[],
    now: Date,
  ): Promise<() => void> {
    return this.replan(manager, partnership, deadlines, now);
  }

  async afterSettingsChanged(manager: EntityManager, partnership: PartnershipEntity): Promise<() => void> {
    const latest = await this.duties.latestReport(partnership.id, manager);
    return this.replan(manager, partnership, this.duties.deadlinesOf(partnership, latest), this.clock.now());
  }

  /** Writes the rows the deadlines call for and cancels the pending ones they no longer do; returns the job changes. */
  private async replan(
    manager: EntityManager,
    partnership: PartnershipEntity,
    deadlines: Deadline[],
    now: Date,
  ): Promise<() => void> {
    const repo = manager.getRepository(ReminderEntity);
    const calendar = this.calendars.withClosures(partnership.closureDays);
    const offsets = partnership.reminderOffsets ?? DEFAULT_REMINDER_OFFSETS;
    const rules = new Map(getRulebook().rules.map((r) => [r.id as string, r]));
    const existing = await repo.find({
      where: { partnershipId: partnership.id, caseId: IsNull() },
      select: { id: true, dedupeKey: true, status: true, kind: true },
    });
    const existingByKey = new Map(existing.map((r) => [r.dedupeKey, r]));
    const desired: ReminderEntity[] = [];
    for (const deadline of deadlines) {
      const running = deadline.stoppedOn === undefined && (deadline.status === 'open' || deadline.status === 'overdue');
      if (!running || rules.get(deadline.rule)?.kind !== 'deadline') continue;
      const planned = planDeadlineReminders(deadline.dueOn, offsets, (d, n) => calendar.addWorkingDays(d, n)).map(
        (p) => ({
          ...p,
          fireAtMs: londonNineAm(p.fireOn).getTime(),
          dedupeKey: dutyReminderKey(partnership.id, deadline.rule, p.offsetDays, deadline.dueOn),
        }),
      );
      // A report recorded late (or on adopting the service) makes several due at once: only the latest for each
      // audience goes out, the rest are written superseded.
      const live = planned.filter((p) => {
        const stored = existingByKey.get(p.dedupeKey);
        return !stored || LIVE_REMINDER_STATUSES.includes(stored.status);
      });
      const superseded = new Set(supersededReminders(live, now.getTime(), PARTNERSHIP_DUTY_RECIPIENT_ROLES));
      for (const p of planned) {
        desired.push(
          repo.create({
            id: randomUUID(),
            dedupeKey: p.dedupeKey,
            partnershipId: partnership.id,
            caseId: null,
            kind: p.kind,
            rule: deadline.rule,
            subject: '',
            noticeKind: null,
            offsetDays: p.offsetDays,
            dueOn: deadline.dueOn,
            fireOn: p.fireOn,
            fireAtMs: p.fireAtMs,
            status: superseded.has(p) ? 'superseded' : 'pending',
            attempts: 0,
          }),
        );
      }
    }
    const wanted = new Set(desired.map((r) => r.dedupeKey));
    const obsolete = existing.filter((r) => r.status === 'pending' && !wanted.has(r.dedupeKey));
    if (obsolete.length > 0) await repo.update({ id: In(obsolete.map((r) => r.id)) }, { status: 'cancelled' });
    const fresh = desired.filter((r) => !existingByKey.has(r.dedupeKey));
    await insertRows(manager, ReminderEntity, fresh);
    const scheduled = fresh.filter((r) => r.status === 'pending').map((r) => ({ id: r.id, fireAtMs: r.fireAtMs }));
    const cancelled = obsolete.map((r) => r.id);
    // After the commit, ring the alarms; if Redis is away, the reconciler does it from the rows.
    return () => {
      if (!this.queue.isReady || (scheduled.length === 0 && cancelled.length === 0)) return;
      void (async () => {
        await this.queue.schedule(scheduled);
        await this.queue.unschedule(cancelled);
      })().catch((error: Error) =>
        this.logger.warn({
          msg: 'Could not update the duty reminder jobs; the reconciler will',
          partnershipId: partnership.id,
          err: error.message,
        }),
      );
    };
  }
}
