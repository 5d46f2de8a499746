import { deadlineReminder, type DeadlineReminderInput, type DeadlineReminderKind } from './deadline-reminder';
import { eventNotice, type EventNoticeInput, type EventNoticeKind } from './event-notice';
import type { RenderedMail, UnfilledRoles } from './render';

/** A case as the service holds it: the child's details and the summary must never reach a mail. */
const fixtureCase = {
  id: '0b7c5a70-7d4e-4a55-9c36-5c1f3f0b9d11',
  reference: 'CSPR-2026-0007',
  partnershipId: 'SECRET-PARTNERSHIP-ID',
  state: 'SECRET-STATE-NAME',
  details: {
    incidentOn: '2025-12-01',
    incidentType: 'death',
    abuseOrNeglect: 'suspected',
    lookedAfter: true,
    children: [{ ageYears: 4, sex: 'SECRET-SEX', ethnicity: 'SECRET-ETHNICITY', disability: 'SECRET-DISABILITY' }],
    summary: 'SECRET-SUMMARY-TEXT',
  },
};
const SECRETS = [
  'SECRET-SUMMARY-TEXT',
  'SECRET-ETHNICITY',
  'SECRET-DISABILITY',
  'SECRET-SEX',
  'SECRET-PARTNERSHIP-ID',
  'SECRET-STATE-NAME',
  fixtureCase.id,
  '2025-12-01',
];
const caseUrl = `https://practice-review.test/cases/${encodeURIComponent(fixtureCase.reference)}`;

const DEADLINE_KINDS: DeadlineReminderKind[] = ['warning', 'due-today', 'breach', 'escalation'];
const EVENT_KINDS: EventNoticeKind[] = [
  'sign-off-requested',
  'final-report-sign-off-requested',
  'decision-agreed',
  'decision-disputed',
  'notification-made',
  'escalated-to-lead-partners',
];

/** Only what the template accepts, picked from the case: reference, link, the rule's text and dates. */
function reminderInput(kind: DeadlineReminderKind): DeadlineReminderInput {
  return {
    reference: fixtureCase.reference,
    caseUrl,
    ruleDescription: 'Notify the Panel',
    dueOn: '2026-01-12',
    kind,
    workingDaysLeft: kind === 'warning' ? 2 : undefined,
    workingDaysOverdue: kind === 'breach' || kind === 'escalation' ? 3 : undefined,
    escalatedTo: kind === 'escalation' ? 'lead partners' : undefined,
  };
}

const all = (mail: RenderedMail) => `${mail.subject}\n${mail.text}\n${mail.html}`;

function expectNoLeak(mail: RenderedMail): void {
  for (const part of [mail.subject, mail.text, mail.html]) {
    expect(part).toContain(fixtureCase.reference);
  }
  expect(mail.text).toContain(caseUrl);
  expect(mail.html).toContain(`href="${caseUrl}"`);
  for (const secret of SECRETS) expect(all(mail)).not.toContain(secret);
}

// Compile-time: the inputs are closed. If someone widened them (an index signature, a `details` field),
// these `@ts-expect-error` lines would stop erroring and `tsc` would fail.
type Exactly<T, U> = [T] extends [U] ? ([U] extends [T] ? true : false) : false;
const deadlineKeysAreClosed: Exactly<
  keyof DeadlineReminderInput,
  | 'reference'
  | 'caseUrl'
  | 'ruleDescription'
  | 'item'
  | 'dueOn'
  | 'kind'
  | 'workingDaysLeft'
  | 'workingDaysOverdue'
  | 'escalatedTo'
  | 'unfilledRoles'
  | 'caseEscalated'
> = true;
const eventKeysAreClosed: Exactly<keyof EventNoticeInput, 'reference' | 'caseUrl' | 'kind' | 'unfilledRoles'> = true;
const unfilledKeysAreClosed: Exactly<keyof UnfilledRoles, 'roles' | 'sentTo'> = true;
function compileTimeChecks(): void {
  // @ts-expect-error excess property: the summary is not an input
  deadlineReminder({ ...reminderInput('warning'), summary: fixtureCase.details.summary });
  // @ts-expect-error excess property: child details are not an input
  eventNotice({ reference: 'R', caseUrl, kind: 'decision-agreed', children: fixtureCase.details.children });
}

