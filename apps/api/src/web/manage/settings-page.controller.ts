import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { assertHasRole, PartnershipView, UpdatePartnershipDto } from '@app/auth';
import { optionLabel, validatePlain } from '@app/cases';
import { NotFoundError, ValidationFailedError } from '@app/common';
import { PartnershipViews } from '@app/reminders';
import { AGENCIES, getRulebook, type RuleDefinition } from '@app/workflows';
import { readDateInput, type FormErrors } from '../forms';
import { redirectWithFlash, takeFlash } from '../flash';
import { PageController } from '../page-controller.decorator';
import { dateInput } from '../presenters/date-input';
import { ruleTitle } from '../presenters/rulebook';
import { isStatutory, keyFor, relevantAgencyErrors, relevantAgencyRows } from '../presenters/relevant-agencies';
import {
  agencyNames,
  closureDayRows,
  govukDateWithDay,
  offsetsTyped,
  overrideFormFields,
  overrideFormValues,
  overrideInput,
  overrideRows,
  readOffsets,
  readOverrideForm,
  reminderLines,
  settingErrors,
  unfilledRoleNames,
  type OverrideFormValues,
} from '../presenters/settings';

const SETTINGS = '/manage/settings';

type FormBody = Record<string, unknown>;

const typed = (body: FormBody, name: string): string => (typeof body[name] === 'string' ? (body[name] as string) : '');

