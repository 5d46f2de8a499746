/** What the case page offers each person: the state's events they may send, and a sign-off once per agency and round. */
import type { Actor } from '../actors';
import { allowedEvents, dispatch, type PersistedCaseSnapshot } from './case-engine';
import { eventsTheActorMaySendNow, signOffsAwaited } from './case.permissions';
import { actors, ALL_STATES, machine, newCase, partners, play, reach, signDecision, steps } from './case-test-kit.spec';

const offered = (actor: Actor, s: PersistedCaseSnapshot) =>
  eventsTheActorMaySendNow(actor, s.context, allowedEvents(machine, s));

describe('eventsTheActorMaySendNow', () => {
  it('offers the business unit and a subgroup member every event of the state but the sign-offs', () => {
    for (const actor of [actors.bu, actors.subgroup]) {
      // Issue 12 item 2: but the Secretary of State's and Ofsted's notification, which a serious incident does not need
      expect(offered(actor, reach('rapid-review.gathering'))).toEqual(
        allowedEvents(machine, reach('rapid-review.gathering')).filter((type) => type !== 'sos-ofsted.notified'),
      );
      expect(offered(actor, reach('decision.awaiting-sign-off'))).not.toContain('decision.signed-off');
    }
  });

  it.each([actors.scrutineer, actors.admin, actors.reviewer])('offers $name nothing in any state', (actor: Actor) => {
    for (const state of ALL_STATES) expect([state, offered(actor, reach(state))]).toEqual([state, []]);
  });

  it('offers a lead partner only the resolution of an escalation, while the case is escalated', () => {
    for (const state of ALL_STATES) {
      const expected = state === 'decision.escalated' ? ['escalation.resolved'] : [];
      expect([state, offered(actors.leadPartner, reach(state))]).toEqual([state, expected]);
    }
  });

  it('offers a delegated partner the decision sign-off until their agency has signed in this round', () => {
    const s = reach('decision.awaiting-sign-off');
    for (const partner of partners) expect(offered(partner, s)).toEqual(['decision.signed-off']);

    const afterLa = play(s, signDecision(21, 'agree', actors.la));
    expect(offered(actors.la, afterLa)).toEqual([]);
    expect(offered(actors.police, afterLa)).toEqual(['decision.signed-off']);
  });

  it('offers the decision sign-off again in the round a new recommendation opens', () => {
    const disputed = play(reach('decision.awaiting-sign-off'), signDecision(21, 'disagree', actors.police));
    expect(offered(actors.police, disputed)).toEqual([]);
    const newRound = play(disputed, steps.recommend('no-lcspr', '2026-01-22'));
    expect(offered(actors.police, newRound)).toEqual(['decision.signed-off']);
  });

  it('offers no sign-off to a partner whose agency does not sign for the partnership', () => {
    const twoAgencies = play(newCase(['local-authority', 'health']), steps.notify(), steps.recommend());
    expect(offered(actors.police, twoAgencies)).toEqual([]);
    expect(offered(actors.health, twoAgencies)).toEqual(['decision.signed-off']);
  });

  it('offers the final-report sign-off only once a draft is in, once per agency, and not after a disagreement', () => {
    const review = reach('lcspr.in-progress');
    expect(offered(actors.health, review)).toEqual([]);

    const draft = play(review, steps.draft());
    expect(offered(actors.health, draft)).toEqual(['lcspr.final-report-signed-off']);

    const healthSigned = play(draft, steps.finalSign(actors.health));
    expect(offered(actors.health, healthSigned)).toEqual([]);

    const disputed = play(healthSigned, steps.finalSign(actors.police, 'disagree'));
    expect(offered(actors.la, disputed)).toEqual([]);
    expect(offered(actors.la, play(disputed, steps.draft('2026-06-08')))).toEqual(['lcspr.final-report-signed-off']);
  });

  it('offers a partner a sign-off exactly when the engine would accept it, in every state', () => {
    const moments = [
      ...ALL_STATES.map(reach),
      play(reach('decision.awaiting-sign-off'), signDecision(21, 'agree', actors.la)),
      play(reach('lcspr.in-progress'), steps.draft(), steps.finalSign(actors.police)),
    ];
    for (const s of moments) {
      for (const partner of partners) {
        const mayNow = offered(partner, s);
        for (const type of ['decision.signed-off', 'lcspr.final-report-signed-off'] as const) {
          const accepted = dispatch(machine, s, { type, decision: 'agree', actor: partner, today: '2026-06-05' }).ok;
          expect([type, partner.agency, mayNow.includes(type)]).toEqual([type, partner.agency, accepted]);
        }
      }
    }
  });
});

describe('signOffsAwaited', () => {
  const awaited = (s: PersistedCaseSnapshot) => signOffsAwaited(s.context, allowedEvents(machine, s));

  it("names every agency whose delegated partner is offered a sign-off, and no one's when none is", () => {
    const s = reach('decision.awaiting-sign-off');
    expect(awaited(s)).toEqual([
      { agency: 'local-authority', event: 'decision.signed-off' },
      { agency: 'police', event: 'decision.signed-off' },
      { agency: 'health', event: 'decision.signed-off' },
    ]);
    expect(awaited(play(s, signDecision(21, 'agree', actors.la))).map((a) => a.agency)).toEqual(['police', 'health']);
    expect(awaited(reach('lcspr.in-progress'))).toEqual([]);
    expect(awaited(play(reach('lcspr.in-progress'), steps.draft()))).toContainEqual({
      agency: 'health',
      event: 'lcspr.final-report-signed-off',
    });
  });

  it('agrees with what each partner is offered, in every state', () => {
    for (const state of ALL_STATES) {
      const s = reach(state);
      for (const partner of partners) {
        const offeredSignOffs = offered(partner, s).filter((t) => t.endsWith('signed-off'));
        const awaitedOf = awaited(s)
          .filter((a) => a.agency === partner.agency)
          .map((a) => a.event);
        expect([state, partner.agency, awaitedOf]).toEqual([state, partner.agency, offeredSignOffs]);
      }
    }
  });
});