describe('mail templates never carry anything but the reference, the rule, dates and a link', () => {
  it('has closed input types', () => {
    expect([deadlineKeysAreClosed, eventKeysAreClosed, unfilledKeysAreClosed, typeof compileTimeChecks]).toEqual([
      true,
      true,
      true,
      'function',
    ]);
  });

  it.each(DEADLINE_KINDS)(
    'deadline reminder "%s" shows the reference and link and none of the case details',
    (kind) => {
      expectNoLeak(deadlineReminder(reminderInput(kind)));
    },
  );

  it.each(EVENT_KINDS)('event notice "%s" shows the reference and link and none of the case details', (kind) => {
    expectNoLeak(eventNotice({ reference: fixtureCase.reference, caseUrl, kind }));
  });

  it.each(DEADLINE_KINDS)('deadline reminder "%s" ignores extra keys smuggled in by a cast (a whole case)', (kind) => {
    const smuggled = { ...fixtureCase, ...fixtureCase.details, ...reminderInput(kind) } as DeadlineReminderInput;
    const mail = deadlineReminder(smuggled);
    expectNoLeak(mail);
    expect(mail).toEqual(deadlineReminder(reminderInput(kind)));
  });

  it.each(EVENT_KINDS)('event notice "%s" ignores extra keys smuggled in by a cast (a whole case)', (kind) => {
    const smuggled = { ...fixtureCase, ...fixtureCase.details, caseUrl, kind } as EventNoticeInput;
    const mail = eventNotice(smuggled);
    expectNoLeak(mail);
    expect(mail).toEqual(eventNotice({ reference: fixtureCase.reference, caseUrl, kind }));
  });
});

describe('deadlineReminder wording', () => {
  it('warns with working days left and both date formats', () => {
    const mail = deadlineReminder(reminderInput('warning'));
    expect(mail.subject).toBe('[CSPR-2026-0007] Notify the Panel: due in 2 working days (Mon 12 Jan 2026)');
    expect(mail.text).toContain('Rule: Notify the Panel');
    expect(mail.text).toContain('Due: Monday 12 January 2026');
    expect(mail.text).toContain('Status: Due in 2 working days');
    expect(mail.html).toContain('Monday 12 January 2026');
  });

  it('says "1 working day" in the singular', () => {
    const mail = deadlineReminder({ ...reminderInput('warning'), workingDaysLeft: 1 });
    expect(mail.subject).toBe('[CSPR-2026-0007] Notify the Panel: due in 1 working day (Mon 12 Jan 2026)');
  });

  it('says due today, overdue and escalated', () => {
    expect(deadlineReminder(reminderInput('due-today')).subject).toBe(
      '[CSPR-2026-0007] Notify the Panel: due today (Mon 12 Jan 2026)',
    );
    expect(deadlineReminder(reminderInput('breach')).subject).toBe(
      '[CSPR-2026-0007] Notify the Panel: overdue by 3 working days (due Mon 12 Jan 2026)',
    );
    const escalation = deadlineReminder(reminderInput('escalation'));
    expect(escalation.subject).toBe(
      '[CSPR-2026-0007] Notify the Panel: overdue by 3 working days, escalated to lead partners (due Mon 12 Jan 2026)',
    );
    expect(escalation.text).toContain('escalated to the lead partners');
  });

  it('refuses an impossible date, a non-http link, a negative count and an unknown kind', () => {
    expect(() => deadlineReminder({ ...reminderInput('warning'), dueOn: '2026-02-30' })).toThrow(/dueOn/);
    expect(() => deadlineReminder({ ...reminderInput('warning'), caseUrl: 'javascript:alert(1)' })).toThrow(/http/);
    expect(() => deadlineReminder({ ...reminderInput('breach'), workingDaysOverdue: -2 })).toThrow(/working-day/);
    expect(() => deadlineReminder({ ...reminderInput('warning'), kind: 'nope' as DeadlineReminderKind })).toThrow(
      /kind/,
    );
    expect(() => eventNotice({ reference: 'R', caseUrl, kind: 'toString' as EventNoticeKind })).toThrow(/kind/);
  });
});

