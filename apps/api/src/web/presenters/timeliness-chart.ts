/**
 * "Timeliness per quarter": the report's rapid reviews completed and completed on time, and serious incidents notified
 * to the Panel and notified within 5 working days, as grouped bars per quarter, drawn on the server as inline SVG.
 * Accessible without colour: each bar carries its number, the "on time" bars are hatched, the legend shows both, and
 * the same figures are in the report's table. Presentation attributes only (the pages' CSP allows no inline style).
 */
import type { Report, ReportColumn, ReportRow } from '@app/reports';
import { escapeHtml } from './html';

interface Series {
  rowId: string;
  colour: string;
  hatched: boolean;
}

/** GOV.UK blue and purple (5.2:1 and 9.7:1 against white): each bar stands out 3:1 from the white around it. */
export const TIMELINESS_SERIES: readonly Series[] = [
  { rowId: 'rapid-reviews-completed', colour: '#1d70b8', hatched: false },
  { rowId: 'rapid-reviews-on-time', colour: '#1d70b8', hatched: true },
  { rowId: 'notifications.serious-incident', colour: '#4c2c92', hatched: false },
  { rowId: 'notified-within-5-working-days', colour: '#4c2c92', hatched: true },
];

export const CHART_TITLE = 'Timeliness per quarter';
const TEXT_COLOUR = '#0b0c0c';
const GRID_COLOUR = '#b1b4b6';
const FONT = 'font-family="GDS Transport, arial, sans-serif"';

const BAR_WIDTH = 24;
const BAR_GAP = 4;
const GROUP_GAP = 32;
const PLOT_HEIGHT = 220;
const LEFT = 56;
const RIGHT = 16;
const LEGEND_LINE = 26;
const LEGEND_TOP = 10;
const TICKS = 4;

export interface ChartBar {
  series: number;
  label: string;
  x: number;
  y: number;
  height: number;
  display: string;
}

/** The chart's bars: one per series per quarter, heights proportional to the numbers ("n/a" draws none). */
export function timelinessBars(report: Report): { bars: ChartBar[]; quarters: ReportColumn[]; top: number } {
  const quarters = report.columns.filter((column) => !column.whole);
  const rows = TIMELINESS_SERIES.map((series) => rowOf(report, series.rowId));
  // The bars are the quarters': the period's own column (the year's total) is not drawn, so it does not set the axis.
  const quarterKeys = new Set(quarters.map((quarter) => quarter.key));
  const values = rows.flatMap((row) =>
    row.cells.filter((cell) => quarterKeys.has(cell.column)).map((cell) => cell.value ?? 0),
  );
  const top = axisTop(Math.max(0, ...values));
  const plotTop = legendHeight();
  const bars = quarters.flatMap((quarter, q) =>
    rows.map((row, s): ChartBar => {
      const cell = row.cells.find((c) => c.column === quarter.key)!;
      const height = ((cell.value ?? 0) / top) * PLOT_HEIGHT;
      return {
        series: s,
        label: row.label,
        x: LEFT + GROUP_GAP / 2 + q * groupWidth() + s * (BAR_WIDTH + BAR_GAP),
        y: plotTop + PLOT_HEIGHT - height,
        height,
        display: cell.display,
      };
    }),
  );
  return { bars, quarters, top };
}

/** Past this many quarters the bars would be too thin to read: the table alone says it. */
export const MAX_CHART_QUARTERS = 8;

