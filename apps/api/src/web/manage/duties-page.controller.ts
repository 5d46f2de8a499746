import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  type AuthenticatedUser,
  CurrentUser,
  PartnershipDutiesService,
  RecordAnnualReportCopiesDto,
  RecordAnnualReportDto,
  Roles,
} from '@app/auth';
import { validatePlain } from '@app/cases';
import { RuleViolatedError, ValidationFailedError } from '@app/common';
import { readDateInput, type FormError, type FormErrors } from '../forms';
import { redirectWithFlash, takeFlash } from '../flash';
import { PageController } from '../page-controller.decorator';
import { dateInput } from '../presenters/date-input';
import {
  dutyHistoryRows,
  dutyMessage,
  dutyMessageField,
  dutySummaryRows,
  recipientCheckboxes,
} from '../presenters/duties';
import { deadlinesTableRows, DEADLINES_TABLE_HEAD } from '../presenters/deadlines-table';

type FormBody = Record<string, unknown>;
const DUTIES = '/manage/duties';
const DATE_FIELDS = new Set(['publishedOn', 'copiesSentOn', 'sentOn']);

const typed = (body: FormBody, name: string): string => (typeof body[name] === 'string' ? (body[name] as string) : '');
function typedAll(body: FormBody, name: string): string[] {
  const value = body[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
const hrefOf = (field: string) => (DATE_FIELDS.has(field) ? `#${field}-day` : `#${field}`);
function errorLocals(errors: FormErrors) {
  return { errors, errorList: Object.values(errors).map(({ text, href }) => ({ text, href })) };
}

/** The API's refusal as the form's errors, each by its field (in the page's words). */
function refusalErrors(error: unknown, fallback: string): FormErrors {
  const errors: FormErrors = {};
  const add = (field: string, message: string) => {
    errors[field] ??= { text: dutyMessage(message), href: hrefOf(field) };
  };
  if (error instanceof ValidationFailedError) {
    for (const { field, messages } of error.fields) add(field, messages[0]);
    return errors;
  }
  if (error instanceof RuleViolatedError) {
    add(dutyMessageField(error.message, fallback), error.message);
    return errors;
  }
  throw error;
}

/**
 * The form's values checked by the API's own DTO, its messages added to `errors` for the fields the form itself had
 * no complaint about (so the page lists every problem at once); undefined when there is any problem.
 */
function validated<T extends object>(
  dto: new () => T,
  errors: FormErrors,
  values: Record<string, unknown>,
): T | undefined {
  const present = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  try {
    const input = validatePlain(dto, present);
    return Object.keys(errors).length === 0 ? input : undefined;
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    for (const { field, messages } of error.fields) {
      if (values[field] === undefined) continue;
      errors[field] ??= { text: dutyMessage(messages[0]), href: hrefOf(field) };
    }
    return undefined;
  }
}

/**
 * The partnership's own duties: when the next annual report is due, its copies to the Panel and the What Works Centre,
 * and their history, for everyone in the partnership; the business unit and lead partners record a publication and
 * the copies sent (through PartnershipDutiesService, with the API's own DTOs and refusals).
 */
@PageController('manage/duties')
export class DutiesPageController {
  constructor(private readonly duties: PartnershipDutiesService) {}

  @Get()
  async overview(@CurrentUser() user: AuthenticatedUser, @Req() request: Request, @Res() response: Response) {
    const view = await this.duties.view(user);
    response.render('manage/duties', {
      view,
      flash: takeFlash(request),
      summary: dutySummaryRows(view),
      deadlinesHead: DEADLINES_TABLE_HEAD,
      deadlines: deadlinesTableRows(view.deadlines),
      history: dutyHistoryRows(view.history),
    });
  }

  @Get('annual-report')
  @Roles('business-unit', 'lead-partner')
  async publicationForm(@CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    const view = await this.duties.view(user);
    this.publicationPage(response, 200, !view.lastAnnualReport, {}, {});
  }

  @Post('annual-report')
  @Roles('business-unit', 'lead-partner')
  async recordPublication(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: FormBody,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const first = !(await this.duties.view(user)).lastAnnualReport;
    const errors: FormErrors = {};
    const published = readDateInput(body, 'publishedOn', 'Date the report was published');
    if (published.error) errors.publishedOn = published.error;
    else if (published.value === undefined)
      errors.publishedOn = { text: 'Enter the date the report was published', href: '#publishedOn-day' };
    const copiesSent = readDateInput(body, 'copiesSentOn', 'Date the copies were sent');
    if (copiesSent.error) errors.copiesSentOn = copiesSent.error;
    const url = typed(body, 'url').trim();
    if (url === '') errors.url = { text: 'Enter the address of the published report', href: '#url' };
    const input = validated(RecordAnnualReportDto, errors, {
      publishedOn: published.value,
      url,
      ...(copiesSent.value !== undefined ? { copiesSentOn: copiesSent.value } : {}),
    });
    if (!input) return this.publicationPage(response, 400, first, body, errors);
    try {
      await this.duties.recordPublication(user, input);
    } catch (error) {
      const refused = refusalErrors(error, 'publishedOn');
      return this.publicationPage(response, error instanceof RuleViolatedError ? 422 : 400, first, body, refused);
    }
    return redirectWithFlash(request, response, DUTIES, 'The annual report has been recorded as published');
  }

  @Get('annual-report-copies')
  @Roles('business-unit', 'lead-partner')
  async copiesForm(@CurrentUser() _user: AuthenticatedUser, @Res() response: Response) {
    this.copiesPage(response, 200, {}, {});
  }

  @Post('annual-report-copies')
  @Roles('business-unit', 'lead-partner')
  async recordCopies(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: FormBody,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const errors: FormErrors = {};
    const sent = readDateInput(body, 'sentOn', 'Date the copies were sent');
    if (sent.error) errors.sentOn = sent.error;
    else if (sent.value === undefined)
      errors.sentOn = { text: 'Enter the date the copies were sent', href: '#sentOn-day' };
    const recipients = typedAll(body, 'recipients');
    if (recipients.length === 0)
      errors.recipients = { text: 'Select who was sent a copy that day', href: '#recipients' };
    const input = validated(RecordAnnualReportCopiesDto, errors, { sentOn: sent.value, recipients });
    if (!input) return this.copiesPage(response, 400, body, errors);
    try {
      await this.duties.recordCopiesSent(user, input);
    } catch (error) {
      const refused = refusalErrors(error, 'sentOn');
      return this.copiesPage(response, error instanceof RuleViolatedError ? 422 : 400, body, refused);
    }
    return redirectWithFlash(request, response, DUTIES, 'The copies sent have been recorded');
  }

  private publicationPage(response: Response, status: number, first: boolean, body: FormBody, errors: FormErrors) {
    response.status(status).render('manage/duties-annual-report', {
      first,
      url: typed(body, 'url'),
      publishedOn: dateInput({
        name: 'publishedOn',
        legend: first ? 'When was your last annual report published?' : 'When was the annual report published?',
        legendClasses: 'govuk-fieldset__legend--m',
        typed: body,
        error: errors.publishedOn as FormError | undefined,
      }),
      copiesSentOn: dateInput({
        name: 'copiesSentOn',
        legend: 'When were the copies sent to the Panel and the What Works Centre? (optional)',
        hint: 'Only if both were already sent, for example for a report published before you used this service. For example, 27 3 2026',
        typed: body,
        error: errors.copiesSentOn as FormError | undefined,
      }),
      ...errorLocals(errors),
    });
  }

  private copiesPage(response: Response, status: number, body: FormBody, errors: FormErrors) {
    const ticked = Object.keys(body).length === 0 ? ['panel', 'what-works-centre'] : typedAll(body, 'recipients');
    response.status(status).render('manage/duties-copies', {
      sentOn: dateInput({
        name: 'sentOn',
        legend: 'When were the copies sent?',
        legendClasses: 'govuk-fieldset__legend--m',
        typed: body,
        error: errors.sentOn as FormError | undefined,
      }),
      recipients: recipientCheckboxes(ticked, errors.recipients?.text),
      ...errorLocals(errors),
    });
  }
}
