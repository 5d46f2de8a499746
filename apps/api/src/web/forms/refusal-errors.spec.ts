import { ConflictError, IllegalTransitionError, NotFoundError, RuleViolatedError } from '@app/common';
import { refusalErrors } from './refusal-errors';

describe('refusals in the words of the page', () => {
  it('puts a broken rule by the field it names, with its label and GOV.UK dates', () => {
    const error = new RuleViolatedError('heldOn (2026-01-20) cannot be in the future');
    expect(refusalErrors('rapid-review.meeting-held', error)).toEqual({
      heldOn: {
        text: 'Date of the rapid review meeting (20 January 2026) cannot be in the future',
        href: '#heldOn-day',
      },
    });
  });

  it('keeps a rule about no field for the whole form, linking to its first field', () => {
    const error = new RuleViolatedError('The decision was already signed off for police in this round');
    expect(refusalErrors('decision.signed-off', error, 'sign-off-')).toEqual({
      _form: { text: 'The decision was already signed off for police in this round', href: '#sign-off-decision' },
    });
    expect(refusalErrors('case.closed', new RuleViolatedError('Every action must be completed (open: A-1)'))).toEqual({
      // Its form asks only the day it happened (item 6): the link goes there.
      _form: { text: 'Every action must be completed (open: A-1)', href: '#occurredOn-day' },
    });
  });

  it('says what the case can do now when its state does not take the event', () => {
    const error = new IllegalTransitionError('not now', {
      state: 'decision.disputed',
      allowedEvents: ['rapid-review.recommended', 'decision.escalated'],
    });
    expect(refusalErrors('decision.signed-off', error)).toEqual({
      _form: {
        text:
          'You cannot sign off the decision now: the case is at ‘Disputed: a partner disagreed’. What can be done ' +
          'now: recommend the next step; escalate the disagreement to the lead partners.',
        href: '#decision',
      },
    });
  });

  it('says the case moved on when it changed after the form was read', () => {
    expect(refusalErrors('rapid-review.meeting-held', new ConflictError('The case is at version 7, not 6'))).toEqual({
      _form: {
        text: 'Someone else changed this case after you opened this page. Check the case as it is now, then send the form again.',
        href: '#heldOn-day',
      },
    });
  });

  it('leaves other errors to the error pages', () => {
    expect(refusalErrors('case.closed', new NotFoundError('Case'))).toBeUndefined();
  });
});
