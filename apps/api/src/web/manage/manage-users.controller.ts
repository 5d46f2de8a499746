import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  type AuthenticatedUser,
  CreateUserDto,
  CurrentUser,
  ResetPasswordDto,
  Roles,
  toUserView,
  UpdateUserDto,
  UsersService,
  type UserView,
} from '@app/auth';
import { validatePlain } from '@app/cases';
import { ConflictError, ValidationFailedError, validationFailed } from '@app/common';
import { redirectWithFlash, takeFlash } from '../flash';
import { PageController } from '../page-controller.decorator';
import { errorSummaryList, type FieldErrors } from '../presenters/error-summary';
import {
  agencyRadios,
  roleCheckboxes,
  tickedRoles,
  typedText,
  userFormErrors,
  userSummaryRows,
  userTableRows,
} from '../presenters/users';

type Form = Readonly<Record<string, unknown>>;

/**
 * An admin's pages for the partnership's users: the list, adding one, changing one (name, roles, agency),
 * deactivating or reactivating them (after a confirmation) and resetting a password. Every change goes through
 * UsersService with the API's own DTOs, so the pages refuse exactly what the API refuses, with its messages.
 */
@PageController('manage/users')
export class ManageUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  async list(@CurrentUser() admin: AuthenticatedUser, @Req() request: Request, @Res() response: Response) {
    const users = (await this.users.list(admin.partnershipId)).map(toUserView);
    response.render('manage/users/list', { rows: userTableRows(users), notice: takeFlash(request) });
  }

  @Get('new')
  @Roles('admin')
  add(@CurrentUser() _admin: AuthenticatedUser, @Res() response: Response) {
    this.addPage(response, 200, {}, {});
  }

  @Post('new')
  @Roles('admin')
  async create(
    @CurrentUser() admin: AuthenticatedUser,
    @Body() form: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const agency = typedText(form, 'agency');
    const typed = {
      name: typedText(form, 'name'),
      email: typedText(form, 'email'),
      password: typedText(form, 'password'),
      roles: tickedRoles(form),
      ...(agency ? { agency } : {}),
    };
    try {
      const user = await this.users.createBy(admin, validatePlain(CreateUserDto, typed));
      return redirectWithFlash(request, response, '/manage/users', `${user.name} has been added`);
    } catch (error) {
      const errors = this.formErrors(error, typed);
      return this.addPage(response, error instanceof ConflictError ? 409 : 400, typed, errors);
    }
  }

  @Get(':id')
  @Roles('admin')
  async show(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const user = toUserView(await this.users.findInPartnership(admin.partnershipId, id));
    this.userPage(response, 200, user, user, {}, takeFlash(request));
  }

  @Post(':id')
  @Roles('admin')
  async change(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id') id: string,
    @Body() form: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const before = toUserView(await this.users.findInPartnership(admin.partnershipId, id));
    const typed = {
      name: typedText(form, 'name'),
      roles: tickedRoles(form),
      agency: typedText(form, 'agency') || null,
    };
    try {
      await this.users.update(admin, id, validatePlain(UpdateUserDto, typed));
      return redirectWithFlash(request, response, `/manage/users/${before.id}`, 'Changes saved');
    } catch (error) {
      const errors = this.formErrors(error, typed, 'roles');
      return this.userPage(response, error instanceof ConflictError ? 409 : 400, before, typed, errors);
    }
  }

  @Get(':id/status')
  @Roles('admin')
  async confirmStatus(@CurrentUser() admin: AuthenticatedUser, @Param('id') id: string, @Res() response: Response) {
    const user = toUserView(await this.users.findInPartnership(admin.partnershipId, id));
    response.render('manage/users/status', { person: user });
  }

  /** The confirmation says which way: a second click, or another admin's change meanwhile, never flips it back. */
  @Post(':id/status')
  @Roles('admin')
  async changeStatus(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id') id: string,
    @Body() form: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const user = toUserView(await this.users.findInPartnership(admin.partnershipId, id));
    const answer = typedText(form, 'active');
    if (answer !== 'true' && answer !== 'false')
      throw validationFailed([{ field: 'active', messages: ['active must be true or false'] }]);
    const active = answer === 'true';
    try {
      await this.users.update(admin, id, { active });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return response
        .status(409)
        .render('manage/users/status', { person: user, errorList: [{ text: error.message, href: '#confirm' }] });
    }
    const done = active ? 'reactivated' : 'deactivated';
    return redirectWithFlash(request, response, `/manage/users/${user.id}`, `${user.name} has been ${done}`);
  }

  @Get(':id/password')
  @Roles('admin')
  async resetForm(@CurrentUser() admin: AuthenticatedUser, @Param('id') id: string, @Res() response: Response) {
    const user = toUserView(await this.users.findInPartnership(admin.partnershipId, id));
    response.render('manage/users/password', { person: user, errors: {} });
  }

  @Post(':id/password')
  @Roles('admin')
  async reset(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id') id: string,
    @Body() form: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const user = toUserView(await this.users.findInPartnership(admin.partnershipId, id));
    const typed = { password: typedText(form, 'password') };
    try {
      await this.users.resetPassword(admin, id, validatePlain(ResetPasswordDto, typed).password);
    } catch (error) {
      const errors = this.formErrors(error, typed);
      return response
        .status(400)
        .render('manage/users/password', { person: user, errors, errorList: errorSummaryList(errors) });
    }
    return redirectWithFlash(
      request,
      response,
      `/manage/users/${user.id}`,
      `The password of ${user.name} has been reset. Tell them the new one in a safe way.`,
    );
  }

  /** A refusal the page can tell by its fields; anything else is the page filter's to answer. */
  private formErrors(error: unknown, typed: Form, conflictField = 'email'): FieldErrors {
    if (error instanceof ValidationFailedError) return userFormErrors(error.fields, typed);
    if (error instanceof ConflictError) return { [conflictField]: error.message };
    throw error;
  }

  private addPage(response: Response, status: number, typed: Form, errors: FieldErrors): void {
    response.status(status).render('manage/users/new', {
      values: typed,
      errors,
      errorList: errorSummaryList(errors),
      roles: roleCheckboxes((typed.roles as string[] | undefined) ?? [], errors.roles),
      agency: agencyRadios(typed.agency as string | undefined, errors.agency),
    });
  }

  private userPage(
    response: Response,
    status: number,
    user: UserView,
    values: { name: string; roles: readonly string[]; agency?: string | null },
    errors: FieldErrors,
    notice?: string,
  ): void {
    response.status(status).render('manage/users/user', {
      person: user,
      summary: userSummaryRows(user, { status: true }),
      values,
      errors,
      errorList: errorSummaryList(errors),
      roles: roleCheckboxes(values.roles, errors.roles),
      agency: agencyRadios(values.agency, errors.agency),
      notice,
    });
  }
}