/** The chart as SVG markup; undefined when the period has nothing to draw (every bar empty) or too many quarters. */
export function timelinessChart(report: Report): string | undefined {
  const { bars, quarters, top } = timelinessBars(report);
  if (quarters.length > MAX_CHART_QUARTERS || bars.every((bar) => bar.height === 0)) return undefined;
  const plotTop = legendHeight();
  const plotBottom = plotTop + PLOT_HEIGHT;
  const width = LEFT + quarters.length * groupWidth() + RIGHT;
  const height = plotBottom + 64;
  const labels = TIMELINESS_SERIES.map((series) => rowOf(report, series.rowId).label);
  const text = (x: number, y: number, content: string, extra = '') =>
    `<text x="${x}" y="${y}" ${FONT} font-size="16" fill="${TEXT_COLOUR}"${extra}>${escapeHtml(content)}</text>`;

  const patterns = TIMELINESS_SERIES.map((series, s) =>
    series.hatched
      ? `<pattern id="${patternId(s)}" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">` +
        `<rect width="8" height="8" fill="#ffffff"/><rect width="4" height="8" fill="${series.colour}"/></pattern>`
      : '',
  ).join('');
  const legend = labels
    .map((label, s) => {
      const y = LEGEND_TOP + s * LEGEND_LINE;
      return `${swatch(s, LEFT, y, 18, 18)}${text(LEFT + 28, y + 15, label)}`;
    })
    .join('');
  const grid = Array.from({ length: TICKS + 1 }, (_, i) => {
    const value = (top / TICKS) * i;
    const y = plotBottom - (value / top) * PLOT_HEIGHT;
    return (
      `<line x1="${LEFT}" y1="${y}" x2="${width - RIGHT}" y2="${y}" stroke="${i === 0 ? TEXT_COLOUR : GRID_COLOUR}" stroke-width="1"/>` +
      text(LEFT - 8, y + 5, String(value), ' text-anchor="end"')
    );
  }).join('');
  const drawn = bars
    .map(
      (bar) =>
        (bar.height > 0 ? swatch(bar.series, bar.x, bar.y, BAR_WIDTH, bar.height) : '') +
        text(bar.x + BAR_WIDTH / 2, bar.y - 6, bar.display, ' text-anchor="middle" font-size="14"'),
    )
    .join('');
  const quarterLabels = quarters
    .map((quarter, q) =>
      text(LEFT + q * groupWidth() + groupWidth() / 2, plotBottom + 24, quarter.label, ' text-anchor="middle"'),
    )
    .join('');
  const axisLabels =
    text(
      LEFT + (width - LEFT - RIGHT) / 2,
      plotBottom + 54,
      'Financial quarter',
      ' text-anchor="middle" font-weight="bold"',
    ) +
    text(
      16,
      plotTop + PLOT_HEIGHT / 2,
      'Number',
      ` text-anchor="middle" font-weight="bold" transform="rotate(-90 16 ${plotTop + PLOT_HEIGHT / 2})"`,
    );

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" role="img" aria-labelledby="timeliness-chart-title timeliness-chart-desc" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title id="timeliness-chart-title">${escapeHtml(CHART_TITLE)}</title>` +
    `<desc id="timeliness-chart-desc">${escapeHtml(chartDescription(report, quarters))}</desc>` +
    `<defs>${patterns}</defs>${legend}${grid}${drawn}${quarterLabels}${axisLabels}</svg>`
  );
}

/** What the chart shows, in words, quarter by quarter (a screen reader reads this for the picture). */
export function chartDescription(report: Report, quarters: readonly ReportColumn[]): string {
  const rows = TIMELINESS_SERIES.map((series) => rowOf(report, series.rowId));
  const perQuarter = quarters.map(
    (quarter) =>
      `${quarter.label}: ${rows.map((row) => `${row.label} ${row.cells.find((c) => c.column === quarter.key)!.display}`).join(', ')}.`,
  );
  return `Bar chart, one group of bars per financial quarter of ${report.period.title}. ${perQuarter.join(' ')} The same figures are in the table below.`;
}

function rowOf(report: Report, rowId: string): ReportRow {
  const row = report.sections
    .flatMap((section) => section.figures)
    .flatMap((figure) => figure.rows)
    .find((r) => r.id === rowId);
  if (!row) throw new Error(`The report has no row ${rowId}`);
  return row;
}

function swatch(series: number, x: number, y: number, width: number, height: number): string {
  const { colour, hatched } = TIMELINESS_SERIES[series];
  const fill = hatched ? `url(#${patternId(series)})` : colour;
  return `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="${fill}" stroke="${colour}" stroke-width="2"/>`;
}

const patternId = (series: number) => `timeliness-hatch-${series}`;
const groupWidth = () => TIMELINESS_SERIES.length * (BAR_WIDTH + BAR_GAP) - BAR_GAP + GROUP_GAP;
const legendHeight = () => LEGEND_TOP + TIMELINESS_SERIES.length * LEGEND_LINE + 24;

/** The axis' top: the largest number rounded up so that each of the ticks is a whole number. */
export function axisTop(largest: number): number {
  const step = Math.max(1, Math.ceil(largest / TICKS));
  return step * TICKS;
}