describe('eventNotice wording', () => {
  it('asks for a sign-off in plain English', () => {
    const mail = eventNotice({ reference: fixtureCase.reference, caseUrl, kind: 'sign-off-requested' });
    expect(mail.subject).toBe('[CSPR-2026-0007] A decision awaits your sign-off');
    expect(mail.text.startsWith('A decision awaits your sign-off\n')).toBe(true);
  });
});

describe('HTML escaping', () => {
  it('escapes every interpolated value in the HTML body and keeps the text body literal', () => {
    const mail = deadlineReminder({
      ...reminderInput('breach'),
      reference: 'CSPR-<b>&"x"',
      ruleDescription: `Notify <script>alert('x')</script> the Panel`,
      caseUrl: 'https://practice-review.test/cases/1?a=1&b="2"',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('Notify &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; the Panel');
    expect(mail.html).toContain('CSPR-&lt;b&gt;&amp;&quot;x&quot;');
    expect(mail.html).toContain('href="https://practice-review.test/cases/1?a=1&amp;b=&quot;2&quot;"');
    expect(mail.text).toContain(`Rule: Notify <script>alert('x')</script> the Panel`);
  });

  it('keeps the subject on one line whatever the rule text holds', () => {
    const mail = deadlineReminder({ ...reminderInput('due-today'), ruleDescription: 'Notify\r\nBcc: evil@x.test' });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});

describe('a mail whose role nobody holds', () => {
  const noLeadPartner: UnfilledRoles = {
    roles: [{ role: 'lead-partner', agency: 'police' }],
    sentTo: 'business-unit',
  };

  it('says whose it was and that nobody holds the role, and still carries nothing about a child', () => {
    const mail = deadlineReminder({ ...reminderInput('escalation'), unfilledRoles: noLeadPartner });
    expectNoLeak(mail);
    expect(mail.subject).toBe(
      '[CSPR-2026-0007] Notify the Panel: overdue by 3 working days, escalated to lead partners (due Mon 12 Jan 2026) [unfilled role: lead partner (police)]',
    );
    expect(mail.text).toContain('Unfilled role: lead partner (police)');
    expect(mail.text).toContain(
      'This mail is for the lead partner (police), but nobody in the partnership holds that role, so it has been sent to the business unit.',
    );
    expect(mail.html).toContain('nobody in the partnership holds that role');
  });

  it('names every unfilled role, and the admins when there is no business unit', () => {
    const mail = eventNotice({
      reference: fixtureCase.reference,
      caseUrl,
      kind: 'notification-made',
      unfilledRoles: {
        roles: [
          { role: 'lead-partner', agency: 'police' },
          { role: 'lead-partner', agency: 'health' },
        ],
        sentTo: 'admin',
      },
    });
    expectNoLeak(mail);
    expect(mail.text).toContain('Unfilled roles: lead partner (police); lead partner (health)');
    expect(mail.text).toContain(
      "This mail is for the lead partner (police) and lead partner (health), but nobody in the partnership holds those roles, so it has been sent to the partnership's admins.",
    );
  });

  it('reads as before when every role is held', () => {
    expect(deadlineReminder({ ...reminderInput('breach'), unfilledRoles: { roles: [], sentTo: null } })).toEqual(
      deadlineReminder(reminderInput('breach')),
    );
  });

  it('refuses a role or agency name that is not one of ours', () => {
    const bad = { roles: [{ role: 'SECRET-SUMMARY-TEXT' }], sentTo: 'business-unit' } as unknown as UnfilledRoles;
    expect(() => deadlineReminder({ ...reminderInput('breach'), unfilledRoles: bad })).toThrow(/role/);
    const badAgency = {
      roles: [{ role: 'lead-partner', agency: 'SECRET-ETHNICITY' }],
      sentTo: 'admin',
    } as unknown as UnfilledRoles;
    expect(() => eventNotice({ reference: 'R', caseUrl, kind: 'notification-made', unfilledRoles: badAgency })).toThrow(
      /agency/,
    );
  });
});
