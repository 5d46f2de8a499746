/**
 * Issue 12 item 2 (machine version 2): the looked-after child's and the care leaver's death, notified to the Secretary
 * of State and Ofsted instead of the Panel, its own clock, its move onto the serious incident path, and the Panel's
 * notification fields recorded after opening.
 */
import { caseMachineV1 } from './case.machine';
import { allowedEvents, dispatch, openCase, stateOf } from './case-engine';
import { eventsTheActorMaySendNow } from './case.permissions';
import { ruleViolation } from './case.rules';
import {
  actors,
  ev,
  LA_AWARE_ON,
  machine,
  newCase,
  newDeathCase,
  play,
  reach,
  refuse,
  SIGN_OFF_AGENCIES,
  steps,
} from './case-test-kit.spec';
import { NOTIFICATION_PATH_GUARDS } from './v2/notification-paths';
import type { ContextGuard } from './v2/updates';

const criteriaMet = (awareOn: string, today = awareOn) =>
  ev({ type: 'notification.criteria-met', awareOn, abuseOrNeglect: 'suspected' }, today);
const childDetails = (child: number, today = '2026-01-09') =>
  ev({ type: 'child.details-recorded', child, ethnicity: 'WBRI', plans: ['child-in-need-plan'] }, today);
const incidentDetails = (today = '2026-01-09') =>
  ev({ type: 'incident.details-recorded', harmCategories: ['neglect'], contributingFactors: ['unsafe-sleep'] }, today);

describe("a looked-after child's death without abuse or neglect suspected", () => {
  it('opens waiting for the Secretary of State and Ofsted, with their clock and the partners’, and none of the Panel’s', () => {
    const opened = newDeathCase();
    expect(stateOf(opened)).toBe('notification.awaiting-sos-ofsted-notification');
    expect(opened.context.route).toEqual({ path: 'looked-after-death', toSosOfsted: true, children: 1 });
    expect(Object.keys(opened.context.clocks).sort()).toEqual(['inform-partners', 'notify-sos-ofsted']);
    expect(opened.context.clocks['notify-sos-ofsted']).toEqual({ startedOn: LA_AWARE_ON, pauses: [] });
  });

  it('is recorded as notified, stopping its clock, and then waits to be closed', () => {
    const notified = play(newDeathCase(), steps.notifySosOfsted('2026-01-08'));
    expect(stateOf(notified)).toBe('notification.sos-ofsted-notified');
    expect(notified.context.clocks['notify-sos-ofsted']?.stoppedOn).toBe('2026-01-08');
    expect(notified.context.route?.sosOfstedNotifiedOn).toBe('2026-01-08');
    expect(allowedEvents(machine, notified)).not.toContain('notification.submitted');
    expect(allowedEvents(machine, notified)).not.toContain('rapid-review.recommended');
  });

  it('closes, cancelling the clocks still running (the partners not yet told)', () => {
    const closed = play(newDeathCase(), steps.notifySosOfsted('2026-01-08'), steps.close('2026-01-20'));
    expect(stateOf(closed)).toBe('closed');
    expect(closed.context.clocks['inform-partners']).toMatchObject({ cancelledOn: '2026-01-20' });
    expect(closed.context.clocks['notify-sos-ofsted']).toMatchObject({ stoppedOn: '2026-01-08' });
    expect(closed.context.clocks['notify-sos-ofsted']?.cancelledOn).toBeUndefined();
  });

  it('cannot be closed before the Secretary of State and Ofsted are notified, nor notified to the Panel', () => {
    const opened = newDeathCase();
    expect(refuse(opened, steps.close('2026-01-07'))).toMatchObject({ kind: 'illegal-transition' });
    expect(refuse(opened, steps.notify())).toMatchObject({
      kind: 'illegal-transition',
      state: 'notification.awaiting-sos-ofsted-notification',
    });
  });

  it('can be withdrawn (it was not such a death), cancelling its clocks', () => {
    const withdrawn = play(
      newDeathCase(),
      ev({ type: 'notification.withdrawn', reason: 'not looked after' }, '2026-01-06'),
    );
    expect(stateOf(withdrawn)).toBe('closed');
    expect(withdrawn.context.clocks['notify-sos-ofsted']).toMatchObject({ cancelledOn: '2026-01-06' });
  });

  it('still takes the partners being told', () => {
    const told = play(newDeathCase(), ev({ type: 'partners.informed', informedOn: '2026-01-06' }, '2026-01-06'));
    expect(told.context.clocks['inform-partners']?.stoppedOn).toBe('2026-01-06');
  });
});

