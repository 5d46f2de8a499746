import { ValidationFailedError } from '@app/common';
import { CASE_EVENT_TYPES, type CaseEventType } from './event-payloads';
import { EVENT_PAYLOADS, parseCaseEvent } from './event-payload-registry';

/** One valid payload per event type (without `type`). */
const VALID: Record<CaseEventType, Record<string, unknown>> = {
  'notification.submitted': { submittedOn: '2026-03-02', panelReference: 'CSPRP-2026-0123' },
  'partners.informed': { informedOn: '2026-03-03' },
  'notification.withdrawn': { reason: 'Criteria for notification not met.' },
  'agency-return.received': { agency: 'police' },
  'rapid-review.meeting-held': { heldOn: '2026-03-10' },
  'rapid-review.recommended': { recommendation: 'lcspr', rationale: 'Learning about multi-agency working.' },
  'decision.signed-off': { decision: 'agree', comment: 'Agreed at the partners meeting.' },
  'decision.escalated': { note: 'Partners disagree; lead partners to decide.' },
  'rapid-review.submitted': { submittedOn: '2026-03-20' },
  'panel.responded': { response: 'agrees', respondedOn: '2026-04-01', comment: 'Panel agrees.' },
  'national-review.published': { publishedOn: '2027-01-15' },
  'lcspr.reviewer-appointed': {
    reviewerName: 'Sam Reviewer',
    independent: true,
    reviewerUserId: '6f1c2b9e-8a47-4c1e-9d55-0f3a7b2c9e10',
  },
  'lcspr.terms-agreed': { agreedOn: '2026-04-10' },
  'lcspr.methodology-agreed': { agreedOn: '2026-04-12' },
  'lcspr.paused': { reason: 'criminal-proceedings', detail: 'Trial listed for the autumn.' },
  'lcspr.resumed': { resumedOn: '2026-10-01' },
  'lcspr.draft-received': { receivedOn: '2026-09-01' },
  'lcspr.final-report-signed-off': { decision: 'agree' },
  'publication.scheduled': { plannedOn: '2026-11-02' },
  'publication.report-sent': { sentOn: '2026-10-20' },
  'publication.published': { publishedOn: '2026-11-02', url: 'https://example.org/reports/lcspr-2026-01.pdf' },
  'publication.delayed': { reason: 'Criminal trial not yet concluded.', newPlannedOn: '2027-02-01' },
  'publication.withheld': { reason: 'Publication would harm the sibling.' },
  'publication.panel-informed': { informedOn: '2026-10-25' },
  'action.added': {
    actionId: 'A-1.2_b',
    description: 'Refresh the neglect strategy.',
    owner: 'Head of Early Help',
    dueOn: '2027-03-31',
    owningAgency: 'health-providers',
    lead: 'Named nurse for safeguarding',
    source: 'lcspr',
  },
  'action.completed': { actionId: 'A-1.2_b', completedOn: '2027-03-01' },
  // Issue 12 items 3 and 8
  'action.progress-updated': {
    actionId: 'A-1',
    updatedOn: '2027-01-10',
    status: 'at-risk',
    note: 'Training dates not yet set.',
  },
  'action.due-date-changed': { actionId: 'A-1', dueOn: '2027-06-30', reason: 'Agreed at the subgroup.' },
  'action.cancelled': { actionId: 'A-1', reason: 'Overtaken by the national review.' },
  'document.linked': {
    documentId: 'D-1',
    title: 'Police return',
    kind: 'agency-return',
    url: 'https://documents.partnership.example/d/1',
  },
  'document.unlinked': { documentId: 'D-1', reason: 'Linked to the wrong case.' },
  'case.closed': {},
  // Issue 12 items 4 and 5
  'escalation.resolved': { outcome: 'lcspr', resolvedOn: '2026-02-02', note: 'Agreed at the executive.' },
  'lcspr.completion-planned': { plannedCompletionOn: '2026-07-01' },
  'lcspr.extended': { reason: 'Criminal trial listed for the autumn.', newCompletionOn: '2026-10-30' },
  'lcspr.extension-notified': { informedOn: '2026-06-03' },
  'lcspr.progress-reviewed': { reviewedOn: '2026-05-01', note: 'On track; chronologies in.' },
  'lcspr.involvement-recorded': { who: 'family', involvedOn: '2026-05-10', note: 'Met the mother at home.' },
  // Issue 12 item 2
  'sos-ofsted.notified': { notifiedOn: '2026-03-04' },
  'notification.criteria-met': { awareOn: '2026-03-20', abuseOrNeglect: 'suspected' },
  'incident.details-recorded': {
    localAuthorityOfResidence: 'Northshire County Council',
    localAuthorityOfIncident: 'Southshire Council',
    harmCategories: ['neglect', 'physical-abuse'],
    contributingFactors: ['domestic-abuse', 'unsafe-sleep'],
  },
  'child.details-recorded': {
    child: 1,
    plans: ['looked-after'],
    placementType: 'foster-placement',
    knownToAgencies: ['police', 'education'],
    ethnicity: 'WBRI',
    disability: 'disabled',
    disabilityTypes: ['LD', 'AUT'],
  },
  // Issue 12 item 1
  'agency-return.requested': { agency: 'education', requestedOn: '2026-03-03', dueOn: '2026-03-13' },
  'agency-return.chased': { agency: 'education', chasedOn: '2026-03-12', note: 'Called the designated lead.' },
};

