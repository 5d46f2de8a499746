import { Get, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { PartnershipCalendars } from '@app/auth';
import { validatePlain } from '@app/cases';
import { ValidationFailedError } from '@app/common';
import { AddWorkingDaysQuery, WorkingDaysBetweenQuery } from '../../calendar/calendar-query.dto';
import { readDateInput, type FormError, type FormErrors } from '../forms';
import { PageController } from '../page-controller.decorator';
import { dateInput } from '../presenters/date-input';
import { addedSentence, betweenSentence, skippedDays } from '../presenters/working-days';

type QueryValues = Record<string, unknown>;

const DATE_RANGE = 'must be a real date between 1 January 2000 and 31 December 2099';

/** Dates of the form read from the query, and the problems with them, keyed by the DTO's field names. */
function readDates(
  query: QueryValues,
  fields: Record<string, { input: string; label: string }>,
): { values: Record<string, string>; errors: FormErrors } {
  const values: Record<string, string> = {};
  const errors: FormErrors = {};
  for (const [field, { input, label }] of Object.entries(fields)) {
    const { value, error } = readDateInput(query, input, label);
    if (error) errors[field] = error;
    else if (value === undefined) errors[field] = { text: `Enter the ${label.toLowerCase()}`, href: `#${input}-day` };
    else values[field] = value;
  }
  return { values, errors };
}

/**
 * The query checked by the API's own DTO, given the fields the form could read (those it could not are left out, and
 * their problems kept); or every problem, the DTO's in the form's words.
 */
function check<T extends object>(
  dto: new () => T,
  readable: Record<string, string>,
  unreadable: FormErrors,
  words: Record<string, FormError>,
): { query: T } | { errors: FormErrors } {
  const body = Object.fromEntries(
    Object.entries(readable).filter(([field, value]) => value !== '' && !(field in unreadable)),
  );
  try {
    const query = validatePlain(dto, body);
    if (Object.keys(unreadable).length === 0) return { query };
    return { errors: unreadable };
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    const errors: FormErrors = { ...unreadable };
    for (const detail of error.fields) errors[detail.field] ??= words[detail.field];
    return { errors };
  }
}

/**
 * The working-day calculator: a date moved by a number of working days, and the working days between two dates, in
 * the partnership's calendar (bank holidays of England and Wales and its closure days), as GET /calendar/... answer.
 * GET forms: a date and a number are no personal data.
 */
@PageController('working-days')
export class WorkingDaysPageController {
  constructor(private readonly calendars: PartnershipCalendars) {}

  @Get()
  @Render('working-days')
  async calculator(@Query() query: QueryValues, @Req() request: Request): Promise<Record<string, unknown>> {
    const calendar = await this.calendars.forPartnership(request.user!.partnershipId);
    const asked = (...names: string[]) => names.some((name) => Object.keys(query).some((key) => key.startsWith(name)));
    const locals: Record<string, unknown> = { closureDays: calendar.closureDays.length };

    if (asked('from-', 'days')) {
      const dates = readDates(query, { from: { input: 'from', label: 'Date' } });
      const daysTyped = typeof query.days === 'string' ? query.days.trim().replace(/^\u2212/, '-') : '';
      const missing: FormErrors =
        daysTyped === '' ? { days: { text: 'Enter the number of working days', href: '#days' } } : {};
      const checked = check(
        AddWorkingDaysQuery,
        { ...dates.values, days: daysTyped },
        { ...dates.errors, ...missing },
        {
          from: { text: `Date ${DATE_RANGE}`, href: '#from-day' },
          days: { text: 'Number of working days must be a whole number from -1000 to 1000', href: '#days' },
        },
      );
      if ('query' in checked) {
        const { from, days } = checked.query;
        const date = calendar.addWorkingDays(from, days);
        locals.added = {
          sentence: addedSentence(from, days, date),
          skipped: skippedDays(calendar.nonWorkingDaysBetween(from, date)),
        };
      } else locals.addErrors = checked.errors;
    }

    if (asked('start-', 'end-')) {
      const dates = readDates(query, {
        from: { input: 'start', label: 'First date' },
        to: { input: 'end', label: 'Second date' },
      });
      const checked = check(WorkingDaysBetweenQuery, dates.values, dates.errors, {
        from: { text: `First date ${DATE_RANGE}`, href: '#start-day' },
        to: { text: `Second date ${DATE_RANGE}`, href: '#end-day' },
      });
      if ('query' in checked) {
        const { from, to } = checked.query;
        locals.between = {
          sentence: betweenSentence(from, to, calendar.workingDaysBetween(from, to)),
          skipped: skippedDays(calendar.nonWorkingDaysBetween(from, to)),
        };
      } else locals.betweenErrors = checked.errors;
    }

    const addErrors = (locals.addErrors ?? {}) as FormErrors;
    const betweenErrors = (locals.betweenErrors ?? {}) as FormErrors;
    const error = (set: FormErrors, field: string): { error?: FormError } => (set[field] ? { error: set[field] } : {});
    return {
      ...locals,
      fromInput: dateInput({ name: 'from', legend: 'Date', typed: query, ...error(addErrors, 'from') }),
      days: typeof query.days === 'string' ? query.days : '',
      startInput: dateInput({ name: 'start', legend: 'First date', typed: query, ...error(betweenErrors, 'from') }),
      endInput: dateInput({ name: 'end', legend: 'Second date', typed: query, ...error(betweenErrors, 'to') }),
      errorList: [...Object.values(addErrors), ...Object.values(betweenErrors)].map(({ text, href }) => ({
        text,
        href,
      })),
    };
  }
}
