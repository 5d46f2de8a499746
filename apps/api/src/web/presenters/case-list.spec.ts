import type { CaseView } from '@app/cases';
import { caseTableRows, nextDeadline } from './case-list';

function caseView(overrides: Partial<CaseView> = {}): CaseView {
  return {
    id: '0b7c1d5e-6a3f-4c8e-9d2b-1f0a3e5c7b9d',
    reference: 'CSPR-2026-0007',
    stage: 'rapid-review',
    state: 'rapid-review.gathering',
    machineVersion: 1,
    version: 3,
    openedAt: '2026-01-05T10:00:00.000Z',
    signOffs: [],
    finalReportSignOffs: [],
    deadlines: [
      { rule: 'notify-panel', startedOn: '2026-01-05', dueOn: '2026-01-12', stoppedOn: '2026-01-08', status: 'met' },
      { rule: 'rapid-review', startedOn: '2026-01-05', dueOn: '2026-01-26', status: 'open' },
      { rule: 'inform-partners', startedOn: '2026-01-05', dueOn: '2026-01-12', status: 'overdue' },
    ],
    allowedEvents: [],
    ...overrides,
  };
}

describe('the list of cases', () => {
  it('names as next deadline the earliest one still running, whatever the order', () => {
    expect(nextDeadline(caseView())?.rule).toBe('inform-partners');
  });

  it('links each reference to its case page and writes the stage and next deadline in plain English', () => {
    const [row] = caseTableRows([caseView()]);
    expect(row[0]).toEqual({
      html: '<a class="govuk-link" href="/case/0b7c1d5e-6a3f-4c8e-9d2b-1f0a3e5c7b9d">CSPR-2026-0007</a>',
    });
    expect(row[1]).toEqual({ text: 'Rapid review' });
    expect(row[2]).toEqual({ html: '12 January 2026 <strong class="govuk-tag govuk-tag--red">Overdue</strong>' });
  });

  it('says so when no deadline is running', () => {
    const [row] = caseTableRows([caseView({ deadlines: [] })]);
    expect(row[2]).toEqual({ text: 'None running' });
  });

  it('escapes what it puts in HTML', () => {
    const [row] = caseTableRows([caseView({ reference: '<b>x</b>' })]);
    expect((row[0] as { html: string }).html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});