/** Fields of the contract that may be left out. */
const OPTIONAL: Partial<Record<CaseEventType, string[]>> = {
  'notification.submitted': ['panelReference'],
  'decision.signed-off': ['comment'],
  'panel.responded': ['comment'],
  'lcspr.final-report-signed-off': ['comment'],
  'lcspr.reviewer-appointed': ['reviewerUserId'],
  'escalation.resolved': ['note'],
  'action.added': ['owningAgency', 'lead', 'source'], // issue 12 item 3
  // Issue 12 item 2
  'incident.details-recorded': [
    'localAuthorityOfResidence',
    'localAuthorityOfIncident',
    'harmCategories',
    'contributingFactors',
  ],
  'child.details-recorded': ['plans', 'placementType', 'knownToAgencies', 'ethnicity', 'disability', 'disabilityTypes'],
  // Issue 12 item 1
  'agency-return.requested': ['dueOn'],
  'agency-return.chased': ['note'],
};

const isDateField = (field: string): boolean => /On$/.test(field);

/** Runs parseCaseEvent and returns the ValidationFailedError it throws (failing the test if it throws nothing). */
function refusal(body: unknown): ValidationFailedError {
  try {
    parseCaseEvent(body);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return error as ValidationFailedError;
  }
  throw new Error(`expected ${JSON.stringify(body)} to be refused`);
}

const fieldsOf = (error: ValidationFailedError): string[] => error.fields.map((f) => f.field);
const messagesFor = (error: ValidationFailedError, field: string): string[] =>
  error.fields.filter((f) => f.field === field).flatMap((f) => f.messages);

const cases = CASE_EVENT_TYPES.map((type) => [type] as const);

describe('the valid examples', () => {
  it('cover every case event type exactly', () => {
    expect(Object.keys(VALID).sort()).toEqual([...CASE_EVENT_TYPES].sort());
    expect(Object.keys(EVENT_PAYLOADS).sort()).toEqual([...CASE_EVENT_TYPES].sort());
  });

  it('use the contract dot-names', () => {
    expect(CASE_EVENT_TYPES).toContain('notification.submitted');
    expect(CASE_EVENT_TYPES).toContain('decision.signed-off');
    expect(CASE_EVENT_TYPES).toContain('lcspr.final-report-signed-off');
    expect(new Set(CASE_EVENT_TYPES).size).toBe(CASE_EVENT_TYPES.length);
  });
});

