import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type AuthenticatedUser, ChangeOwnPasswordDto, CurrentUser, toUserView, UsersService } from '@app/auth';
import { validatePlain } from '@app/cases';
import { TooManyRequestsError, UnauthenticatedError, ValidationFailedError } from '@app/common';
import { redirectWithFlash, takeFlash } from '../flash';
import { PageController } from '../page-controller.decorator';
import { errorSummaryList, type FieldErrors } from '../presenters/error-summary';
import { typedText, userFormErrors, userSummaryRows } from '../presenters/users';

/** The signed-in person's own account: their details and roles, and changing their password. */
@PageController('account')
export class AccountController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async show(@CurrentUser() me: AuthenticatedUser, @Req() request: Request, @Res() response: Response) {
    const found = await this.users.findActiveById(me.id);
    if (!found) throw new UnauthenticatedError();
    response.render('account/index', { summary: userSummaryRows(toUserView(found)), notice: takeFlash(request) });
  }

  @Get('password')
  passwordForm(@Res() response: Response) {
    response.render('account/password', { errors: {} });
  }

  /**
   * The current password is checked like a sign-in (and counted against the account's limit); the new one by the
   * API's rules, and typed twice. Every other session of the person ends; this one stays, to show the result.
   */
  @Post('password')
  async changePassword(
    @CurrentUser() me: AuthenticatedUser,
    @Body() form: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const typed = {
      currentPassword: typedText(form, 'currentPassword'),
      newPassword: typedText(form, 'newPassword'),
    };
    const confirmation = typedText(form, 'confirmPassword');
    const refused = (status: number, errors: FieldErrors) =>
      response.status(status).render('account/password', { errors, errorList: errorSummaryList(errors) });
    try {
      const body = validatePlain(ChangeOwnPasswordDto, typed);
      if (confirmation !== body.newPassword) {
        return refused(400, {
          confirmPassword: confirmation ? 'The new passwords do not match' : 'Confirm your new password',
        });
      }
      await this.users.changeOwnPassword(me, body.currentPassword, body.newPassword, request.sessionID);
    } catch (error) {
      if (error instanceof ValidationFailedError) return refused(400, userFormErrors(error.fields, typed));
      if (error instanceof TooManyRequestsError) return refused(429, { currentPassword: error.message });
      throw error;
    }
    return redirectWithFlash(
      request,
      response,
      '/account',
      'Your password has been changed. You have been signed out everywhere else.',
    );
  }
}