describe("a care leaver's death", () => {
  it('follows the same path and clock', () => {
    const opened = newDeathCase('care-leaver-death');
    expect(stateOf(opened)).toBe('notification.awaiting-sos-ofsted-notification');
    expect(opened.context.route?.path).toBe('care-leaver-death');
    expect(Object.keys(opened.context.clocks).sort()).toEqual(['inform-partners', 'notify-sos-ofsted']);
    expect(stateOf(play(opened, steps.notifySosOfsted()))).toBe('notification.sos-ofsted-notified');
  });
});

describe('abuse or neglect coming to be known or suspected after such a death', () => {
  it.each([
    ['before the Secretary of State and Ofsted were notified', () => newDeathCase()],
    ['after they were notified', () => play(newDeathCase(), steps.notifySosOfsted('2026-01-08'))],
  ])('%s: moves the case onto the serious incident path, its Panel clocks counted from that day', (_when, start) => {
    const moved = play(start(), criteriaMet('2026-01-20'));
    expect(stateOf(moved)).toBe('notification.awaiting-notification');
    expect(moved.context.route).toMatchObject({
      path: 'serious-incident',
      openedAs: 'looked-after-death',
      criteriaMetOn: '2026-01-20',
      toSosOfsted: true,
    });
    for (const rule of ['notify-panel', 'rapid-review'] as const) {
      expect(moved.context.clocks[rule]).toEqual({
        startedOn: '2026-01-20',
        pauses: [],
        anchors: { laAwareOn: '2026-01-20' },
      });
    }
    // The case's own fact stays: the Secretary of State's and Ofsted's clock keeps counting from it.
    expect(moved.context.facts.laAwareOn).toBe(LA_AWARE_ON);
    // From here it is a serious incident like any other.
    const notified = play(moved, ev({ type: 'notification.submitted', submittedOn: '2026-01-22' }, '2026-01-22'));
    expect(stateOf(notified)).toBe('rapid-review.gathering');
    expect(notified.context.clocks['notify-panel']?.stoppedOn).toBe('2026-01-22');
  });

  it('keeps a Secretary of State notification still due on the serious incident path, recorded from any state', () => {
    const moved = play(newDeathCase(), criteriaMet('2026-01-07'), steps.notify());
    expect(stateOf(moved)).toBe('rapid-review.gathering');
    expect(eventsTheActorMaySendNow(actors.bu, moved.context, allowedEvents(machine, moved))).toContain(
      'sos-ofsted.notified',
    );
    const recorded = play(moved, steps.notifySosOfsted('2026-01-09'));
    expect(stateOf(recorded)).toBe('rapid-review.gathering');
    expect(recorded.context.clocks['notify-sos-ofsted']?.stoppedOn).toBe('2026-01-09');
  });

  it('is refused on a serious incident, which is already on that path', () => {
    expect(refuse(newCase(), criteriaMet('2026-01-07'))).toMatchObject({ kind: 'illegal-transition' });
  });

  it('is refused with a date before the local authority became aware, or in the future', () => {
    expect(refuse(newDeathCase(), criteriaMet('2026-01-02', '2026-01-07'))).toEqual({
      kind: 'rule-violated',
      message: 'awareOn (2026-01-02) cannot be before the date the local authority became aware (2026-01-05)',
    });
    expect(refuse(newDeathCase(), criteriaMet('2026-01-09', '2026-01-07'))).toMatchObject({ kind: 'rule-violated' });
  });
});

describe("a serious incident that is also a looked-after child's death", () => {
  const opened = () =>
    openCase(machine, {
      laAwareOn: LA_AWARE_ON,
      signOffAgencies: [...SIGN_OFF_AGENCIES],
      path: 'serious-incident',
      toSosOfsted: true,
      children: 1,
    });

  it("runs the Panel's clocks and the Secretary of State's and Ofsted's together", () => {
    const s = opened();
    expect(stateOf(s)).toBe('notification.awaiting-notification');
    expect(Object.keys(s.context.clocks).sort()).toEqual([
      'inform-partners',
      'notify-panel',
      'notify-sos-ofsted',
      'rapid-review',
    ]);
  });

  it('records the notification to the Secretary of State and Ofsted in any state, once', () => {
    const inDecision = play(opened(), steps.notify(), steps.recommend());
    const recorded = play(inDecision, steps.notifySosOfsted('2026-01-08'));
    expect(stateOf(recorded)).toBe('decision.awaiting-sign-off');
    expect(recorded.context.clocks['notify-sos-ofsted']?.stoppedOn).toBe('2026-01-08');
    expect(refuse(recorded, steps.notifySosOfsted('2026-01-09'))).toEqual({
      kind: 'rule-violated',
      message: 'The Secretary of State and Ofsted were already recorded as notified on 2026-01-08',
    });
    expect(eventsTheActorMaySendNow(actors.bu, recorded.context, allowedEvents(machine, recorded))).not.toContain(
      'sos-ofsted.notified',
    );
  });
});

