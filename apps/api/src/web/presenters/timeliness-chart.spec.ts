import { buildReport, financialYear, reportPeriod } from '@app/reports';
import { sampleFacts, sampleReport } from '../../../../../test/support/report-samples';
import { axisTop, MAX_CHART_QUARTERS, timelinessBars, timelinessChart } from './timeliness-chart';

describe('the timeliness chart', () => {
  const report = sampleReport();
  const svg = timelinessChart(report)!;

  it('is an image named by its title and described by its description, which points to the table', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-labelledby="timeliness-chart-title timeliness-chart-desc"');
    expect(svg).toContain('<title id="timeliness-chart-title">Timeliness per quarter</title>');
    const desc = /<desc id="timeliness-chart-desc">([^<]*)<\/desc>/.exec(svg)![1];
    expect(desc).toContain('Q1: Number of Rapid Reviews completed 2, Number of Rapid Reviews completed on time 1');
    expect(desc).toContain('Q3: Number of Rapid Reviews completed 0, Number of Rapid Reviews completed on time n/a');
    expect(desc).toContain('The same figures are in the table below.');
  });

  it('draws one bar per figure per quarter, its height proportional to the number, and none for 0 or "n/a"', () => {
    const { bars, top } = timelinessBars(report);
    expect(bars).toHaveLength(4 * 4);
    const q1 = bars.slice(0, 4);
    expect(q1.map((bar) => bar.display)).toEqual(['2', '1', '1', '1']);
    expect(q1[0].height).toBeCloseTo(2 * q1[1].height);
    expect(q1[0].height / 220).toBeCloseTo(2 / top);
    expect(q1[0].y + q1[0].height).toBeCloseTo(q1[1].y + q1[1].height);
    const q3 = bars.slice(8, 12);
    expect(q3.map((bar) => [bar.display, bar.height])).toEqual([
      ['0', 0],
      ['n/a', 0],
      ['0', 0],
      ['n/a', 0],
    ]);
  });

  it("scales the axis to the tallest quarter's bar, not to the year's total, which is not drawn", () => {
    // Four rapid reviews in each quarter: 16 in the year, 4 at most in a quarter.
    const sentOn = ['2025-05-06', '2025-08-05', '2025-11-04', '2026-02-03'];
    const facts = sentOn.flatMap((day, q) =>
      [1, 2, 3, 4].map((n) => sampleFacts(`CSPR-2025-${q}${n}`, { rapidReviewSentOn: day })),
    );
    const busy = buildReport(facts, financialYear(2025), '2026-04-10');
    const { bars, top } = timelinessBars(busy);
    expect(top).toBe(4);
    expect(bars.filter((bar) => bar.display === '4').map((bar) => bar.height)).toEqual([220, 220, 220, 220]);
  });

  it('labels every bar with its number, the quarters, both axes and a legend', () => {
    for (const label of ['Q1', 'Q2', 'Q3', 'Q4', 'Financial quarter', 'Number', 'n/a']) {
      expect(svg).toContain(`>${label}</text>`);
    }
    expect(svg).toContain('>Number of Rapid Reviews completed on time</text>');
    expect(svg).toContain('>Serious incidents notified to the Panel within 5 working days</text>');
  });

  it('tells the "on time" bars apart without colour (hatched) and sets no style attribute', () => {
    expect(svg.match(/fill="url\(#timeliness-hatch-\d\)"/g)?.length).toBeGreaterThan(0);
    expect(svg).not.toMatch(/\sstyle=/);
    expect(svg).not.toContain('<style');
  });

  it('escapes the text it draws', () => {
    const period = { ...report.period, title: '<script>alert(1)</script> & co' };
    const escaped = timelinessChart({ ...report, period })!;
    expect(escaped).not.toContain('<script>');
    expect(escaped).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
  });

  it('is not drawn for a period with nothing to draw, nor for one of more quarters than can be read', () => {
    expect(timelinessChart(buildReport([], financialYear(2025), '2026-04-10'))).toBeUndefined();
    const facts = [sampleFacts('CSPR-2020-0001', { rapidReviewSentOn: '2021-01-05' })];
    const long = buildReport(facts, reportPeriod('2019-04-01', '2021-12-31'), '2026-04-10');
    expect(long.columns.length - 1).toBeGreaterThan(MAX_CHART_QUARTERS);
    expect(timelinessChart(long)).toBeUndefined();
  });

  it('rounds the axis up so that its ticks are whole numbers', () => {
    expect(axisTop(0)).toBe(4);
    expect(axisTop(2)).toBe(4);
    expect(axisTop(5)).toBe(8);
    expect(axisTop(17)).toBe(20);
  });
});
