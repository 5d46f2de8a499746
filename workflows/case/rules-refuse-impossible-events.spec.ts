/** Domain rules (422 `rule-violated`): the state accepts the event, but its content cannot be true. */
import { dispatch, PersistedCaseSnapshot, stateOf } from './case-engine';
import type { CaseEvent } from './case.types';
import {
  actors,
  dates,
  ev,
  LA_AWARE_ON,
  machine,
  newCase,
  play,
  reach,
  signDecision,
  steps,
} from './case-test-kit.spec';

function violation(snapshot: PersistedCaseSnapshot, event: CaseEvent): string {
  const result = dispatch(machine, snapshot, event);
  if (result.ok || result.refusal.kind !== 'rule-violated') {
    throw new Error(`expected rule-violated, got ${JSON.stringify(result.ok ? { to: result.to } : result.refusal)}`);
  }
  return result.refusal.message;
}

describe('dates', () => {
  it('refuses a date in the future', () => {
    expect(
      violation(newCase(), ev({ type: 'notification.submitted', submittedOn: '2026-01-08' }, '2026-01-07')),
    ).toMatch(/future/);
  });

  it('refuses a date before the local authority became aware', () => {
    expect(
      violation(newCase(), ev({ type: 'notification.submitted', submittedOn: '2026-01-04' }, '2026-01-07')),
    ).toContain(LA_AWARE_ON);
  });

  it('accepts the day the local authority became aware and today', () => {
    expect(
      dispatch(machine, newCase(), ev({ type: 'notification.submitted', submittedOn: LA_AWARE_ON }, '2026-01-07')).ok,
    ).toBe(true);
    expect(
      dispatch(machine, newCase(), ev({ type: 'notification.submitted', submittedOn: '2026-01-07' }, '2026-01-07')).ok,
    ).toBe(true);
  });

  it('refuses other dated events in the future or before awareness', () => {
    const gathering = reach('rapid-review.gathering');
    expect(violation(gathering, ev({ type: 'rapid-review.meeting-held', heldOn: '2026-02-01' }, '2026-01-10'))).toMatch(
      /future/,
    );
    expect(violation(newCase(), ev({ type: 'partners.informed', informedOn: '2026-01-01' }, '2026-01-10'))).toMatch(
      /before/,
    );
    const lcspr = reach('lcspr.in-progress');
    expect(violation(lcspr, ev({ type: 'lcspr.draft-received', receivedOn: '2026-01-10' }, '2026-06-01'))).toMatch(
      /before the decision/,
    );
  });
});

describe('sign-offs', () => {
  it('refuses a second decision sign-off by the same agency in a round', () => {
    const s = play(reach('decision.awaiting-sign-off'), signDecision(21, 'agree', actors.la));
    const sameAgency = { ...actors.la, id: 'u-la-2', name: 'Another LA partner' };
    expect(violation(s, signDecision(22, 'agree', sameAgency))).toMatch(
      /local-authority agency already signed off this decision round/,
    );
  });

  it('refuses a final-report sign-off before any draft', () => {
    expect(violation(reach('lcspr.in-progress'), steps.finalSign(actors.la))).toMatch(/No draft/);
  });

  it('refuses a second final-report sign-off by the same agency in a round', () => {
    const s = play(reach('lcspr.in-progress'), steps.draft(), steps.finalSign(actors.health));
    expect(violation(s, steps.finalSign(actors.health))).toMatch(
      /health agency already signed off this final report round/,
    );
  });

  it('refuses a final-report sign-off after a disputed round until a new draft arrives', () => {
    let s = play(reach('lcspr.in-progress'), steps.draft(), steps.finalSign(actors.la, 'disagree'));
    expect(violation(s, steps.finalSign(actors.police))).toMatch(/revised draft/);
    s = play(s, steps.draft('2026-06-15'));
    expect(dispatch(machine, s, steps.finalSign(actors.police, 'agree', '2026-06-16')).ok).toBe(true);
  });
});

describe('publication', () => {
  it('refuses to publish before the report was sent to the Panel and the Secretary of State', () => {
    expect(violation(reach('publication.scheduled'), steps.publish())).toMatch(/must be sent/);
  });

  it('refuses a publication date on or before today', () => {
    expect(
      violation(
        reach('publication.unscheduled'),
        ev({ type: 'publication.scheduled', plannedOn: dates.scheduledOn }, dates.scheduledOn),
      ),
    ).toMatch(/after today/);
  });
});

describe('actions', () => {
  const learning = () => reach('learning.action-plan');

  it('refuses to close the case while actions are open, naming them', () => {
    const s = play(
      learning(),
      steps.addAction('A1'),
      steps.addAction('A2'),
      steps.addAction('A3'),
      steps.completeAction('A2'),
    );
    const message = violation(s, steps.close());
    expect(message).toContain('A1');
    expect(message).toContain('A3');
    expect(message).not.toContain('A2');
  });

  it('refuses a duplicate actionId', () => {
    expect(violation(play(learning(), steps.addAction('A1')), steps.addAction('A1'))).toMatch(/A1 already exists/);
  });

  it('refuses to complete an unknown action', () => {
    expect(violation(learning(), steps.completeAction('NOPE'))).toMatch(/no action NOPE/);
  });

  it('refuses to complete an action twice', () => {
    const s = play(learning(), steps.addAction('A1'), steps.completeAction('A1'));
    expect(violation(s, steps.completeAction('A1', '2026-10-05'))).toMatch(/already completed/);
    expect(stateOf(s)).toBe('learning.action-plan');
  });
});

it('checks the state (409) before the rules (422)', () => {
  const result = dispatch(
    machine,
    newCase(),
    ev({ type: 'action.completed', actionId: 'NOPE', completedOn: '2030-01-01' }, '2026-01-10'),
  );
  expect(result).toMatchObject({ ok: false, refusal: { kind: 'illegal-transition' } });
});