describe("the Secretary of State's and Ofsted's notification on a serious incident with no looked-after child", () => {
  it('is not offered, and refused with the reason', () => {
    const s = reach('rapid-review.gathering');
    expect(eventsTheActorMaySendNow(actors.bu, s.context, allowedEvents(machine, s))).not.toContain(
      'sos-ofsted.notified',
    );
    expect(refuse(s, steps.notifySosOfsted())).toEqual({
      kind: 'rule-violated',
      message:
        'The Secretary of State and Ofsted are notified only of the death of a looked-after child or a care leaver: this case is not one',
    });
  });

  it('is refused in the future or before the local authority became aware', () => {
    expect(refuse(newDeathCase(), ev({ type: 'sos-ofsted.notified', notifiedOn: '2026-01-09' }, '2026-01-08'))).toEqual(
      {
        kind: 'rule-violated',
        message: 'notifiedOn (2026-01-09) cannot be in the future',
      },
    );
    expect(
      refuse(newDeathCase(), ev({ type: 'sos-ofsted.notified', notifiedOn: '2026-01-02' }, '2026-01-08')),
    ).toMatchObject({ kind: 'rule-violated' });
  });
});

describe('the guard choosing the path', () => {
  it('sends only the deaths notified to the Secretary of State and Ofsted away from the Panel', () => {
    const guard: ContextGuard = NOTIFICATION_PATH_GUARDS.notifiesOnlySosOfsted;
    const event = steps.notify();
    expect(guard(newDeathCase().context, event)).toBe(true);
    expect(guard(newDeathCase('care-leaver-death').context, event)).toBe(true);
    expect(guard(newCase().context, event)).toBe(false);
    // A version 1 snapshot has no route: a serious incident.
    expect(guard({ ...newCase().context, route: undefined }, event)).toBe(false);
  });
});

describe("the Panel's notification fields recorded after opening", () => {
  it.each([
    ['notification.awaiting-notification', () => newCase()],
    ['decision.awaiting-sign-off', () => reach('decision.awaiting-sign-off')],
    ['learning.action-plan', () => reach('learning.action-plan')],
    ['notification.sos-ofsted-notified', () => reach('notification.sos-ofsted-notified')],
  ])('are taken in %s without changing the state', (state, start) => {
    const s = start();
    const recorded = play(s, incidentDetails('2026-12-01'), childDetails(1, '2026-12-02'));
    expect(stateOf(recorded)).toBe(state);
    expect(recorded.context.route?.detailsRecordedOn).toBe('2026-12-02');
    // The machine keeps none of the values: they are the case row's, restricted for a child.
    expect(JSON.stringify(recorded.context)).not.toMatch(/WBRI|unsafe-sleep|neglect/);
  });

  it('are refused once the case is closed', () => {
    expect(refuse(reach('closed'), incidentDetails())).toMatchObject({ kind: 'illegal-transition', state: 'closed' });
    expect(refuse(reach('closed'), childDetails(1))).toMatchObject({ kind: 'illegal-transition' });
  });

  it('are refused when empty, for a child the notification does not name, or naming an agency not the case’s', () => {
    const s = newDeathCase();
    expect(ruleViolation(s.context, ev({ type: 'incident.details-recorded' }, '2026-01-09'))).toBe(
      'Give at least one detail of the notification to record',
    );
    expect(ruleViolation(s.context, ev({ type: 'child.details-recorded', child: 1 }, '2026-01-09'))).toBe(
      'Give at least one detail of the child to record',
    );
    expect(ruleViolation(s.context, childDetails(2))).toBe(
      'child must be from 1 to 1: the notification is about one child',
    );
    expect(
      ruleViolation(
        s.context,
        ev({ type: 'child.details-recorded', child: 1, knownToAgencies: ['education', 'zoo'] }, '2026-01-09'),
      ),
    ).toBe("knownToAgencies must name the case's relevant agencies (not zoo)");
    expect(
      ruleViolation(
        s.context,
        ev({ type: 'child.details-recorded', child: 1, knownToAgencies: ['education'] }, '2026-01-09'),
      ),
    ).toBeUndefined();
  });

  it('are events only version 2 knows: a version 1 case refuses them', () => {
    const v1 = openCase(caseMachineV1, { laAwareOn: LA_AWARE_ON, signOffAgencies: [...SIGN_OFF_AGENCIES] });
    expect(v1.context.route).toBeUndefined();
    expect(dispatch(caseMachineV1, v1, incidentDetails())).toMatchObject({
      ok: false,
      refusal: { kind: 'illegal-transition' },
    });
  });
});
