import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { PartnershipCalendars } from '@app/auth';
import { CaseChanged, CasesService, CaseWriteHook, CaseWritten, insertRows } from '@app/cases';
import { getRulebook } from '@app/workflows';
import { noticesFor } from './notice-plan';
import { DEFAULT_REMINDER_OFFSETS, londonNineAm, planDeadlineReminders, supersededReminders } from './reminder-plan';
import { LIVE_REMINDER_STATUSES, ReminderEntity } from './reminder.entity';

/** Rows that still stand for a mail: sent, or on their way. */

/**
 * Keeps a case's reminder rows in step with its deadlines, inside the transaction that changed the case: new rows
 * for running deadlines, pending rows cancelled when their deadline was met, moved, paused or cancelled, and one
 * notice row per event that calls for a mail.
 */
export interface ReminderJobChanges {
  scheduled: Pick<ReminderEntity, 'id' | 'fireAtMs'>[];
  cancelled: string[];
}

@Injectable()
export class ReminderScheduler implements CaseWriteHook, OnModuleInit {
  /** Keyed by the change object, which the case service hands to the write hook and then, after commit, to listeners. */
  private readonly jobChanges = new WeakMap<CaseChanged, ReminderJobChanges>();

  constructor(
    private readonly cases: CasesService,
    private readonly calendars: PartnershipCalendars,
  ) {}

  onModuleInit(): void {
    this.cases.registerWriteHook(this);
  }

  async afterCaseWritten(manager: EntityManager, written: CaseWritten): Promise<void> {
    const { caseRow, partnership, deadlines, change, now } = written;
    const repo = manager.getRepository(ReminderEntity);
    const calendar = this.calendars.withClosures(partnership.closureDays);
    const offsets = partnership.reminderOffsets ?? DEFAULT_REMINDER_OFFSETS;
    const rules = new Map(getRulebook(caseRow.rulebookVersion).rules.map((r) => [r.id as string, r]));

    const existing = await repo.find({
      where: { caseId: caseRow.id },
      select: { id: true, dedupeKey: true, status: true, kind: true },
    });
    const existingByKey = new Map(existing.map((r) => [r.dedupeKey, r]));
    const desired: ReminderEntity[] = [];
    for (const deadline of deadlines) {
      if (deadline.clockState !== 'running' || rules.get(deadline.rule)?.kind !== 'deadline') continue;
      const planned = planDeadlineReminders(deadline.dueOn, offsets, (d, n) => calendar.addWorkingDays(d, n)).map(
        (p) => ({
          ...p,
          fireAtMs: londonNineAm(p.fireOn).getTime(),
          // An item's deadline adds its subject; a case clock's key is as it always was, so no reminder repeats.
          dedupeKey: `${caseRow.id}|${deadline.rule}${deadline.subject ? `:${deadline.subject}` : ''}|${p.offsetDays}|${deadline.dueOn}`,
        }),
      );
      // Several already due (a case entered late, due dates moved by new settings): new rows that a later one for the
      // same audience makes pointless are written superseded, so only the latest for each audience goes out.
      const live = planned.filter((p) => {
        const stored = existingByKey.get(p.dedupeKey);
        return !stored || LIVE_REMINDER_STATUSES.includes(stored.status);
      });
      const superseded = new Set(supersededReminders(live, now.getTime()));
      for (const p of planned) {
        desired.push(
          repo.create({
            id: randomUUID(),
            dedupeKey: p.dedupeKey,
            partnershipId: caseRow.partnershipId,
            caseId: caseRow.id,
            kind: p.kind,
            rule: deadline.rule,
            subject: deadline.subject,
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
    for (const notice of noticesFor(change)) {
      desired.push(
        repo.create({
          id: randomUUID(),
          dedupeKey: `${caseRow.id}|notice|${notice}|${caseRow.version}`,
          partnershipId: caseRow.partnershipId,
          caseId: caseRow.id,
          kind: 'notice',
          rule: null,
          subject: '',
          noticeKind: notice,
          offsetDays: null,
          dueOn: null,
          fireOn: now.toISOString().slice(0, 10),
          fireAtMs: now.getTime(),
          status: 'pending',
          attempts: 0,
        }),
      );
    }

    const wanted = new Set(desired.map((r) => r.dedupeKey));
    const obsolete = existing.filter((r) => r.kind !== 'notice' && r.status === 'pending' && !wanted.has(r.dedupeKey));
    if (obsolete.length > 0) {
      await repo.update({ id: In(obsolete.map((r) => r.id)) }, { status: 'cancelled' });
    }
    const fresh = desired.filter((r) => !existingByKey.has(r.dedupeKey));
    for (let i = 0; i < fresh.length; i += 50) await insertRows(manager, ReminderEntity, fresh.slice(i, i + 50));
    const scheduled = fresh.filter((r) => r.status === 'pending').map((r) => ({ id: r.id, fireAtMs: r.fireAtMs }));
    this.jobChanges.set(change, { scheduled, cancelled: obsolete.map((r) => r.id) });
  }

  /**
   * The jobs a committed change calls for: its new rows to schedule and its cancelled rows to unschedule. Anything
   * missed here (Redis away, a crash before this runs) is put right by the reconciler from the rows.
   */
  takeJobChanges(change: CaseChanged): ReminderJobChanges | undefined {
    const changes = this.jobChanges.get(change);
    this.jobChanges.delete(change);
    return changes;
  }
}
