/** Item 6: the envelope every event may carry beside its payload, declared once. */
import { ValidationFailedError } from '@app/common';
import { formFieldsOf } from '../dto/fields';
import { actDateOf, DATE_FIELDS_NOT_THE_ACT, OWN_DATE_FIELDS } from './event-envelope';
import { EVENT_PAYLOADS, parseCaseEvent } from './event-payload-registry';
import { CASE_EVENT_TYPES } from './event-payloads';

const refusal = (body: unknown) => {
  try {
    parseCaseEvent(body);
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.fields;
    throw error;
  }
  throw new Error('accepted');
};

describe('the event envelope', () => {
  it.each(CASE_EVENT_TYPES)('decides of every date field of %s whether it is the day of the act', (type) => {
    const dateFields = formFieldsOf(EVENT_PAYLOADS[type])
      .filter((f) => f.kind === 'date')
      .map((f) => f.name);
    const decided = [
      ...(OWN_DATE_FIELDS[type] ? [OWN_DATE_FIELDS[type]] : []),
      ...(DATE_FIELDS_NOT_THE_ACT[type] ?? []),
    ];
    expect(dateFields.sort()).toEqual([...decided].sort());
  });

  it('takes occurredOn on an event without a date of its own, beside its payload', () => {
    expect(parseCaseEvent({ type: 'notification.withdrawn', reason: 'Not met.', occurredOn: '2026-01-08' })).toEqual({
      type: 'notification.withdrawn',
      payload: { reason: 'Not met.' },
      envelope: { occurredOn: '2026-01-08' },
    });
    expect(refusal({ type: 'lcspr.paused', reason: 'inquest', detail: 'd', occurredOn: '2026-02-30' })).toEqual([
      { field: 'occurredOn', messages: [expect.stringMatching(/real date/)] },
    ]);
  });

  it('refuses occurredOn where the event carries its own date, naming that field', () => {
    expect(refusal({ type: 'rapid-review.meeting-held', heldOn: '2026-01-14', occurredOn: '2026-01-14' })).toEqual([
      {
        field: 'occurredOn',
        messages: ['occurredOn is not taken by rapid-review.meeting-held: the day it happened is its own field heldOn'],
      },
    ]);
  });

  it('takes onBehalfOf and delegationReason together, and only on a sign-off', () => {
    expect(
      parseCaseEvent({
        type: 'decision.signed-off',
        decision: 'agree',
        onBehalfOf: 'police',
        delegationReason: ' By exception ',
      }),
    ).toEqual({
      type: 'decision.signed-off',
      payload: { decision: 'agree' },
      envelope: { onBehalfOf: 'police', delegationReason: 'By exception' },
    });
    expect(refusal({ type: 'decision.signed-off', decision: 'agree', delegationReason: 'x' })).toEqual([
      { field: 'onBehalfOf', messages: ['onBehalfOf is required with delegationReason'] },
    ]);
    expect(
      refusal({ type: 'decision.signed-off', decision: 'agree', onBehalfOf: 'fire', delegationReason: 'x' })[0].field,
    ).toBe('onBehalfOf');
    expect(refusal({ type: 'decision.escalated', note: 'n', onBehalfOf: 'police' })).toEqual([
      { field: 'onBehalfOf', messages: ['onBehalfOf is not a known field'] },
    ]);
  });

  it('dates an act by its own field, else occurredOn, else the day it is recorded', () => {
    expect(actDateOf('rapid-review.meeting-held', { heldOn: '2026-01-14' }, undefined, '2026-01-20')).toBe(
      '2026-01-14',
    );
    expect(actDateOf('decision.escalated', { note: 'n' }, { occurredOn: '2026-01-16' }, '2026-01-20')).toBe(
      '2026-01-16',
    );
    expect(actDateOf('decision.escalated', { note: 'n' }, undefined, '2026-01-20')).toBe('2026-01-20');
  });
});
