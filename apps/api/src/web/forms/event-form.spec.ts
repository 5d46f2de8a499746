import { CASE_EVENT_TYPES } from '@app/cases';
import { eventForm } from './event-form';

const field = (model: ReturnType<typeof eventForm>, name: string) => model.fields.find((f) => f.name === name)!;

describe('eventForm', () => {
  it('asks a date as a GOV.UK date input named <field>-day, -month and -year', () => {
    const model = eventForm('rapid-review.meeting-held');
    expect(model).toEqual({
      type: 'rapid-review.meeting-held',
      title: 'Record the rapid review meeting',
      description: expect.any(String),
      button: 'Save meeting',
      fields: [
        expect.objectContaining({
          name: 'heldOn',
          macro: 'govukDateInput',
          params: {
            id: 'heldOn',
            namePrefix: 'heldOn',
            fieldset: { legend: { text: 'Date of the rapid review meeting', classes: 'govuk-fieldset__legend--s' } },
            hint: { text: 'For example, 27 3 2026' },
            items: [{ name: 'day' }, { name: 'month' }, { name: 'year' }],
          },
        }),
        // Issue 12 item 1: the agencies present and the quorum, optional
        expect.objectContaining({ name: 'agenciesPresent', macro: 'govukCheckboxes' }),
        expect.objectContaining({ name: 'quorate', macro: 'govukRadios' }),
      ],
    });
  });

  it('asks the decision sign-off as radios Agree and Disagree, an optional comment and a button Sign off', () => {
    const model = eventForm('decision.signed-off');
    expect(model.button).toBe('Sign off');
    expect(field(model, 'decision')).toEqual({
      name: 'decision',
      macro: 'govukRadios',
      params: {
        idPrefix: 'decision',
        name: 'decision',
        fieldset: { legend: { text: 'Do you agree with the recommendation?', classes: 'govuk-fieldset__legend--s' } },
        items: [
          { value: 'agree', text: 'Agree', checked: false },
          { value: 'disagree', text: 'Disagree', checked: false },
        ],
      },
    });
    expect(field(model, 'comment')).toEqual({
      name: 'comment',
      macro: 'govukCharacterCount',
      params: {
        id: 'comment',
        name: 'comment',
        label: { text: 'Comment (optional)', classes: 'govuk-label--s' },
        hint: { text: 'Do not name the children.' },
        maxlength: 2000,
        rows: 5,
      },
    });
  });

  it('asks a boolean as inline Yes and No radios, short text and web addresses as inputs', () => {
    const reviewer = eventForm('lcspr.reviewer-appointed', { reviewerName: 'Sam Reviewer', independent: false });
    expect(field(reviewer, 'reviewerName')).toMatchObject({
      macro: 'govukInput',
      params: { id: 'reviewerName', name: 'reviewerName', type: 'text', value: 'Sam Reviewer' },
    });
    expect(field(reviewer, 'independent')).toMatchObject({
      macro: 'govukRadios',
      params: {
        classes: 'govuk-radios--inline',
        items: [
          { value: 'yes', text: 'Yes', checked: false },
          { value: 'no', text: 'No', checked: true },
        ],
      },
    });
    expect(field(eventForm('publication.published'), 'url')).toMatchObject({
      macro: 'govukInput',
      params: { type: 'url', spellcheck: false, label: { text: 'Web address of the published report' } },
    });
    expect(field(eventForm('action.completed'), 'actionId')).toMatchObject({
      macro: 'govukInput',
      params: { classes: 'govuk-input--width-10', label: { text: 'Action reference' } },
    });
  });

  it('shows again what was typed, and fills a stored value in', () => {
    const typed = eventForm('panel.responded', {
      'respondedOn-day': '3',
      'respondedOn-month': 'Mar',
      'respondedOn-year': '',
      response: 'challenges',
      comment: 'See letter',
    });
    expect(field(typed, 'respondedOn').params.items).toEqual([
      { name: 'day', value: '3' },
      { name: 'month', value: 'Mar' },
      { name: 'year', value: '' },
    ]);
    expect(field(typed, 'response').params.items).toContainEqual({
      value: 'challenges',
      text: 'Challenges the decision',
      checked: true,
    });
    expect(field(typed, 'comment').params.value).toBe('See letter');

    const stored = eventForm('panel.responded', { respondedOn: '2026-03-09' });
    expect(field(stored, 'respondedOn').params.items).toEqual([
      { name: 'day', value: '9' },
      { name: 'month', value: '3' },
      { name: 'year', value: '2026' },
    ]);
  });

  it('shows each error at its field, highlighting only the date parts at fault', () => {
    const model = eventForm(
      'publication.delayed',
      {},
      {
        reason: { text: 'Enter why publication is delayed', href: '#reason' },
        newPlannedOn: {
          text: 'New planned publication date must include a month',
          href: '#newPlannedOn-month',
          parts: ['month'],
        },
      },
    );
    expect(field(model, 'reason').params.errorMessage).toEqual({ text: 'Enter why publication is delayed' });
    expect(field(model, 'newPlannedOn').params).toMatchObject({
      errorMessage: { text: 'New planned publication date must include a month' },
      items: [{ name: 'day' }, { name: 'month', error: true }, { name: 'year' }],
    });
  });

  it('prefixes ids, never names, and carries the action', () => {
    const model = eventForm('publication.withheld', {}, {}, { idPrefix: 'withheld-', action: '/case/c1/events/x' });
    expect(model.action).toBe('/case/c1/events/x');
    expect(field(model, 'reason').params).toMatchObject({ id: 'withheld-reason', name: 'reason' });
    expect(field(eventForm('lcspr.resumed', {}, {}, { idPrefix: 'r-' }), 'resumedOn').params).toMatchObject({
      id: 'r-resumedOn',
      namePrefix: 'resumedOn',
    });
  });

  it('gives an event without fields just its button', () => {
    expect(eventForm('case.closed')).toMatchObject({ title: 'Close the case', button: 'Close case', fields: [] });
  });

  it.each(CASE_EVENT_TYPES)('builds the form of %s with a GOV.UK macro and a label for every field', (type) => {
    const model = eventForm(type);
    for (const f of model.fields) {
      const label = (f.params.label ?? (f.params.fieldset as { legend: unknown }).legend) as { text: string };
      expect(label.text).toMatch(/^[A-Z]/);
      expect(['govukDateInput', 'govukRadios', 'govukCheckboxes', 'govukInput', 'govukCharacterCount']).toContain(
        f.macro,
      );
    }
  });
});
