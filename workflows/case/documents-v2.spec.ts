/** Documents by reference (issue 12 item 8, machine version 2): linked and unlinked in every state but closed. */
import type { Actor } from '../actors';
import { dispatch, stateOf } from './case-engine';
import type { CaseEvent } from './case.types';
import { actors, ALL_STATES, ev, machine, play, reach, refuse } from './case-test-kit.spec';

const link = (documentId = 'D-1', today = '2026-01-08', actor: Actor = actors.bu) =>
  ev(
    {
      type: 'document.linked',
      documentId,
      title: 'Police return for the rapid review',
      kind: 'agency-return',
      url: 'https://documents.partnership.example/cases/7/police-return',
    },
    today,
    actor,
  );
const unlink = (documentId = 'D-1', today = '2026-01-09', actor: Actor = actors.bu) =>
  ev({ type: 'document.unlinked', documentId, reason: 'linked to the wrong case' }, today, actor);

describe('where documents are linked', () => {
  it.each(ALL_STATES.filter((state) => state !== 'closed'))('links and unlinks a document in %s', (state) => {
    const linked = dispatch(machine, reach(state), link('D-1', '2026-12-01'));
    expect(linked).toMatchObject({ ok: true, from: state, to: state });
    const unlinked = linked.ok && dispatch(machine, linked.snapshot, unlink('D-1', '2026-12-02'));
    expect(unlinked).toMatchObject({ ok: true, from: state, to: state });
  });

  it('refuses them once the case is closed (409)', () => {
    expect(refuse(reach('closed'), link()).kind).toBe('illegal-transition');
  });
});

describe('the documents of a case', () => {
  it('keeps each link with the day it was linked (the day it happened when given), and an unlinked one with its reason', () => {
    const s = play(
      reach('rapid-review.gathering'),
      { ...link('D-1', '2026-01-09'), occurredOn: '2026-01-08' } as CaseEvent,
      link('D-2', '2026-01-09'),
      unlink('D-1', '2026-01-12'),
    );
    expect(s.context.documents).toEqual([
      {
        id: 'D-1',
        title: 'Police return for the rapid review',
        kind: 'agency-return',
        url: 'https://documents.partnership.example/cases/7/police-return',
        linkedOn: '2026-01-08',
        unlinked: { reason: 'linked to the wrong case', on: '2026-01-12' },
      },
      expect.objectContaining({ id: 'D-2', linkedOn: '2026-01-09' }),
    ]);
    expect(stateOf(s)).toBe('rapid-review.gathering');
  });

  it('starts a case of version 2 with none', () => {
    expect(reach('notification.awaiting-notification').context.documents).toEqual([]);
  });

  it('refuses a reference already used, even by a link since removed', () => {
    const s = play(reach('rapid-review.gathering'), link('D-1'));
    expect(refuse(s, link('D-1'))).toEqual({ kind: 'rule-violated', message: 'Document D-1 is already linked' });
    expect(refuse(play(s, unlink('D-1')), link('D-1', '2026-01-10')).message).toBe(
      'Document D-1 was linked before and unlinked on 2026-01-09: give the link another reference',
    );
  });

  it('refuses to unlink a document that is not linked, or twice', () => {
    const s = reach('rapid-review.gathering');
    expect(refuse(s, unlink('D-9')).message).toBe('There is no document D-9');
    expect(refuse(play(s, link('D-1'), unlink('D-1')), unlink('D-1', '2026-01-10')).message).toBe(
      'Document D-1 was already unlinked on 2026-01-09',
    );
  });
});

describe('who links documents', () => {
  it.each([actors.bu, actors.subgroup])('accepts them from $name', (actor: Actor) => {
    const s = play(reach('lcspr.in-progress'), link('D-1', '2026-03-02', actor));
    expect(dispatch(machine, s, unlink('D-1', '2026-03-03', actor)).ok).toBe(true);
  });

  it.each([actors.police, actors.leadPartner, actors.scrutineer, actors.admin])(
    'refuses them from $name (403)',
    (actor: Actor) => {
      expect(refuse(reach('lcspr.in-progress'), link('D-1', '2026-03-02', actor)).kind).toBe('forbidden');
      const s = play(reach('lcspr.in-progress'), link('D-1', '2026-03-02'));
      expect(refuse(s, unlink('D-1', '2026-03-03', actor)).kind).toBe('forbidden');
    },
  );
});
