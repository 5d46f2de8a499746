import type { Repository } from 'typeorm';
import { Clock } from '@app/common';
import { ReadSide } from '@app/database';
import { ReminderEntity } from '@app/reminders';
import type { TestApp } from './test-app';

/** Sets the service clock to an instant (London 09:00 is 09:00Z in winter). */
export function setNow(t: TestApp, iso: string): void {
  t.get(Clock).now = () => new Date(iso);
}

/**
 * The reminder rows as committed, for a test to read: through the service's read side. On SQLite the writer's
 * connection also sees a group-commit batch still open, so a row read there could say `sent` before the history the
 * same transaction writes (and the API serves) is committed.
 */
export function committedReminders(t: TestApp): Repository<ReminderEntity> {
  return t.get(ReadSide).getRepository(ReminderEntity);
}

/** The reminder rows of a case, in firing order, as committed. */
export function reminderRowsOf(t: TestApp, caseId: string): Promise<ReminderEntity[]> {
  return committedReminders(t).find({ where: { caseId }, order: { fireAtMs: 'ASC', dedupeKey: 'ASC' } });
}

/** Waits until the case's reminder rows satisfy the predicate, and returns them. */
export async function waitForRows(
  t: TestApp,
  caseId: string,
  predicate: (rows: ReminderEntity[]) => boolean,
  timeoutMs = 15_000,
): Promise<ReminderEntity[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await reminderRowsOf(t, caseId);
    if (predicate(current)) return current;
    if (Date.now() > deadline)
      throw new Error(
        `rows never matched: ${JSON.stringify(current.map((r) => [r.rule ?? r.noticeKind, r.offsetDays, r.status]))}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}
