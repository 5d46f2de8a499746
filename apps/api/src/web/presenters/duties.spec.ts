import type { PartnershipDutiesView } from '@app/auth';
import type { PartnershipRolesView } from '@app/reminders';
import {
  agencyRoleTables,
  dutyHistoryRows,
  dutyMessage,
  dutyMessageField,
  dutySummaryRows,
  historyText,
  otherRoleRows,
} from './duties';

const recorded: PartnershipDutiesView = {
  lastAnnualReport: {
    publishedOn: '2026-01-31',
    url: 'https://example.org/report?a=1&b=<2>',
    copiesSentOn: { panel: '2026-02-03', 'what-works-centre': null },
  },
  nextAnnualReportDueOn: '2027-01-31',
  deadlines: [
    { rule: 'annual-report', startedOn: '2026-01-31', dueOn: '2027-01-31', status: 'open' },
    { rule: 'annual-report-copies', startedOn: '2026-01-31', dueOn: '2026-02-07', status: 'overdue' },
  ],
  canRecord: true,
  history: [],
};

describe("the partnership's duties page", () => {
  it('says the next annual report is not known before one is recorded', () => {
    const rows = dutySummaryRows({
      ...recorded,
      lastAnnualReport: undefined,
      nextAnnualReportDueOn: null,
      deadlines: [],
    });
    expect(rows.map((r) => [r.key.text, 'text' in r.value ? r.value.text : r.value.html])).toEqual([
      ['Last annual report', 'None recorded yet'],
      ['Next annual report due', 'Not known until the date of the last published annual report is recorded'],
    ]);
  });

  it('shows the last report with an escaped link, the due dates with their status tags, and each copy', () => {
    const rows = dutySummaryRows(recorded);
    const value = (key: string) => {
      const row = rows.find((r) => r.key.text === key)!;
      return 'text' in row.value ? row.value.text : row.value.html;
    };
    expect(value('Last annual report')).toBe(
      'Published 31 January 2026<br><a class="govuk-link" href="https://example.org/report?a=1&amp;b=&lt;2&gt;" rel="noreferrer noopener">Read the published report</a>',
    );
    expect(value('Next annual report due')).toMatch(/^31 January 2027 <strong class="govuk-tag[^"]*">/);
    expect(value('Copies due')).toMatch(/^7 February 2026 <strong class="govuk-tag govuk-tag--red">Overdue<\/strong>$/);
    expect(value('Copy to the Child Safeguarding Practice Review Panel')).toBe('Sent 3 February 2026');
    expect(value('Copy to the What Works Centre (Foundations)')).toBe('Not sent yet');
  });

  it('tells the history in sentences: on time or late, whom the copies went to, a missed deadline', () => {
    const event = (type: string, after: Record<string, unknown>) => ({
      sequence: 1,
      type,
      occurredOn: '2026-02-10',
      recordedAt: '2026-02-10T10:00:00.000Z',
      by: 'Jo Bloggs',
      byRoles: ['business-unit'],
      before: null,
      after,
    });
    expect(historyText(event('annual-report.published', { dueOn: '2026-09-30', status: 'met' }))).toBe(
      'Annual report published (on time: due 30 September 2026)',
    );
    expect(historyText(event('annual-report.published', {}))).toBe('Annual report published');
    expect(
      historyText(
        event('annual-report.copies-sent', {
          recipients: ['panel', 'what-works-centre'],
          dueOn: '2026-02-07',
          status: 'late',
        }),
      ),
    ).toBe(
      'Copy sent to the Child Safeguarding Practice Review Panel and the What Works Centre (Foundations) (late: due 7 February 2026)',
    );
    expect(historyText(event('duty.missed', { rule: 'annual-report-copies', dueOn: '2026-02-07' }))).toBe(
      'Deadline missed: Send the annual report to the Panel and the What Works Centre (due 7 February 2026)',
    );
    expect(dutyHistoryRows([event('annual-report.published', {})])[0]).toEqual([
      { text: '10 February 2026' },
      { text: 'Annual report published' },
      { text: 'Jo Bloggs (Business unit)' },
      { text: '10 February 2026 at 10:00am' },
    ]);
  });

  it("puts the API's refusals in the page's words, by field", () => {
    const message = 'publishedOn (2026-03-03) cannot be in the future';
    expect(dutyMessage(message)).toBe('The date the report was published (3 March 2026) cannot be in the future');
    expect(dutyMessageField(message, 'sentOn')).toBe('publishedOn');
    expect(dutyMessage('sentOn must be a real date YYYY-MM-DD from 2000 to 2099')).toBe(
      'The date the copies were sent must be a real date between 1 January 2000 and 31 December 2099',
    );
    expect(dutyMessageField('A copy of the annual report published on 2026-01-31 was already', 'sentOn')).toBe(
      'recipients',
    );
    expect(dutyMessageField('No annual report has been recorded yet', 'sentOn')).toBe('sentOn');
  });
});

describe('the roles page', () => {
  const view: PartnershipRolesView = {
    agencies: [
      {
        agency: 'police',
        signsOff: true,
        seats: [
          { role: 'delegated-partner', agency: 'police', holders: [{ id: 'a', name: 'Pat' }], unfilled: false },
          { role: 'lead-partner', agency: 'police', holders: [], unfilled: true },
        ],
      },
    ],
    roles: [
      { role: 'business-unit', holders: [{ id: 'b', name: 'Bo', agency: 'local-authority' }], unfilled: false },
      { role: 'lead-reviewer', holders: [], unfilled: false },
    ],
    unfilledRoles: [{ role: 'lead-partner', agency: 'police' }],
  };

  it('shows each agency with its partners, an unfilled seat marked, and the other roles with their agency', () => {
    const [police] = agencyRoleTables(view);
    expect(police.caption).toBe('Police');
    expect(police.rows[0]).toEqual([{ text: 'Delegated partner' }, { text: 'Pat' }]);
    expect(police.rows[1][1]).toEqual({ html: expect.stringContaining('Nobody') });
    expect(otherRoleRows(view)).toEqual([
      [{ text: 'Business unit' }, { text: 'Bo (Local authority)' }],
      [{ text: 'Lead reviewer' }, { text: 'Nobody' }],
    ]);
  });
});
