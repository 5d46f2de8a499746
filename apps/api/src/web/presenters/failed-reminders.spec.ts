import type { ReminderEntity } from '@app/reminders';
import { failedReminderRows, failureWords, reminderAudience, reminderSubject } from './failed-reminders';

function reminder(overrides: Partial<ReminderEntity> = {}): ReminderEntity {
  return {
    id: '7d1e4c0a-1f2b-4c3d-9e8f-0a1b2c3d4e5f',
    caseId: '0b7c1d5e-6a3f-4c8e-9d2b-1f0a3e5c7b9d',
    kind: 'breach',
    rule: 'notify-panel',
    noticeKind: null,
    dueOn: '2026-01-12',
    fireAtMs: Date.parse('2026-01-13T09:00:00Z'),
    status: 'failed',
    attempts: 5,
    lastError: 'connect ECONNREFUSED 10.0.0.5:25',
    ...overrides,
  } as ReminderEntity;
}

describe('failed reminders', () => {
  it('shows the case reference as a link, what it was about, for whom, the due date, attempts and the problem', () => {
    const [row] = failedReminderRows([reminder()], new Map([[reminder().caseId!, 'CSPR-2026-0007']]));
    expect(row.cells).toEqual([
      { html: '<a class="govuk-link app-nowrap" href="/case/0b7c1d5e-6a3f-4c8e-9d2b-1f0a3e5c7b9d">CSPR-2026-0007</a>' },
      { text: 'Deadline missed: Notify the Panel' },
      { text: 'Business unit and subgroup members' },
      { text: '12 January 2026' },
      { text: '5' },
      { text: 'The mail server could not be reached' },
    ]);
    expect(row.label).toBe('CSPR-2026-0007: Deadline missed: Notify the Panel');
  });

  it("shows a partnership duty's reminder, which has no case, linking to the partnership's duties", () => {
    const duty = reminder({ caseId: null, rule: 'annual-report-copies', kind: 'escalation-lead', dueOn: '2026-02-07' });
    const [row] = failedReminderRows([duty], new Map());
    expect(row.cells.slice(0, 4)).toEqual([
      { html: '<a class="govuk-link app-nowrap" href="/manage/duties">Partnership duty</a>' },
      { text: 'Escalation: Send the annual report to the Panel and the What Works Centre' },
      { text: 'Lead partners' },
      { text: '7 February 2026' },
    ]);
    expect(reminderAudience(reminder({ caseId: null, kind: 'breach' }))).toBe('Business unit and lead partners');
  });

  it('names a notice and its audience', () => {
    const notice = reminder({ kind: 'notice', rule: null, noticeKind: 'sign-off-requested', dueOn: null });
    expect(reminderSubject(notice)).toBe('Sign-off of the decision requested');
    expect(reminderAudience(notice)).toBe('Delegated partners');
    expect(reminderAudience(reminder({ kind: 'escalation-lead' }))).toBe('Lead partners');
  });

  it('tells why it failed without the server’s own words, addresses or hosts', () => {
    expect(
      failureWords(
        'No active user holds any of the roles: lead-partner; nor business-unit or admin, to receive it instead',
      ),
    ).toBe('Nobody holds the roles it is for, and there is no business unit or admin to send it to instead');
    expect(failureWords('550 5.1.1 <someone@council.gov.uk>: Recipient address rejected')).toBe(
      'The mail server refused the mail',
    );
    expect(failureWords('421 Service not available')).toBe('The mail server could not take the mail at the time');
    expect(failureWords('Greeting never received')).toBe('The mail server could not be reached');
    expect(failureWords('something odd')).toBe('The mail could not be sent');
    expect(failureWords(null)).toBe('Not known');
  });
});
