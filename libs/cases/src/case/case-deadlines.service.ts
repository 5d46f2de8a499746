import { Injectable } from '@nestjs/common';
import { PartnershipCalendars, PartnershipEntity } from '@app/auth';
import type { WorkingDayCalendar } from '@app/calendar';
import {
  computeDeadlines,
  getRulebook,
  itemClockKey,
  resolveRulebook,
  type Deadline,
  type PersistedCaseSnapshot,
} from '@app/workflows';
import type { DeadlineClockState } from '../entities/deadline.entity';

/** Turns a case's facts and clocks into its deadlines, under its rulebook version and its partnership's overrides. */
@Injectable()
export class CaseDeadlines {
  constructor(private readonly calendars: PartnershipCalendars) {}

  compute(
    snapshot: PersistedCaseSnapshot,
    rulebookVersion: number,
    partnership: Pick<PartnershipEntity, 'ruleOverrides' | 'closureDays'>,
    today: string,
  ): Deadline[] {
    const rules = resolveRulebook(getRulebook(rulebookVersion), partnership.ruleOverrides).rules;
    const calendar = this.calendars.withClosures(partnership.closureDays);
    const { facts, clocks, itemClocks } = snapshot.context;
    return computeDeadlines(rules, facts, clocks, today, calendar, itemClocks);
  }

  /** The working days the partnership counts in: bank holidays and its closure days. */
  calendarOf(partnership: Pick<PartnershipEntity, 'closureDays'>): WorkingDayCalendar {
    return this.calendars.withClosures(partnership.closureDays);
  }

  clockState(snapshot: PersistedCaseSnapshot, deadline: Deadline): DeadlineClockState {
    if (deadline.status === 'cancelled') return 'cancelled';
    if (deadline.stoppedOn) return 'stopped';
    const clock =
      deadline.subject === undefined
        ? snapshot.context.clocks[deadline.rule]
        : snapshot.context.itemClocks?.[itemClockKey(deadline.rule, deadline.subject)];
    return clock?.pauses.some((p) => !p.to) ? 'paused' : 'running';
  }
}
