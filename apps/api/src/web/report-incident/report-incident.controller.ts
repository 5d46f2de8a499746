import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { assertHasRole } from '@app/auth';
import { CasesService } from '@app/cases';
import { CASE_OPENERS } from '@app/workflows';
import { errorSummary, type FormErrors } from '../forms';
import { PageController } from '../page-controller.decorator';
import { incidentAnswers } from '../presenters/incident-answers';
import {
  childCountOf,
  completeReport,
  nextPath,
  saveStep,
  STEP_PATHS,
  stepErrors,
  stepForm,
  type IncidentDraft,
  type IncidentStep,
} from './incident-form';

declare module 'express-session' {
  interface SessionData {
    /** The incident being reported, as typed, until it is saved: kept on the server, never in a URL or a page. */
    incidentDraft: IncidentDraft;
  }
}

/**
 * Writes the session before answering. express-session would otherwise send a redirect's headers first and save
 * after, and the browser could follow the redirect before the draft is stored.
 */
function saveSession(request: Request): Promise<void> {
  return new Promise((resolve, reject) => request.session.save((error) => (error ? reject(error) : resolve())));
}

const VIEWS: Record<IncidentStep, string> = {
  incident: 'report-incident/incident',
  children: 'report-incident/children',
  circumstances: 'report-incident/circumstances', // issue 12 item 2
};

/** The page before each step, for its Back link. */
const BACK: Record<IncidentStep, string | undefined> = {
  incident: undefined,
  children: STEP_PATHS.incident,
  circumstances: STEP_PATHS.children,
};

/**
 * Report a serious incident (the business unit only, as `POST /cases`): the incident, the children, check your
 * answers, then the case is opened through `CasesService.open`, the API's own path.
 */
@PageController('report-incident')
export class ReportIncidentController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  incident(@Req() request: Request, @Res() response: Response) {
    this.showStep('incident', request, response);
  }

  @Post()
  async saveIncident(@Req() request: Request, @Res() response: Response, @Body() body: Record<string, unknown>) {
    await this.saveStep('incident', request, response, body);
  }

  @Get('children')
  children(@Req() request: Request, @Res() response: Response) {
    if (this.guard(request, response, 'children')) this.showStep('children', request, response);
  }

  @Post('children')
  async saveChildren(@Req() request: Request, @Res() response: Response, @Body() body: Record<string, unknown>) {
    if (this.guard(request, response, 'children')) await this.saveStep('children', request, response, body);
  }

  /** Issue 12 item 2: the local authorities, the categories of harm and the contributing factors (all optional). */
  @Get('circumstances')
  circumstances(@Req() request: Request, @Res() response: Response) {
    if (this.guard(request, response, 'circumstances')) this.showStep('circumstances', request, response);
  }

  @Post('circumstances')
  async saveCircumstances(@Req() request: Request, @Res() response: Response, @Body() body: Record<string, unknown>) {
    if (this.guard(request, response, 'circumstances')) await this.saveStep('circumstances', request, response, body);
  }

  @Get('check-answers')
  checkAnswers(@Req() request: Request, @Res() response: Response) {
    assertHasRole(request.user!.roles, CASE_OPENERS);
    const report = completeReport(this.draft(request));
    if ('step' in report) return response.redirect(303, STEP_PATHS[report.step]);
    response.render('report-incident/check-answers', {
      answers: incidentAnswers(report.body, STEP_PATHS),
      backLink: STEP_PATHS.circumstances,
    });
  }

  @Post('check-answers')
  async save(@Req() request: Request, @Res() response: Response) {
    assertHasRole(request.user!.roles, CASE_OPENERS);
    const draft = this.draft(request);
    const report = completeReport(draft);
    if ('step' in report) return response.redirect(303, STEP_PATHS[report.step]);
    // The draft is removed before the case is opened, so the answers sent again while it opens (a double click
    // without JavaScript) find no draft and open no second case; it is put back if opening fails.
    delete request.session.incidentDraft;
    await saveSession(request);
    let opened;
    try {
      opened = await this.cases.open(request.user!, report.body);
    } catch (error) {
      request.session.incidentDraft = draft;
      await saveSession(request);
      throw error;
    }
    response.redirect(303, `/case/${encodeURIComponent(opened.id)}`);
  }

  private draft(request: Request): IncidentDraft {
    return request.session.incidentDraft ?? {};
  }

  /** The business unit only; the children's page only once the first page says how many children there are. */
  private guard(request: Request, response: Response, step: IncidentStep): boolean {
    assertHasRole(request.user!.roles, CASE_OPENERS);
    if (step !== 'incident' && childCountOf(this.draft(request)) === undefined) {
      response.redirect(303, STEP_PATHS.incident);
      return false;
    }
    return true;
  }

  private showStep(step: IncidentStep, request: Request, response: Response, errors: FormErrors = {}): void {
    assertHasRole(request.user!.roles, CASE_OPENERS);
    const draft = this.draft(request);
    response.status(Object.keys(errors).length ? 400 : 200).render(VIEWS[step], {
      form: stepForm(step, draft, errors),
      action: STEP_PATHS[step],
      errorList: errorSummary(errors)?.errorList ?? [],
      backLink: BACK[step],
    });
  }

  private async saveStep(
    step: IncidentStep,
    request: Request,
    response: Response,
    body: Record<string, unknown>,
  ): Promise<void> {
    assertHasRole(request.user!.roles, CASE_OPENERS);
    const draft = saveStep(this.draft(request), step, body);
    request.session.incidentDraft = draft;
    await saveSession(request);
    const errors = stepErrors(step, draft);
    if (Object.keys(errors).length) return this.showStep(step, request, response, errors);
    response.redirect(303, nextPath(draft));
  }
}
