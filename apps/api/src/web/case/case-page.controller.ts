import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '@app/auth';
import { CasesService, EVENT_DESCRIPTIONS, isCaseEventType, parseCaseEvent, type CaseEventType } from '@app/cases';
import { ConflictError, NotFoundError, RuleViolatedError, ValidationFailedError } from '@app/common';
import { formErrorsFrom, readEventForm, type FormErrors } from '../forms';
import { refusalErrors } from '../forms/refusal-errors';
import { isSignOffEvent } from '@app/workflows';
import { PageController } from '../page-controller.decorator';
import { redirectWithFlash, takeFlash } from '../flash';
import {
  INLINE_ID_PREFIX,
  VERSION_FIELD,
  casePage,
  casePath,
  eventPage,
  isAnsweredOnCasePage,
  type ReshownForm,
} from '../presenters/case-page';

/** An event type named in a page's address; any other name is a page that does not exist. */
function eventTypeOf(name: string): CaseEventType {
  if (!isCaseEventType(name)) throw new NotFoundError('Page');
  return name;
}

/** The version the form was shown with, sent back so that a change made meanwhile is refused (If-Match). */
function versionOf(body: Record<string, unknown>): number | undefined {
  const value = body[VERSION_FIELD];
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/** The status of a refused change, as the API answers it. */
function statusOf(error: unknown): number {
  if (error instanceof RuleViolatedError) return 422;
  return 409;
}

/**
 * The case page and the pages of its events. Every read and every change goes through `CasesService`, as the API's
 * do: the page offers the events `overview` says the person may send now, and a refused change is shown again with
 * the API's own rules and messages (400, 409, 422), or as the 403 and 404 pages.
 */
@PageController('case')
export class CasePageController {
  constructor(private readonly cases: CasesService) {}

  @Get(':id')
  async show(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const confirmation = takeFlash(request);
    await this.renderCase(response, 200, request.user!, id, { confirmation });
  }

  @Get(':id/events/:type')
  async showEvent(
    @Param('id') id: string,
    @Param('type') typeName: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.renderEvent(response, 200, request.user!, id, eventTypeOf(typeName));
  }

  @Post(':id/events/:type')
  async send(
    @Param('id') id: string,
    @Param('type') typeName: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const type = eventTypeOf(typeName);
    const user = request.user!;
    const onCasePage = isAnsweredOnCasePage(type);
    const idPrefix = onCasePage ? INLINE_ID_PREFIX : '';
    const showAgain = (status: number, errors: FormErrors, refusedAsStale = false) => {
      const shownWith = refusedAsStale ? undefined : versionOf(body);
      const reshown: ReshownForm = {
        type,
        values: body,
        errors,
        ...(shownWith !== undefined ? { version: shownWith } : {}),
      };
      return onCasePage
        ? this.renderCase(response, status, user, id, { reshown })
        : this.renderEvent(response, status, user, id, type, reshown);
    };

    const read = readEventForm(type, body, idPrefix);
    if ('errors' in read) return showAgain(400, read.errors);
    // Item 6: the business unit's sign-off is on a partner's behalf, so it must say whose.
    if (isSignOffEvent(type) && !user.roles.includes('delegated-partner') && read.body.onBehalfOf === undefined) {
      return showAgain(400, {
        onBehalfOf: {
          text: "Select which agency's delegated partner signed",
          href: `#${idPrefix}onBehalfOf`,
        },
      });
    }
    let parsed;
    try {
      parsed = parseCaseEvent(read.body);
    } catch (error) {
      if (error instanceof ValidationFailedError) return showAgain(400, formErrorsFrom(type, error.fields, idPrefix));
      throw error;
    }
    try {
      await this.cases.dispatch(user, id, parsed, { ifMatch: versionOf(body) });
    } catch (error) {
      const errors = refusalErrors(type, error, idPrefix);
      if (!errors) throw error;
      return showAgain(statusOf(error), errors, error instanceof ConflictError);
    }
    await redirectWithFlash(request, response, casePath(id), EVENT_DESCRIPTIONS[type].done);
  }

  private async renderCase(
    response: Response,
    status: number,
    user: AuthenticatedUser,
    id: string,
    extra: { confirmation?: string; reshown?: ReshownForm },
  ): Promise<void> {
    const [overview, history] = await Promise.all([this.cases.overview(user, id), this.cases.history(user, id)]);
    response.status(status).render('case', casePage({ overview, history, ...extra }));
  }

  private async renderEvent(
    response: Response,
    status: number,
    user: AuthenticatedUser,
    id: string,
    type: CaseEventType,
    reshown?: ReshownForm,
  ): Promise<void> {
    const overview = await this.cases.overview(user, id);
    response.status(status).render('case-event', eventPage({ overview, type, reshown }));
  }
}
