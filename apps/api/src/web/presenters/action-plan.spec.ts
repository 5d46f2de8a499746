import type { CaseRecordView, DeadlineView } from '@app/cases';
import { actionPlan, documentsTable } from './action-plan';

type Action = CaseRecordView['learning']['actions'][number];

const action = (overrides: Partial<Action> = {}): Action => ({
  id: 'A-1',
  description: 'Review the out-of-hours referral route',
  owner: 'Public protection unit',
  dueOn: '2026-01-16',
  addedOn: '2026-01-07',
  owningAgency: 'police',
  lead: 'DCI Public Protection',
  source: 'rapid-review',
  status: 'not-started',
  progress: [],
  dueDateChanges: [],
  ...overrides,
});

function record(actions: Action[], documents: CaseRecordView['documents'] = []): CaseRecordView {
  return {
    relevantAgencies: [
      { key: 'police', name: 'Police' },
      { key: 'education', name: 'Schools and education' },
    ],
    learning: { actions },
    documents,
  } as unknown as CaseRecordView;
}

const due = (subject: string, status: DeadlineView['status']) =>
  ({ rule: 'action-due', subject, startedOn: '2026-01-07', dueOn: '2026-01-16', status }) as DeadlineView;

const html = (cell: { text: string } | { html: string }) => ('html' in cell ? cell.html : cell.text);
const words = (cell: { text: string } | { html: string }) =>
  html(cell)
    .replace(/<[^>]+>/g, '|')
    .replace(/\|+/g, '|');

describe('the action plan table', () => {
  it('is absent while the case has no action', () => {
    expect(actionPlan(record([]), [])).toBeUndefined();
  });

  it("shows each action's reference, owner and lead, due date and status, marking the overdue one", () => {
    const plan = actionPlan(
      record([
        action({ status: 'at-risk', escalatedOn: '2026-01-20' }),
        action({ id: 'A-2', owningAgency: 'education', lead: undefined, source: 'scrutiny' }),
      ]),
      [due('A-1', 'overdue'), due('A-2', 'open')],
    )!;
    expect(plan.head.map((h) => html(h))).toEqual(['Action', 'Owned by', 'Due', 'Status']);
    expect(plan.rows[0].map(words)).toEqual([
      '|A-1|Review the out-of-hours referral route|From the rapid review|',
      '|Police|Lead: DCI Public Protection|Responsible: Public protection unit|',
      '16 January 2026',
      '|At risk| |Overdue|Escalated to the delegated partners on 20 January 2026|',
    ]);
    expect(html(plan.rows[0][3])).toContain('govuk-tag--red');
    expect(plan.rows[1].map(words)).toEqual([
      '|A-2|Review the out-of-hours referral route|From scrutiny|',
      '|Schools and education|Responsible: Public protection unit|',
      '16 January 2026',
      '|Not started|',
    ]);
  });

  it('says when an action was completed or cancelled, and gives its history below the table', () => {
    const plan = actionPlan(
      record([
        action({
          status: 'completed',
          completedOn: '2026-01-21',
          progress: [{ updatedOn: '2026-01-12', status: 'on-track', note: 'Draft written.' }],
        }),
        action({
          id: 'A-2',
          status: 'cancelled',
          dueOn: '2026-02-13',
          dueDateChanges: [{ from: '2026-01-16', to: '2026-02-13', reason: 'Half term.', changedOn: '2026-01-12' }],
          cancelled: { reason: 'Not needed.', cancelledOn: '2026-01-19' },
        }),
        action({ id: 'A-3' }),
      ]),
      [],
    )!;
    expect(words(plan.rows[0][3])).toBe('|Completed|Completed on 21 January 2026|');
    expect(words(plan.rows[1][3])).toBe('|Cancelled|Cancelled on 19 January 2026|');
    expect(plan.histories).toEqual([
      {
        summary: 'History of action A-1',
        lines: ['Added on 7 January 2026', '12 January 2026: On track. Draft written.'],
      },
      {
        summary: 'History of action A-2',
        lines: [
          'Added on 7 January 2026',
          '12 January 2026: due date moved from 16 January 2026 to 13 February 2026. Half term.',
          '19 January 2026: cancelled. Not needed.',
        ],
      },
    ]);
  });

  it('escapes what the partnership wrote', () => {
    const plan = actionPlan(record([action({ description: '<script>x</script>', lead: 'A & B' })]), [])!;
    expect(html(plan.rows[0][0])).toContain('&lt;script&gt;');
    expect(html(plan.rows[0][1])).toContain('A &amp; B');
  });
});

describe('the documents table', () => {
  const doc = (overrides: Partial<CaseRecordView['documents'][number]> = {}) => ({
    id: 'D-1',
    title: 'Police return',
    kind: 'agency-return',
    url: 'https://docs.partnership.example/d/1?x=1&y=2',
    linkedOn: '2026-01-08',
    ...overrides,
  });

  it('is absent while the case has no document', () => {
    expect(documentsTable(record([]))).toBeUndefined();
  });

  it("links each document to the partnership's store, without passing on where it came from", () => {
    const table = documentsTable(record([], [doc(), doc({ id: 'D-2', kind: 'other', title: 'Note' })]))!;
    expect(html(table.rows[0][0])).toContain(
      '<a class="govuk-link" href="https://docs.partnership.example/d/1?x=1&amp;y=2" rel="noopener noreferrer">Police return',
    );
    expect(table.rows[0].slice(1).map(words)).toEqual(['Agency return', '8 January 2026', '|Linked|']);
    expect(words(table.rows[1][1])).toBe('Other');
  });

  it('shows a removed link as text, with when and why, and never links an address that is not http or https', () => {
    const table = documentsTable(
      record(
        [],
        [
          doc({ unlinked: { reason: 'Wrong case.', unlinkedOn: '2026-01-10' } }),
          doc({ id: 'D-2', url: 'javascript:alert(1)' }),
        ],
      ),
    )!;
    expect(html(table.rows[0][0])).not.toContain('<a ');
    expect(words(table.rows[0][3])).toBe('|Link removed|On 10 January 2026: Wrong case.|');
    expect(html(table.rows[1][0])).not.toContain('<a ');
  });
});
