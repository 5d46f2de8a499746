/** Who may send what (403 `forbidden`), checked before the state and the rules. */
import { allowedEvents, dispatch } from './case-engine';
import type { Actor } from '../actors';
import { actors, ALL_STATES, ev, machine, newCase, play, reach, signDecision, steps } from './case-test-kit.spec';

const forbidden = { ok: false, refusal: { kind: 'forbidden', message: expect.any(String) } };

describe('sign-offs', () => {
  it.each([actors.bu, actors.subgroup, actors.leadPartner, actors.scrutineer, actors.admin])(
    'refuses a decision sign-off from $name (not a delegated partner)',
    (actor: Actor) => {
      expect(dispatch(machine, reach('decision.awaiting-sign-off'), signDecision(21, 'agree', actor))).toEqual(
        forbidden,
      );
    },
  );

  it('refuses a delegated partner without an agency', () => {
    const noAgency: Actor = { id: 'x', name: 'No Agency', roles: ['delegated-partner'] };
    expect(dispatch(machine, reach('decision.awaiting-sign-off'), signDecision(21, 'agree', noAgency))).toEqual(
      forbidden,
    );
  });

  it('refuses a police partner when the partnership signs with only the local authority and health', () => {
    const s = play(newCase(['local-authority', 'health']), steps.notify(), steps.recommend());
    const result = dispatch(machine, s, signDecision(21, 'agree', actors.police));
    expect(result).toEqual(forbidden);
    expect(!result.ok && result.refusal.message).toContain('police');
    expect(dispatch(machine, s, signDecision(21, 'agree', actors.health)).ok).toBe(true);
  });

  it('refuses a final-report sign-off from the business unit, accepts it from a delegated partner', () => {
    const s = play(reach('lcspr.in-progress'), steps.draft());
    expect(dispatch(machine, s, steps.finalSign(actors.bu))).toEqual(forbidden);
    expect(dispatch(machine, s, steps.finalSign(actors.health)).ok).toBe(true);
  });

  it('is checked before the state: a partner signing outside the decision stage is refused as forbidden only if not a partner', () => {
    const s = reach('rapid-review.gathering');
    expect(dispatch(machine, s, signDecision(21, 'agree', actors.bu))).toEqual(forbidden);
    expect(dispatch(machine, s, signDecision(21, 'agree', actors.la))).toMatchObject({
      ok: false,
      refusal: { kind: 'illegal-transition' },
    });
  });
});

describe('other case events', () => {
  it('are accepted from the business unit and from a subgroup member', () => {
    const s = reach('rapid-review.gathering');
    for (const actor of [actors.bu, actors.subgroup]) {
      expect(
        dispatch(machine, s, ev({ type: 'rapid-review.meeting-held', heldOn: '2026-01-10' }, '2026-01-10', actor)).ok,
      ).toBe(true);
    }
  });

  it.each([actors.la, actors.leadPartner])('are refused from $name (a partner, not a case worker)', (actor: Actor) => {
    expect(
      dispatch(
        machine,
        reach('rapid-review.gathering'),
        ev({ type: 'rapid-review.meeting-held', heldOn: '2026-01-10' }, '2026-01-10', actor),
      ),
    ).toEqual(forbidden);
  });
});

describe.each([actors.scrutineer, actors.admin])('$name', (actor: Actor) => {
  it('is refused every event the case accepts, in every state', () => {
    for (const state of ALL_STATES) {
      const s = reach(state);
      for (const type of allowedEvents(machine, s)) {
        expect([state, type, dispatch(machine, s, { type, actor, today: '2026-01-10' } as never)]).toEqual([
          state,
          type,
          forbidden,
        ]);
      }
    }
  });

  it('is refused even events the state does not accept (403 before 409)', () => {
    expect(dispatch(machine, newCase(), ev({ type: 'case.closed' }, '2026-01-10', actor))).toEqual(forbidden);
  });
});
