/** The web forms come from the event declarations: every event is described and every payload field can be asked. */
import { DateField, EnumField, formFieldsOf, TextField } from '../dto/fields';
import { knownFields } from '../dto/validate-plain';
import { EVENT_DESCRIPTIONS } from './event-descriptions';
import { EVENT_PAYLOADS } from './event-payload-registry';
import { CASE_EVENT_TYPES } from './event-payloads';

describe('event descriptions', () => {
  it.each(CASE_EVENT_TYPES)('describe %s with a title, a button, what it records and a sentence', (type) => {
    const { title, button, done, description } = EVENT_DESCRIPTIONS[type];
    expect(title).toMatch(/^[A-Z]/);
    expect(button).toMatch(/^[A-Z]/);
    expect(done).toMatch(/^[A-Z][^.]*[a-z]$/);
    expect(description).toMatch(/^[A-Z].*\.$/);
  });

  it('describe no event that is not a case event', () => {
    expect(Object.keys(EVENT_DESCRIPTIONS).sort()).toEqual([...CASE_EVENT_TYPES].sort());
  });

  it('give every form its own button text, but "Sign off" for both sign-offs (never offered together)', () => {
    const buttons = CASE_EVENT_TYPES.map((type) => EVENT_DESCRIPTIONS[type].button);
    expect(buttons.filter((b) => b === 'Sign off')).toHaveLength(2);
    expect(EVENT_DESCRIPTIONS['decision.signed-off'].button).toBe('Sign off');
    expect(EVENT_DESCRIPTIONS['lcspr.final-report-signed-off'].button).toBe('Sign off');
    const others = buttons.filter((b) => b !== 'Sign off');
    expect(new Set(others).size).toBe(others.length);
  });
});

describe('form metadata of the payloads', () => {
  it.each(CASE_EVENT_TYPES)('covers every validated field of %s, in declaration order', (type) => {
    const cls = EVENT_PAYLOADS[type];
    const fields = formFieldsOf(cls);
    expect(fields.map((f) => f.name).sort()).toEqual([...knownFields(cls)].sort());
    expect(fields.map((f) => f.name)).toEqual(Object.keys(new cls()).filter((k) => knownFields(cls).has(k)));
    for (const field of fields) expect(field.label).toMatch(/^[A-Z]/);
  });

  it('asks the decision sign-off as radios Agree and Disagree and an optional comment', () => {
    expect(formFieldsOf(EVENT_PAYLOADS['decision.signed-off'])).toEqual([
      expect.objectContaining({
        name: 'decision',
        kind: 'choice',
        optional: false,
        options: [
          { value: 'agree', text: 'Agree' },
          { value: 'disagree', text: 'Disagree' },
        ],
      }),
      expect.objectContaining({
        name: 'comment',
        kind: 'long-text',
        optional: true,
        label: 'Comment',
        maxLength: 2000,
      }),
    ]);
  });

  it('takes the declared label, hint and kinds', () => {
    expect(formFieldsOf(EVENT_PAYLOADS['rapid-review.meeting-held'])).toEqual([
      { name: 'heldOn', kind: 'date', label: 'Date of the rapid review meeting', optional: false },
      // Issue 12 item 1
      { name: 'agenciesPresent', kind: 'agencies', label: 'Which agencies were present?', optional: true },
      { name: 'quorate', kind: 'yes-no', label: 'Was the meeting quorate?', optional: true },
    ]);
    const kinds = (type: keyof typeof EVENT_PAYLOADS) => formFieldsOf(EVENT_PAYLOADS[type]).map((f) => f.kind);
    expect(kinds('lcspr.reviewer-appointed')).toEqual(['text', 'yes-no', 'text']);
    expect(kinds('publication.published')).toEqual(['date', 'url']);
    expect(kinds('action.added')).toEqual(['identifier', 'long-text', 'text', 'date', 'agency', 'text', 'choice']);
    expect(kinds('case.closed')).toEqual([]);
  });

  it('names enum values in plain English, by default humanised', () => {
    const options = (type: keyof typeof EVENT_PAYLOADS) => formFieldsOf(EVENT_PAYLOADS[type])[0].options;
    expect(options('rapid-review.recommended')).toContainEqual({ value: 'no-lcspr', text: 'No LCSPR' });
    expect(options('lcspr.paused')).toContainEqual({ value: 'criminal-proceedings', text: 'Criminal proceedings' });

    class Sample {
      @EnumField(['first-choice', 'agree'])
      choice: string;
    }
    expect(formFieldsOf(Sample)[0].options).toEqual([
      { value: 'first-choice', text: 'First choice' },
      { value: 'agree', text: 'Agree' },
    ]);
  });

  it('labels an undecorated field with its humanised name and long free text as long-text', () => {
    class Sample {
      @DateField()
      heldOn: string;

      @TextField(200, { optional: true, hint: 'Short' })
      panelReference?: string;

      @TextField(201)
      newPlannedNote: string;
    }
    expect(formFieldsOf(Sample)).toEqual([
      { name: 'heldOn', kind: 'date', label: 'Held on', optional: false },
      { name: 'panelReference', kind: 'text', label: 'Panel reference', hint: 'Short', optional: true, maxLength: 200 },
      { name: 'newPlannedNote', kind: 'long-text', label: 'New planned note', optional: false, maxLength: 201 },
    ]);
  });

  it('keeps inherited fields first in a subclass', () => {
    class Base {
      @DateField()
      heldOn: string;
    }
    class Child extends Base {
      @TextField(10)
      note: string;
    }
    expect(formFieldsOf(Child).map((f) => f.name)).toEqual(['heldOn', 'note']);
    expect(formFieldsOf(Base).map((f) => f.name)).toEqual(['heldOn']);
  });
});
