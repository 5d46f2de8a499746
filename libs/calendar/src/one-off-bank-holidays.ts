/**
 * Corrections to `date-holidays` for England and Wales, as data.
 *
 * `date-holidays` knows the regular rules and some special days; these lists hold the days proclaimed one at a
 * time (royal events, anniversaries) and the regular days that were moved for them. Entries it already knows
 * are harmless: an addition replaces its entry for the same date, a move removes the old date if present.
 * To add a future proclamation, append a line here (and check it against https://www.gov.uk/bank-holidays).
 */
import type { LocalDate } from './local-date';

export interface OneOffBankHoliday {
  date: LocalDate;
  title: string;
}

export interface MovedBankHoliday {
  /** The date the regular rule gives, which was not a bank holiday that year. */
  from: LocalDate;
  /** The date the holiday was moved to. */
  to: LocalDate;
  title: string;
}

/** Extra days off proclaimed for one year only. */
export const ONE_OFF_BANK_HOLIDAYS: readonly OneOffBankHoliday[] = Object.freeze([
  { date: '1981-07-29', title: 'Royal wedding (the Prince of Wales and Lady Diana Spencer)' },
  { date: '1999-12-31', title: 'Millennium celebrations' },
  { date: '2002-06-03', title: 'Queen’s Golden Jubilee' },
  { date: '2011-04-29', title: 'Royal wedding (Prince William and Catherine Middleton)' },
  { date: '2012-06-05', title: 'Queen’s Diamond Jubilee' },
  { date: '2022-06-03', title: 'Platinum Jubilee bank holiday' },
  { date: '2022-09-19', title: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
  { date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III' },
]);

/** Regular bank holidays moved to another date that year. */
export const MOVED_BANK_HOLIDAYS: readonly MovedBankHoliday[] = Object.freeze([
  { from: '1995-05-01', to: '1995-05-08', title: 'Early May bank holiday (VE Day)' },
  { from: '2002-05-27', to: '2002-06-04', title: 'Spring bank holiday' },
  { from: '2012-05-28', to: '2012-06-04', title: 'Spring bank holiday' },
  { from: '2020-05-04', to: '2020-05-08', title: 'Early May bank holiday (VE Day)' },
  { from: '2022-05-30', to: '2022-06-02', title: 'Spring bank holiday' },
]);
