import { parseCaseEvent, type CaseEventType } from '@app/cases';
import { ValidationFailedError } from '@app/common';
import { errorSummary, formErrorsFrom } from './form-errors';

/** The page's messages for what the API says about `body`. */
function pageErrors(type: CaseEventType, payload: Record<string, unknown>, idPrefix?: string) {
  try {
    parseCaseEvent({ type, ...payload });
  } catch (error) {
    if (error instanceof ValidationFailedError) return formErrorsFrom(type, error.fields, idPrefix);
    throw error;
  }
  throw new Error('expected the API to refuse the body');
}

describe('formErrorsFrom', () => {
  it('asks for a missing date, linking to its day', () => {
    expect(pageErrors('rapid-review.meeting-held', {})).toEqual({
      heldOn: { text: 'Enter date of the rapid review meeting', href: '#heldOn-day' },
    });
  });

  it('asks to select a missing choice, linking to its first radio', () => {
    expect(pageErrors('decision.signed-off', {})).toEqual({
      decision: { text: 'Select if you agree or disagree with the recommendation', href: '#decision' },
    });
    expect(pageErrors('lcspr.reviewer-appointed', { reviewerName: 'Sam' }, 'reviewer-')).toEqual({
      independent: {
        text: 'Select yes if the reviewer is independent of the partnership',
        href: '#reviewer-independent',
      },
    });
  });

  it('tells a date that does not exist or is out of range the GOV.UK way', () => {
    expect(pageErrors('lcspr.resumed', { resumedOn: '2026-02-30' })).toEqual({
      resumedOn: { text: 'Date the review resumed must be a real date', href: '#resumedOn-day' },
    });
    expect(pageErrors('lcspr.resumed', { resumedOn: '1999-12-31' })).toEqual({
      resumedOn: {
        text: 'Date the review resumed must be between 1 January 2000 and 31 December 2099',
        href: '#resumedOn-day',
      },
    });
  });

  it('tells text that is too long, a bad web address and a bad action reference', () => {
    expect(pageErrors('decision.escalated', { note: 'x'.repeat(2001) })).toEqual({
      note: { text: 'Note for the lead partners must be 2000 characters or fewer', href: '#note' },
    });
    expect(pageErrors('decision.escalated', { note: '   ' })).toEqual({
      note: { text: 'Enter a note for the lead partners', href: '#note' },
    });
    expect(pageErrors('publication.published', { publishedOn: '2026-08-14', url: 'ftp://x' })).toEqual({
      url: {
        text: 'Enter a web address in the correct format, like https://www.example.org/report.pdf',
        href: '#url',
      },
    });
    expect(pageErrors('action.completed', { actionId: 'A 1', completedOn: '2026-08-14' })).toEqual({
      actionId: {
        text: 'Action reference must be 60 characters or fewer and only include letters, numbers, hyphens, underscores and full stops',
        href: '#actionId',
      },
    });
  });

  it('lists the fields in the order of the form', () => {
    expect(Object.keys(pageErrors('action.added', {}))).toEqual(['actionId', 'description', 'owner', 'dueOn']);
  });

  it('keeps a detail about no field of the form, pointing at the first field', () => {
    expect(
      formErrorsFrom('rapid-review.meeting-held', [{ field: 'extra', messages: ['extra is not a known field'] }]),
    ).toEqual({ extra: { text: 'extra is not a known field', href: '#heldOn-day' } });
  });
});

describe('errorSummary', () => {
  it('lists every error under "There is a problem", linking to its field', () => {
    expect(
      errorSummary({
        reason: { text: 'Enter why publication is delayed', href: '#reason' },
        newPlannedOn: { text: 'Year must include 4 numbers', href: '#newPlannedOn-year', parts: ['year'] },
      }),
    ).toEqual({
      titleText: 'There is a problem',
      errorList: [
        { text: 'Enter why publication is delayed', href: '#reason' },
        { text: 'Year must include 4 numbers', href: '#newPlannedOn-year' },
      ],
    });
  });

  it('is nothing when there is no error', () => {
    expect(errorSummary({})).toBeUndefined();
    expect(errorSummary(undefined)).toBeUndefined();
  });
});
