import {
  addCalendarDays,
  addCalendarMonths,
  compareLocalDates,
  MONTH_NAMES,
  parseLocalDate,
  type LocalDate,
} from '@app/calendar';

/** What a report covers: a financial year (1 April to 31 March) or any range of days, both ends included. */
export interface ReportPeriod {
  from: LocalDate;
  to: LocalDate;
  /** `2025-26` when the period is exactly that financial year. */
  financialYear?: string;
}

/** One column of a report: a financial quarter (clipped to the period) or the whole period. */
export interface ReportColumn {
  key: string;
  label: string;
  from: LocalDate;
  to: LocalDate;
  /** The whole period's column (the year's, for a financial year). */
  whole: boolean;
}

/** Reports over more than this are refused: a report is read by the quarter and the year. */
export const MAX_REPORT_YEARS = 10;

/** `2025` -> `2025-26`: the financial year that starts on 1 April 2025. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The year in which the financial year holding `date` started (1 April to 31 March). */
export function financialYearStartOf(date: LocalDate): number {
  const { year, month } = parseLocalDate(date);
  return month >= 4 ? year : year - 1;
}

export function financialYear(startYear: number): ReportPeriod {
  return {
    from: `${startYear}-04-01`,
    to: `${startYear + 1}-03-31`,
    financialYear: financialYearLabel(startYear),
  };
}

/** A range of days as a period: a financial year when it is exactly one. */
export function reportPeriod(from: LocalDate, to: LocalDate): ReportPeriod {
  const startYear = financialYearStartOf(from);
  const year = financialYear(startYear);
  return year.from === from && year.to === to ? year : { from, to };
}

const QUARTER_START_MONTHS = [4, 7, 10, 1] as const;

/** The financial quarters the period touches, each clipped to it, then the whole period. */
export function reportColumns(period: ReportPeriod): ReportColumn[] {
  const columns: ReportColumn[] = [];
  let startYear = financialYearStartOf(period.from);
  while (compareLocalDates(financialYear(startYear).from, period.to) <= 0) {
    QUARTER_START_MONTHS.forEach((month, index) => {
      const quarterFrom = `${month === 1 ? startYear + 1 : startYear}-${String(month).padStart(2, '0')}-01`;
      const quarterTo = addCalendarDays(addCalendarMonths(quarterFrom, 3), -1);
      const from = later(quarterFrom, period.from);
      const to = earlier(quarterTo, period.to);
      if (compareLocalDates(from, to) > 0) return;
      const fy = financialYearLabel(startYear);
      columns.push({
        key: `${fy}-q${index + 1}`,
        label: period.financialYear ? `Q${index + 1}` : `Q${index + 1} ${fy}`,
        from,
        to,
        whole: false,
      });
    });
    startYear += 1;
  }
  columns.push({
    key: 'whole',
    label: period.financialYear ? 'Year' : 'Whole period',
    from: period.from,
    to: period.to,
    whole: true,
  });
  return columns;
}

/** `2025-04-01` -> `1 April 2025`. */
export function longDate(date: LocalDate): string {
  const { year, month, day } = parseLocalDate(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** How a period is named: `2025-26` (1 April 2025 to 31 March 2026), or its two days. */
export function periodTitle(period: ReportPeriod): string {
  const range = `${longDate(period.from)} to ${longDate(period.to)}`;
  return period.financialYear ? `${period.financialYear} (${range})` : range;
}

const later = (a: LocalDate, b: LocalDate) => (compareLocalDates(a, b) >= 0 ? a : b);
const earlier = (a: LocalDate, b: LocalDate) => (compareLocalDates(a, b) <= 0 ? a : b);
