/** Issue 12 item 1: the rapid review on the case page: the returns table, the meetings and the criteria answers. */
import type { CaseRecordView } from '@app/cases';
import { deadlinesTableRows } from './deadlines-table';
import { meetingRows, recommendationRows, returnsTable } from './rapid-review-record';

const rapidReview: CaseRecordView['rapidReview'] = {
  agencyReturns: [{ agency: 'police', receivedOn: '2026-01-12' }],
  meetingsHeldOn: ['2026-01-15'],
  submittedOn: [],
  returns: [
    {
      agency: 'police',
      status: 'received',
      requestedOn: '2026-01-06',
      dueOn: '2026-01-13',
      receivedOn: '2026-01-12',
      requests: [],
      chases: [],
    },
    {
      agency: 'housing',
      status: 'nil-return',
      requestedOn: '2026-01-06',
      dueOn: '2026-01-13',
      receivedOn: '2026-01-15',
      receivedLate: true,
      requests: [],
      chases: [],
    },
    {
      agency: 'probation',
      status: 'overdue',
      requestedOn: '2026-01-06',
      dueOn: '2026-01-13',
      requests: [],
      chases: [{ chasedOn: '2026-01-14' }],
    },
    {
      agency: 'education',
      status: 'outstanding',
      requestedOn: '2026-01-06',
      dueOn: '2026-01-20',
      requests: [],
      chases: [],
    },
    { agency: 'cafcass', status: 'received', receivedOn: '2026-01-09', requests: [], chases: [] },
  ],
  meetings: [{ heldOn: '2026-01-15', agenciesPresent: ['police', 'education'], quorate: false }],
  recommendations: [
    {
      round: 1,
      recommendation: 'lcspr',
      rationale: 'r',
      recommendedOn: '2026-01-16',
      criteria: [
        { criterion: 'improvements-needed', applies: true, reasons: 'Information sharing' },
        { criterion: 'panel-considered-local', applies: false, reasons: 'Not considered' },
      ],
      immediateSafetyActions: 'Safety plan for the sibling',
      parallelProcesses: ['criminal-investigation', 'other'],
      learningIdentified: 'Escalation routes',
    },
  ],
};
const record = {
  relevantAgencies: [
    { key: 'police', name: 'Police' },
    { key: 'housing', name: 'Housing' },
    { key: 'probation', name: 'Probation service' },
    { key: 'education', name: 'Schools and education' },
    { key: 'cafcass', name: 'Cafcass' },
  ],
  rapidReview,
} as CaseRecordView;

const text = (cell: { text: string } | { html: string }) =>
  'text' in cell ? cell.text : cell.html.replace(/<[^>]+>/g, '').trim();

describe('the rapid review on the case page', () => {
  it('tables each agency’s return: asked, due, and received, nil, overdue (with its chase) or outstanding', () => {
    expect(returnsTable(record)!.rows.map((row) => row.map(text))).toEqual([
      ['Police', '6 January 2026', '13 January 2026', 'Received 12 January 2026'],
      ['Housing', '6 January 2026', '13 January 2026', 'Nil return 15 January 2026 (late)'],
      ['Probation service', '6 January 2026', '13 January 2026', 'Overdue Chased 14 January 2026'],
      ['Schools and education', '6 January 2026', '20 January 2026', 'Outstanding'],
      ['Cafcass', 'Not asked', '–', 'Received 9 January 2026'],
    ]);
    expect(returnsTable(record)!.rows[2][3]).toEqual({ html: expect.stringContaining('govuk-tag--red') });
    expect(returnsTable({ ...record, rapidReview: { ...rapidReview, returns: [] } })).toBeUndefined();
  });

  it('names the agencies present and the quorum of each meeting', () => {
    expect(meetingRows(record)).toEqual([
      ['Meeting on 15 January 2026', ['Agencies present: Police, Schools and education', 'Quorate: No']],
    ]);
  });

  it('answers each criterion with its reasons, and the safety actions, parallel processes and learning', () => {
    expect(recommendationRows(record)).toEqual([
      [
        'Test against the criteria for a review',
        [
          '(a) Improvements needed: Yes. Information sharing',
          '(d) The Panel thought it better reviewed locally: No. Not considered',
        ],
      ],
      ['Immediate safety actions', 'Safety plan for the sibling'],
      ['Parallel processes', 'Criminal investigation, Another process'],
      ['Learning identified', 'Escalation routes'],
    ]);
  });

  it('names the agency of each agency-return deadline in the deadlines table', () => {
    const [row] = deadlinesTableRows(
      [
        {
          rule: 'agency-return',
          subject: 'probation',
          startedOn: '2026-01-06',
          dueOn: '2026-01-13',
          status: 'overdue',
        },
      ],
      (key) => (key === 'probation' ? 'Probation service' : key),
    );
    expect(text(row[0])).toContain('Probation service');
  });
});
