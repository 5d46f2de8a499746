import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { makeTeam, openCase, setToday, step, toAgreedDecision, type Team } from '../support/case-helpers';
import { binary } from '../support/http';
import { TestApp } from '../support/test-app';

describe('GET /reports/practice-reviews.csv and .xlsx', () => {
  let t: TestApp;
  let team: Team;

  beforeAll(async () => {
    t = await TestApp.start();
    team = await makeTeam(t);
    const { id } = await openCase(t, team.bu);
    await toAgreedDecision(t, team, id, 'no-lcspr');
    setToday(t, '2026-01-21');
    await step(t, team.bu, id, 'rapid-review.submitted', { submittedOn: '2026-01-21' });
    setToday(t, '2026-04-10');
  });
  afterAll(() => t.close());

  const get = (path: string, token: string) => t.http.get(path).auth(token, { type: 'bearer' });

  it('sends the report as CSV to save, never cached: the same figures as the JSON, one line per row', async () => {
    const res = await get('/reports/practice-reviews.csv?year=2025', team.subgroup);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="practice-reviews-2025-26.csv"');
    expect(res.headers['cache-control']).toBe('no-store');
    const json = (await get('/reports/practice-reviews?year=2025', team.subgroup)).body;
    const [headers, ...lines] = parse(res.text, { bom: true }) as string[][];
    expect(headers.slice(5)).toEqual(json.columns.map((column: { label: string }) => column.label));
    const rows = json.sections.flatMap((s: { figures: { rows: unknown[] }[] }) => s.figures.flatMap((f) => f.rows));
    expect(lines.map((line) => line[4])).toEqual(rows.map((row: { id: string }) => row.id));
    expect(lines.find((line) => line[4] === 'rapid-reviews-completed')?.slice(5)).toEqual(['0', '0', '0', '1', '1']);
  });

  it('sends the report as an Excel workbook of any two days, named by them', async () => {
    const res = await get('/reports/practice-reviews.xlsx?from=2026-01-01&to=2026-03-31', team.scrutineer)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="practice-reviews-2026-01-01-to-2026-03-31.xlsx"',
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const figures = workbook.getWorksheet('Figures')!;
    expect(figures.getCell('A1').value).toBe('Practice review figures, 1 January 2026 to 31 March 2026');
    expect(figures.getRow(2).values).toEqual([
      undefined,
      'Period',
      'Section',
      'Figure',
      'Row',
      'Row id',
      'Q4 2025-26',
      'Whole period',
    ]);
    expect(figures.getRow(3).values).toEqual([
      undefined,
      '2026-01-01 to 2026-03-31',
      'Rapid reviews and practice reviews (the annual report’s appendix)',
      'Number of Rapid Reviews completed',
      'Number of Rapid Reviews completed',
      'rapid-reviews-completed',
      1,
      1,
    ]);
  });

  it('refuses a bad period as the JSON report does, and the downloads to those who may not read the reports', async () => {
    const bad = await get('/reports/practice-reviews.csv?from=2026-01-01', team.bu);
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'to', messages: ['to is required with from (a date YYYY-MM-DD)'] }]);
    expect((await get('/reports/practice-reviews.xlsx', team.admin)).status).toBe(403);
    expect((await t.http.get('/reports/practice-reviews.csv')).status).toBe(401);
  });
});