describe.each(cases)('%s', (type) => {
  const example = VALID[type];
  const required = Object.keys(example).filter((f) => !(OPTIONAL[type] ?? []).includes(f));
  const strings = Object.keys(example).filter((f) => typeof example[f] === 'string');
  const booleans = Object.keys(example).filter((f) => typeof example[f] === 'boolean');
  const dates = Object.keys(example).filter(isDateField);

  it('accepts a valid payload and returns only its fields', () => {
    expect(parseCaseEvent({ type, ...example })).toEqual({ type, payload: example });
  });

  it('refuses an unknown field, naming it', () => {
    const error = refusal({ type, ...example, childName: 'Alex' });
    expect(fieldsOf(error)).toEqual(['childName']);
    expect(messagesFor(error, 'childName')).toEqual(['childName is not a known field']);
    expect(error.message).toBe('Invalid input: childName');
  });

  if (required.length > 0) {
    it.each(required)('names a missing required field: %s', (field) => {
      const { [field]: _omitted, ...rest } = example;
      const error = refusal({ type, ...rest });
      expect(fieldsOf(error)).toEqual([field]);
      expect(messagesFor(error, field)).toEqual([`${field} is required`]);
    });

    it('names every bad field at once', () => {
      const error = refusal({ type, extra: 1 });
      expect(fieldsOf(error).sort()).toEqual([...required, 'extra'].sort());
      expect(error.message).toMatch(/^Invalid input: /);
    });
  }

  if (OPTIONAL[type]) {
    it.each(OPTIONAL[type]!)('accepts the payload without the optional %s (null counts as absent)', (field) => {
      const { [field]: _omitted, ...rest } = example;
      expect(parseCaseEvent({ type, ...rest }).payload).toEqual(rest);
      expect(parseCaseEvent({ type, ...rest, [field]: null }).payload).toEqual(rest);
    });
  }

  if (dates.length > 0) {
    it.each(dates)('refuses an impossible date in %s', (field) => {
      const error = refusal({ type, ...example, [field]: '2026-02-30' });
      expect(fieldsOf(error)).toEqual([field]);
      expect(messagesFor(error, field)).toEqual([`${field} must be a real date YYYY-MM-DD`]);
    });

    it.each(dates)('refuses %s outside 2000-2099, as an instant or as a number', (field) => {
      for (const bad of ['1999-12-31', '2100-01-01', '2026-03-02T00:00:00Z', '2026-3-2', 20260302, ' 2026-03-02']) {
        expect(fieldsOf(refusal({ type, ...example, [field]: bad }))).toEqual([field]);
      }
      for (const good of ['2000-01-01', '2099-12-31', '2028-02-29']) {
        expect(parseCaseEvent({ type, ...example, [field]: good }).payload[field]).toBe(good);
      }
    });
  }

  if (strings.length > 0) {
    it.each(strings)('refuses a number, an object or an array for the string %s', (field) => {
      for (const bad of [42, { $gt: '' }, ['a'], true]) {
        expect(fieldsOf(refusal({ type, ...example, [field]: bad }))).toEqual([field]);
      }
    });

    it.each(strings)('refuses a huge string in %s', (field) => {
      expect(fieldsOf(refusal({ type, ...example, [field]: 'x'.repeat(200_000) }))).toEqual([field]);
    });
  }

  if (booleans.length > 0) {
    it.each(booleans)('refuses a string or number for the boolean %s', (field) => {
      for (const bad of ['true', 'false', 1, 0]) {
        expect(fieldsOf(refusal({ type, ...example, [field]: bad }))).toEqual([field]);
      }
    });
  }

  it('refuses __proto__ and constructor keys without polluting prototypes', () => {
    const body = JSON.parse(
      `{"type":"${type}","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`,
    );
    Object.assign(body, example);
    const error = refusal(body);
    expect(fieldsOf(error)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('throws only ValidationFailedError whatever the field values', () => {
    const odd: unknown[] = [
      null,
      undefined,
      0,
      -1,
      NaN,
      Infinity,
      '',
      ' ',
      true,
      {},
      [],
      [[]],
      { length: 1 },
      'x'.repeat(10_000),
    ];
    for (const field of [...Object.keys(example), 'type', '__proto__', 'constructor', 'toString']) {
      for (const value of odd) {
        try {
          parseCaseEvent({ type, ...example, [field]: value });
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationFailedError);
        }
      }
    }
  });
});

describe('parseCaseEvent', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an array', [{ type: 'case.closed' }]],
    ['a string', 'case.closed'],
    ['a number', 42],
  ])('refuses %s as the body', (_label, body) => {
    const error = refusal(body);
    expect(fieldsOf(error)).toEqual(['body']);
  });

  it('refuses a missing type, listing the known types', () => {
    const error = refusal({ informedOn: '2026-03-03' });
    expect(fieldsOf(error)).toEqual(['type']);
    expect(messagesFor(error, 'type')[0]).toContain('type is required');
    expect(messagesFor(error, 'type')[0]).toContain('notification.submitted, partners.informed');
    expect(error.message).toBe('Invalid input: type');
  });

  it.each([
    ['nonsense'],
    [42],
    [null],
    [['case.closed']],
    [{}],
    ['constructor'],
    ['__proto__'],
    ['toString'],
    ['hasOwnProperty'],
    ['CASE.CLOSED'],
    [' case.closed'],
  ])('refuses the type %p, naming the field type and listing the known types', (type) => {
    const error = refusal({ type });
    expect(fieldsOf(error)).toEqual(['type']);
    expect(messagesFor(error, 'type')[0]).toContain('case.closed');
  });

  it('trims free text', () => {
    const { payload } = parseCaseEvent({ type: 'decision.escalated', note: '  to lead partners \n' });
    expect(payload).toEqual({ note: 'to lead partners' });
  });

  it('refuses blank free text as empty', () => {
    const error = refusal({ type: 'publication.withheld', reason: '   ' });
    expect(messagesFor(error, 'reason')).toEqual(['reason must not be empty']);
  });

  it('refuses text over its limit, saying the limit', () => {
    const error = refusal({ type: 'publication.withheld', reason: 'x'.repeat(2001) });
    expect(messagesFor(error, 'reason')).toEqual(['reason must be at most 2000 characters']);
  });

  it('refuses values outside an enumeration, listing the allowed ones', () => {
    const error = refusal({ type: 'lcspr.paused', reason: 'holiday', detail: 'x' });
    expect(messagesFor(error, 'reason')).toEqual([
      'reason must be one of: criminal-proceedings, inquest, domestic-homicide-review, panel-agreement, other',
    ]);
    // An agency is a key of the case's relevant agencies (issue 12): one of the right form ('fire') is the case's
    // rule to judge (422); one that cannot be a key is refused here.
    expect(fieldsOf(refusal({ type: 'agency-return.received', agency: 'Fire!' }))).toEqual(['agency']);
    expect(parseCaseEvent({ type: 'agency-return.received', agency: 'fire' }).payload).toEqual({ agency: 'fire' });
  });

  it.each([
    ['ftp', 'ftp://example.org/r.pdf'],
    ['javascript', 'javascript:alert(1)'],
    ['without a scheme', 'example.org/report'],
    ['without a host', 'https://'],
    ['over 2000 characters', `https://example.org/${'x'.repeat(2000)}`],
  ])('refuses a publication url %s', (_label, url) => {
    expect(fieldsOf(refusal({ type: 'publication.published', publishedOn: '2026-11-02', url }))).toEqual(['url']);
  });

  it.each(['', 'A 1', 'A/1', 'x'.repeat(61), 'é'])('refuses the action id %p', (actionId) => {
    expect(fieldsOf(refusal({ type: 'action.completed', actionId, completedOn: '2027-03-01' }))).toEqual(['actionId']);
  });

  it('accepts an action id of 60 characters', () => {
    const actionId = 'a'.repeat(60);
    expect(parseCaseEvent({ type: 'action.completed', actionId, completedOn: '2027-03-01' }).payload.actionId).toBe(
      actionId,
    );
  });

  it.each([
    ['an unknown source', { source: 'hearsay' }, 'source'],
    ['an agency key of the wrong form', { owningAgency: 'Police!' }, 'owningAgency'],
  ])('refuses an action added with %s', (_label, extra, field) => {
    const body = { type: 'action.added', ...VALID['action.added'], ...extra };
    expect(fieldsOf(refusal(body))).toEqual([field]);
  });

  it.each([['not-begun'], ['ON-TRACK'], ['']])('refuses the progress status %p', (status) => {
    const body = { type: 'action.progress-updated', ...VALID['action.progress-updated'], status };
    expect(fieldsOf(refusal(body))).toEqual(['status']);
  });

  it.each([['file:///c:/reports/x.pdf'], ['javascript:alert(1)'], ['\\\\server\\share\\x.docx']])(
    'refuses a document address that is not http or https: %p',
    (url) => {
      expect(fieldsOf(refusal({ type: 'document.linked', ...VALID['document.linked'], url }))).toEqual(['url']);
    },
  );

  it('accepts case.closed only with no fields', () => {
    expect(parseCaseEvent({ type: 'case.closed' })).toEqual({ type: 'case.closed', payload: {} });
    expect(fieldsOf(refusal({ type: 'case.closed', reason: 'done' }))).toEqual(['reason']);
  });

  it('returns a plain object, not a class instance', () => {
    const { payload } = parseCaseEvent({ type: 'partners.informed', informedOn: '2026-03-03' });
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
  });
});
