import { DEFAULT_RELEVANT_AGENCIES } from '@app/workflows';
import { CASE_EVENT_TYPES, parseCaseEvent, type CaseEventType } from '@app/cases';
import { eventForm, type EventFormModel } from './event-form';
import { eventFields } from './form-fields';
import { readEventForm, readFormFields } from './read-event-form';

/** A valid stored value for each field of an event, from its declaration. */
function validValues(type: CaseEventType): Record<string, unknown> {
  const sample = {
    date: '2026-03-09',
    text: 'Some words',
    'long-text': 'Some words',
    url: 'https://example.org/r.pdf',
  };
  return Object.fromEntries(
    eventFields(type).map((f) => {
      // A user's id is asked for as text but must be a UUID (issue 12 item 5: the reviewer's account).
      if (f.name === 'reviewerUserId') return [f.name, '6f1c2b9e-8a47-4c1e-9d55-0f3a7b2c9e10'];
      switch (f.kind) {
        case 'choice':
          return [f.name, f.options![f.options!.length - 1].value];
        case 'choices':
          return [f.name, f.options!.slice(0, 2).map((o) => o.value)];
        case 'agency':
          return [f.name, 'police'];
        case 'agencies':
          return [f.name, ['police', 'education']];
        case 'yes-no':
          return [f.name, false];
        case 'identifier':
          return [f.name, 'A-1'];
        case 'whole-number':
          return [f.name, f.max];
        default:
          return [f.name, sample[f.kind]];
      }
    }),
  );
}

/** What a browser submits for the form as rendered: every input's name and value, the checked radio's. */
function submitted(model: EventFormModel): Record<string, string | string[]> {
  const body: Record<string, string | string[]> = { _csrf: 'token' };
  for (const { macro, params } of model.fields) {
    if (macro === 'govukDateInput') {
      for (const item of params.items as { name: string; value?: string }[]) {
        body[`${String(params.namePrefix)}-${item.name}`] = item.value ?? '';
      }
    } else if (macro === 'govukRadios') {
      const checked = (params.items as { value: string; checked: boolean }[]).find((i) => i.checked);
      if (checked) body[String(params.name)] = checked.value;
    } else if (macro === 'govukCheckboxes') {
      const checked = (params.items as { value: string; checked: boolean }[]).filter((i) => i.checked);
      if (checked.length > 0) body[String(params.name)] = checked.map((i) => i.value);
    } else {
      body[String(params.name)] = (params.value as string | undefined) ?? '';
    }
  }
  return body;
}

const dateOf = (name: string, day: string, month: string, year: string) => ({
  [`${name}-day`]: day,
  [`${name}-month`]: month,
  [`${name}-year`]: year,
});

describe('readEventForm', () => {
  it.each(CASE_EVENT_TYPES)('reads back the API body of %s from its submitted form', (type) => {
    const values = validValues(type);
    const agencies = DEFAULT_RELEVANT_AGENCIES.map((a) => ({ value: a.key, text: a.name }));
    const read = readEventForm(type, submitted(eventForm(type, values, {}, { agencies })));
    expect(read).toEqual({ body: { type, ...values } });
    expect(parseCaseEvent((read as { body: unknown }).body)).toEqual({ type, payload: values });
  });

  it('joins the parts of a date, accepting single digits and month names', () => {
    expect(readEventForm('rapid-review.meeting-held', dateOf('heldOn', ' 3 ', 'Feb', '2026'))).toEqual({
      body: { type: 'rapid-review.meeting-held', heldOn: '2026-02-03' },
    });
    expect(readEventForm('rapid-review.meeting-held', dateOf('heldOn', '03', 'september', '2026'))).toEqual({
      body: { type: 'rapid-review.meeting-held', heldOn: '2026-09-03' },
    });
  });

  it('reads Yes and No as true and false', () => {
    const read = (independent: string) =>
      readEventForm('lcspr.reviewer-appointed', { reviewerName: 'Sam', independent });
    expect(read('yes')).toEqual({ body: { type: 'lcspr.reviewer-appointed', reviewerName: 'Sam', independent: true } });
    expect(read('no')).toEqual({ body: { type: 'lcspr.reviewer-appointed', reviewerName: 'Sam', independent: false } });
  });

  it('leaves blank fields out (the API then says which are required) and ignores other names', () => {
    expect(readEventForm('decision.signed-off', { decision: 'agree', comment: '  ', _csrf: 't', extra: 'x' })).toEqual({
      body: { type: 'decision.signed-off', decision: 'agree' },
    });
    expect(readEventForm('rapid-review.meeting-held', dateOf('heldOn', '', '', ''))).toEqual({
      body: { type: 'rapid-review.meeting-held' },
    });
  });

  it('says which parts a date is missing, linking to the first of them', () => {
    expect(readEventForm('rapid-review.meeting-held', dateOf('heldOn', '10', '', '2026'))).toEqual({
      errors: {
        heldOn: {
          text: 'Date of the rapid review meeting must include a month',
          href: '#heldOn-month',
          parts: ['month'],
        },
      },
    });
    expect(readEventForm('rapid-review.meeting-held', dateOf('heldOn', '', '', '2026'))).toMatchObject({
      errors: {
        heldOn: { text: 'Date of the rapid review meeting must include a day and month', href: '#heldOn-day' },
      },
    });
  });

  it('refuses parts that are not a day, a month or a four-digit year', () => {
    expect(readEventForm('rapid-review.meeting-held', dateOf('heldOn', 'x', '13', '2026'))).toEqual({
      errors: {
        heldOn: {
          text: 'Date of the rapid review meeting must be a real date',
          href: '#heldOn-day',
          parts: ['day', 'month'],
        },
      },
    });
    expect(readEventForm('rapid-review.meeting-held', dateOf('heldOn', '1', '2', '26'))).toEqual({
      errors: { heldOn: { text: 'Year must include 4 numbers', href: '#heldOn-year', parts: ['year'] } },
    });
  });

  it("lists the other fields' problems too, in the order of the form, so all are fixed at once", () => {
    const read = readEventForm(
      'publication.delayed',
      { reason: '', ...dateOf('newPlannedOn', '1', '', '2027') },
      'delayed-',
    );
    expect(read).toEqual({
      errors: {
        reason: { text: 'Enter why publication is delayed', href: '#delayed-reason' },
        newPlannedOn: {
          text: 'New planned publication date must include a month',
          href: '#delayed-newPlannedOn-month',
          parts: ['month'],
        },
      },
    });
    expect(Object.keys((read as { errors: object }).errors)).toEqual(['reason', 'newPlannedOn']);
  });
});

describe('readFormFields', () => {
  const age = { name: 'age', kind: 'whole-number', label: 'Age', optional: false, min: 0, max: 17 } as const;

  it('reads digits asked as a whole number as a number, and anything else as typed for the rules to refuse', () => {
    expect(readFormFields([age], { age: ' 7 ' })).toEqual({ values: { age: 7 }, errors: {} });
    expect(readFormFields([age], { age: 'seven' })).toEqual({ values: { age: 'seven' }, errors: {} });
    expect(readFormFields([age], { age: '' })).toEqual({ values: {}, errors: {} });
  });
});
