/** Item 6: running cases from a CSV file, one row per case, into the import `POST /cases/import` takes. */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS, CSV_SIGN_OFF_REASON, csvDate, importTemplateCsv, readImportCsv, rowToImport } from './csv-import';

const template = () => parse(importTemplateCsv()) as string[][];
const csv = (records: Record<string, string>[]) => {
  const header = CSV_COLUMNS.map((c) => c.name);
  return stringify([header, ...records.map((r) => header.map((name) => r[name] ?? ''))]);
};
const OPENING = {
  laAwareOn: '2026-01-05',
  incidentOn: '2026-01-03',
  incidentType: 'death',
  abuseOrNeglect: 'known',
  lookedAfter: 'no',
  child1AgeYears: '4',
  child1Sex: 'female',
  summary: 'What happened, without names.',
};

describe('the CSV import', () => {
  it('has a template of a header row and one example row, asking no one’s name', () => {
    const [header, example, ...more] = template();
    expect(header).toEqual(CSV_COLUMNS.map((c) => c.name));
    expect(example).toHaveLength(header.length);
    expect(more).toEqual([]);
    expect(header.filter((name) => /name/i.test(name))).toEqual(['reviewerName']);
  });

  it('reads a UK spreadsheet date as YYYY-MM-DD and leaves anything else for the rules to judge', () => {
    expect(csvDate('5/1/2026')).toBe('2026-01-05');
    expect(csvDate('2026-01-05')).toBe('2026-01-05');
    expect(csvDate('soon')).toBe('soon');
  });

  it('turns a row into the opening and its milestones, in the order of their dates (the workflow’s on one day)', () => {
    const { body } = rowToImport({
      ...OPENING,
      child2AgeYears: '9',
      child2Sex: 'male',
      lookedAfter: 'yes',
      partnersInformedOn: '8/1/2026',
      notificationSubmittedOn: '2026-01-07',
      meetingHeldOn: '2026-01-14',
      recommendedOn: '2026-01-14',
      recommendation: 'no-lcspr',
      rationale: 'No new learning.',
      'signedOffOn:police': '2026-01-15',
      'signOff:police': 'disagree',
    });
    expect(body).toMatchObject({
      laAwareOn: '2026-01-05',
      lookedAfter: true,
      children: [
        { ageYears: 4, sex: 'female' },
        { ageYears: 9, sex: 'male' },
      ],
    });
    expect(body.history).toEqual([
      { type: 'notification.submitted', submittedOn: '2026-01-07' },
      { type: 'partners.informed', informedOn: '2026-01-08' },
      { type: 'rapid-review.meeting-held', heldOn: '2026-01-14' },
      {
        type: 'rapid-review.recommended',
        recommendation: 'no-lcspr',
        rationale: 'No new learning.',
        occurredOn: '2026-01-14',
      },
      {
        type: 'decision.signed-off',
        decision: 'disagree',
        onBehalfOf: 'police',
        delegationReason: CSV_SIGN_OFF_REASON,
        occurredOn: '2026-01-15',
      },
    ]);
  });

  it('gives one import per row, naming each event by its column for a refusal', () => {
    const { rows, problems } = readImportCsv(csv([OPENING, { ...OPENING, meetingHeldOn: '2026-01-14' }]));
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.row, r.label, r.input.history.map((e) => [e.source, e.occurredOn])])).toEqual([
      [2, 'Row 2: ', []],
      [3, 'Row 3: ', [['column meetingHeldOn', '2026-01-14']]],
    ]);
  });

  it('lists every problem by row and column, and imports nothing while there is one', () => {
    const { rows, problems } = readImportCsv(
      csv([
        { ...OPENING, meetingHeldOn: '31/02/2026' },
        { ...OPENING, child1Sex: 'girl', incidentOn: '2026-01-06', recommendedOn: '2026-01-14' },
      ]),
    );
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'meetingHeldOn'],
      [3, 'incidentOn'],
      [3, 'child1Sex'],
      [3, 'recommendation'],
      [3, 'rationale'],
    ]);
  });

  it('refuses a column the template does not have, and a file without a case', () => {
    expect(readImportCsv('laAwareOn,childName\n2026-01-05,Anna\n').problems).toEqual([
      { row: 1, column: 'childName', message: 'childName is not a column of the template' },
    ]);
    expect(readImportCsv('laAwareOn\n').problems).toEqual([
      { row: 2, message: 'The file has no case: add one row per case under the header' },
    ]);
    expect(readImportCsv('a,"b\n1,2').problems[0].message).toMatch(/^The file is not a CSV file that can be read/);
  });
});