/** Every value of a field that may repeat (checkboxes): one string, or several. */
function typedAll(body: FormBody, name: string): string[] {
  const value = body[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function errorLocals(errors: FormErrors): { errors: FormErrors; errorList: { text: string; href: string }[] } {
  return { errors, errorList: Object.values(errors).map(({ text, href }) => ({ text, href })) };
}

/**
 * The partnership's settings, for its admins: an overview, and one small form per setting. Every change goes through
 * the API's own validation (UpdatePartnershipDto) and PartnershipsService.update, as PATCH /partnership does.
 */
@PageController('manage/settings')
export class SettingsPageController {
  constructor(private readonly partnerships: PartnershipViews) {}

  @Get()
  async overview(@Req() request: Request, @Res() response: Response) {
    const view = await this.view(request);
    response.render('manage/settings', this.overviewLocals(view, request));
  }

  private overviewLocals(view: PartnershipView, request: Request) {
    const rulebook = getRulebook();
    return {
      view,
      flash: takeFlash(request),
      unfilled: unfilledRoleNames(view),
      agencies: agencyNames(view.signOffAgencies),
      reminders: reminderLines(view.reminderOffsets),
      closureDays: closureDayRows(view.closureDays),
      overrides: overrideRows(rulebook.rules, view.ruleOverrides),
      relevantAgencies: relevantAgencyRows(view.relevantAgencies),
    };
  }

  @Get('name')
  async nameForm(@Req() request: Request, @Res() response: Response) {
    const view = await this.view(request);
    response.render('manage/settings-name', { name: view.name });
  }

  @Post('name')
  async changeName(@Body() body: FormBody, @Req() request: Request, @Res() response: Response) {
    await this.view(request);
    const name = typed(body, 'name').trim();
    await this.change(request, response, { name }, 'The partnership’s name was changed', (errors) =>
      response.status(400).render('manage/settings-name', { name, ...errorLocals(errors) }),
    );
  }

  @Get('agencies')
  async agenciesForm(@Req() request: Request, @Res() response: Response) {
    const view = await this.view(request);
    response.render('manage/settings-agencies', { items: agencyItems(view.signOffAgencies) });
  }

  @Post('agencies')
  async changeAgencies(@Body() body: FormBody, @Req() request: Request, @Res() response: Response) {
    await this.view(request);
    const chosen = typedAll(body, 'signOffAgencies');
    await this.change(
      request,
      response,
      { signOffAgencies: chosen },
      'The agencies that sign off were changed',
      (errors) =>
        response.status(400).render('manage/settings-agencies', { items: agencyItems(chosen), ...errorLocals(errors) }),
    );
  }

  @Get('closure-days/new')
  async closureDayForm(@Req() request: Request, @Res() response: Response) {
    await this.view(request);
    response.render('manage/settings-closure-day', { dateInput: closureDateInput({}) });
  }

  @Post('closure-days/new')
  async addClosureDay(@Body() body: FormBody, @Req() request: Request, @Res() response: Response) {
    const view = await this.view(request);
    const again = (errors: FormErrors) =>
      response.status(400).render('manage/settings-closure-day', {
        dateInput: closureDateInput(body, errors.closureDays),
        ...errorLocals(errors),
      });
    const { value, error } = readDateInput(body, 'closureDay', 'Closure day');
    if (error) return again({ closureDays: error });
    if (value === undefined) return again({ closureDays: { text: 'Enter the closure day', href: '#closureDay-day' } });
    if (view.closureDays.includes(value))
      return again({
        closureDays: { text: `${govukDateWithDay(value)} is already a closure day`, href: '#closureDay-day' },
      });
    await this.change(
      request,
      response,
      { closureDays: [...view.closureDays, value] },
      () => `${govukDateWithDay(value)} was added as a closure day`,
      again,
    );
  }

  @Post('closure-days/remove')
  async removeClosureDay(@Body() body: FormBody, @Req() request: Request, @Res() response: Response) {
    const view = await this.view(request);
    const date = typed(body, 'date');
    if (!view.closureDays.includes(date)) throw new NotFoundError('Closure day');
    await this.change(
      request,
      response,
      { closureDays: view.closureDays.filter((day) => day !== date) },
      `${govukDateWithDay(date)} is no longer a closure day`,
      () => response.redirect(303, SETTINGS),
    );
  }

  // Issue 12 item 1: the relevant agencies, one at a time (add, rename, remove), as the closure days

  @Get('relevant-agencies/new')
  async newAgencyForm(@Req() request: Request, @Res() response: Response) {
    await this.view(request);
    response.render('manage/settings-relevant-agency', { adding: true, name: '' });
  }

  @Post('relevant-agencies/new')
  async addAgency(@Body() body: FormBody, @Req() request: Request, @Res() response: Response) {
    const view = await this.view(request);
    const name = typed(body, 'name').trim();
    const key = keyFor(
      name,
      view.relevantAgencies.map((agency) => agency.key),
    );
    await this.change(
      request,
      response,
      { relevantAgencies: [...view.relevantAgencies, { key, name }] },
      `${name} was added to the relevant agencies`,
      (errors) =>
        response.status(400).render('manage/settings-relevant-agency', {
          adding: true,
          name,
          ...errorLocals(relevantAgencyOnly(errors)),
        }),
      relevantAgencyErrors,
    );
  }

  @Get('relevant-agencies/:key')
  async renameAgencyForm(@Param('key') key: string, @Req() request: Request, @Res() response: Response) {
    const agency = relevantAgency(await this.view(request), key);
    response.render('manage/settings-relevant-agency', { agency, name: agency.name });
  }

  @Post('relevant-agencies/:key')
  async renameAgency(
    @Param('key') key: string,
    @Body() body: FormBody,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const view = await this.view(request);
    const agency = relevantAgency(view, key);
    const name = typed(body, 'name').trim();
    await this.change(
      request,
      response,
      { relevantAgencies: view.relevantAgencies.map((a) => (a.key === key ? { key, name } : a)) },
      `${agency.name} is now called ${name}`,
      (errors) =>
        response
          .status(400)
          .render('manage/settings-relevant-agency', { agency, name, ...errorLocals(relevantAgencyOnly(errors)) }),
      relevantAgencyErrors,
    );
  }

  @Post('relevant-agencies/:key/remove')
  async removeAgency(@Param('key') key: string, @Req() request: Request, @Res() response: Response) {
    const view = await this.view(request);
    const agency = relevantAgency(view, key);
    await this.change(
      request,
      response,
      { relevantAgencies: view.relevantAgencies.filter((a) => a.key !== key) },
      `${agency.name} is no longer a relevant agency`,
      async (errors) => {
        const refused = await this.view(request);
        response.status(400).render('manage/settings', {
          ...this.overviewLocals(refused, request),
          ...errorLocals(errors),
        });
      },
      relevantAgencyErrors,
    );
  }

  @Get('rules/:rule')
  async overrideForm(@Param('rule') ruleId: string, @Req() request: Request, @Res() response: Response) {
    const view = await this.view(request);
    const rule = overridableRule(ruleId);
    const override = view.ruleOverrides.find((o) => o.rule === rule.id);
    this.renderOverride(response, 200, rule, overrideFormValues(rule, override), {}, override !== undefined);
  }

  @Post('rules/:rule')
  async changeOverride(
    @Param('rule') ruleId: string,
    @Body() body: FormBody,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const view = await this.view(request);
    const rule = overridableRule(ruleId);
    const overridden = view.ruleOverrides.some((o) => o.rule === rule.id);
    const read = readOverrideForm(rule, body);
    const again = (errors: FormErrors) => this.renderOverride(response, 400, rule, read.values, errors, overridden);
    if (read.errors) return again(read.errors);
    const others = view.ruleOverrides.filter((o) => o.rule !== rule.id).map(overrideInput);
    await this.change(
      request,
      response,
      { ruleOverrides: [...others, read.override] },
      `${ruleTitle(rule.id)}: the partnership’s rule was saved`,
      again,
      { unit: read.values.unit },
    );
  }

  @Post('rules/:rule/remove')
  async removeOverride(@Param('rule') ruleId: string, @Req() request: Request, @Res() response: Response) {
    const view = await this.view(request);
    const rule = overridableRule(ruleId);
    if (!view.ruleOverrides.some((o) => o.rule === rule.id)) throw new NotFoundError('Rule override');
    await this.change(
      request,
      response,
      { ruleOverrides: view.ruleOverrides.filter((o) => o.rule !== rule.id).map(overrideInput) },
      `${ruleTitle(rule.id)}: the rulebook’s rule applies again`,
      () => response.redirect(303, SETTINGS),
    );
  }

  @Get('reminders')
  async remindersForm(@Req() request: Request, @Res() response: Response) {
    const view = await this.view(request);
    response.render('manage/settings-reminders', { offsets: offsetsTyped(view.reminderOffsets) });
  }

  @Post('reminders')
  async changeReminders(@Body() body: FormBody, @Req() request: Request, @Res() response: Response) {
    await this.view(request);
    const offsets = typed(body, 'reminderOffsets');
    const again = (errors: FormErrors) =>
      response.status(400).render('manage/settings-reminders', { offsets, ...errorLocals(errors) });
    const read = readOffsets(offsets);
    if ('error' in read) return again({ reminderOffsets: { text: read.error, href: '#reminderOffsets' } });
    await this.change(request, response, { reminderOffsets: read.offsets }, 'The reminders were changed', again);
  }

  /** The signed-in admin's partnership; anyone else is refused (403 page). */
  private async view(request: Request): Promise<PartnershipView> {
    assertHasRole(request.user!.roles, ['admin']);
    return this.partnerships.view(request.user!.partnershipId);
  }

  /**
   * Validates `changes` as PATCH /partnership does and saves them, then back to the settings with `done` said; or
   * answers the refusal with `again`, the API's messages in the form's words.
   */
  private async change(
    request: Request,
    response: Response,
    changes: FormBody,
    /** What the next page says; worked out once the change is known to be valid. */
    done: string | (() => string),
    again: (errors: FormErrors) => void | Promise<void>,
    context: { unit?: string } | ((details: ValidationFailedError['fields']) => FormErrors) = {},
  ): Promise<void> {
    try {
      const dto = validatePlain(UpdatePartnershipDto, changes);
      await this.partnerships.update(request.user!.partnershipId, dto, request.user!.id);
    } catch (error) {
      if (error instanceof ValidationFailedError) {
        return again(typeof context === 'function' ? context(error.fields) : settingErrors(error.fields, context));
      }
      throw error;
    }
    await redirectWithFlash(request, response, SETTINGS, typeof done === 'string' ? done : done());
  }

  private renderOverride(
    response: Response,
    status: number,
    rule: RuleDefinition,
    values: OverrideFormValues,
    errors: FormErrors,
    overridden: boolean,
  ): void {
    response.status(status).render('manage/settings-rule', {
      rule,
      title: ruleTitle(rule.id),
      fields: overrideFormFields(rule, values, errors),
      overridden,
      ...errorLocals(errors),
    });
  }
}

function overridableRule(ruleId: string): RuleDefinition {
  const rule = getRulebook().rules.find((candidate) => candidate.id === ruleId);
  if (!rule || rule.overridable.length === 0) throw new NotFoundError('Rule');
  return rule;
}

function relevantAgency(view: PartnershipView, key: string) {
  const agency = view.relevantAgencies.find((a) => a.key === key);
  if (!agency) throw new NotFoundError('Relevant agency');
  return { ...agency, statutory: isStatutory(agency.key) };
}

/** The form asks only the name: a problem with the list as a whole is said by the name too. */
function relevantAgencyOnly(errors: FormErrors): FormErrors {
  const first = errors.name ?? errors.relevantAgencies;
  return first ? { name: { ...first, href: '#name' } } : {};
}

function agencyItems(chosen: readonly string[]) {
  return AGENCIES.map((agency) => ({ value: agency, text: optionLabel(agency), checked: chosen.includes(agency) }));
}

function closureDateInput(typedValues: FormBody, error?: FormErrors[string]) {
  return dateInput({
    name: 'closureDay',
    legend: 'Closure day',
    legendClasses: 'govuk-fieldset__legend--l',
    isPageHeading: true,
    hint: 'A day the partnership is closed, such as 24 December. Deadlines in working days skip it. For example, 24 12 2026',
    typed: typedValues,
    ...(error ? { error } : {}),
  });
}
