import { TestApp } from '../support/test-app';

describe('Calendar routes', () => {
  let t: TestApp;
  let token: string;
  const get = (path: string) => t.http.get(path).auth(token, { type: 'bearer' });

  beforeAll(async () => {
    t = await TestApp.start();
    token = await t.login();
  });
  afterAll(() => t.close());

  it('adds working days over Christmas, skipping bank holidays', async () => {
    const res = await get('/calendar/working-days/add?from=2025-12-19&days=5').expect(200);
    expect(res.body).toEqual({ from: '2025-12-19', days: 5, date: '2025-12-30' });
  });

  it('counts backwards for the 7 working days before publication', async () => {
    const res = await get('/calendar/working-days/add?from=2026-01-05&days=-7').expect(200);
    expect(res.body.date).toBe('2025-12-22');
  });

  it('counts back from a Sunday with the Friday before it as the 1st working day', async () => {
    const res = await get('/calendar/working-days/add?from=2026-11-29&days=-7').expect(200);
    expect(res.body).toEqual({ from: '2026-11-29', days: -7, date: '2026-11-19' });
    const back = await get('/calendar/working-days/between?from=2026-11-29&to=2026-11-19').expect(200);
    expect(back.body.workingDays).toBe(-7);
  });

  it('counts working days after from up to and including to', async () => {
    const res = await get('/calendar/working-days/between?from=2025-12-19&to=2025-12-30').expect(200);
    expect(res.body).toEqual({ from: '2025-12-19', to: '2025-12-30', workingDays: 5 });
  });

  it("lists a year's bank holidays with substitute days", async () => {
    const res = await get('/calendar/bank-holidays?year=2027').expect(200);
    expect(res.body.map((h: { date: string }) => h.date)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
    ]);
  });

  it.each([
    ['/calendar/working-days/add?from=2026-02-30&days=1', 'from'],
    ['/calendar/working-days/add?from=1999-12-31&days=1', 'from'],
    ['/calendar/working-days/add?from=2026-01-05&days=1.5', 'days'],
    ['/calendar/working-days/add?from=2026-01-05&days=1001', 'days'],
    ['/calendar/working-days/add?from=2026-01-05&days=abc', 'days'],
    ['/calendar/working-days/add?from=2026-01-05', 'days'],
    ['/calendar/working-days/add?days=3', 'from'],
    ['/calendar/working-days/between?from=2026-01-05', 'to'],
    ['/calendar/bank-holidays?year=1999', 'year'],
    ['/calendar/bank-holidays', 'year'],
    ['/calendar/working-days/add?from=2026-01-05&days=1&extra=1', 'extra'],
  ])('answers 400 naming the parameter for %s', async (path, field) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation-failed');
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
  });

  it("counts the partnership's closure days as non-working for its users", async () => {
    await t.http
      .patch('/partnership')
      .auth(token, { type: 'bearer' })
      .send({ closureDays: ['2026-12-24'] })
      .expect(200);
    const res = await get('/calendar/working-days/add?from=2026-12-23&days=1').expect(200);
    expect(res.body.date).toBe('2026-12-29');
  });

  it('refuses a rule override the rulebook does not allow, naming it, and keeps the settings', async () => {
    const res = await t.http
      .patch('/partnership')
      .auth(token, { type: 'bearer' })
      .send({ ruleOverrides: [{ rule: 'notify-panel', length: 10, reason: 'we are busy' }] });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toMatch(/^ruleOverrides\.0\./);
    const ok = await t.http
      .patch('/partnership')
      .auth(token, { type: 'bearer' })
      .send({
        ruleOverrides: [
          { rule: 'rapid-review', anchor: 'notificationSubmittedOn', reason: 'Panel guidance June 2025' },
        ],
      });
    expect(ok.status).toBe(200);
    expect(ok.body.ruleOverrides).toEqual([
      expect.objectContaining({
        rule: 'rapid-review',
        anchor: 'notificationSubmittedOn',
        changedBy: expect.any(String),
      }),
    ]);
  });

  it('needs a token', async () => {
    await t.http.get('/calendar/bank-holidays?year=2026').expect(401);
  });
});
