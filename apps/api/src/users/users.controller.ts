import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AuthenticatedUser,
  ChangeOwnPasswordDto,
  CreateUserDto,
  CurrentUser,
  ResetPasswordDto,
  Roles,
  toUserView,
  UpdateUserDto,
  UsersService,
  UserView,
} from '@app/auth';
import { UnauthenticatedError } from '@app/common';
import { ApiErrorResponses } from '../http/api-errors';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: UserView })
  @ApiErrorResponses(401, 400, 403, 409)
  async create(@Body() body: CreateUserDto, @CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    return toUserView(await this.users.createBy(user, body));
  }

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: [UserView] })
  @ApiErrorResponses(401, 403)
  async list(@CurrentUser() user: AuthenticatedUser): Promise<UserView[]> {
    return (await this.users.list(user.partnershipId)).map(toUserView);
  }

  @Get('me')
  @ApiOkResponse({ type: UserView })
  @ApiErrorResponses(401)
  async me(@CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    const found = await this.users.findActiveById(user.id);
    // Deactivated after the guard let the request in: as if the token had been refused.
    if (!found) throw new UnauthenticatedError();
    return toUserView(found);
  }

  // Declared before `:id/password`, which would otherwise take `me` for an id.
  @Post('me/password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; your browser sessions have ended' })
  @ApiErrorResponses(401, 400, 429)
  async changeOwnPassword(@Body() body: ChangeOwnPasswordDto, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.users.changeOwnPassword(user, body.currentPassword, body.newPassword);
  }

  // The role is checked after the lookup (the contract's order: 404, then 403), so no @Roles here.
  @Patch(':id')
  @ApiOkResponse({ type: UserView, description: 'The user after the change' })
  @ApiErrorResponses(401, 400, 404, 403, 409)
  async update(
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<UserView> {
    return toUserView(await this.users.update(user, id, body));
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Reset; the user's browser sessions have ended" })
  @ApiErrorResponses(401, 400, 404, 403)
  async resetPassword(
    @Param('id') id: string,
    @Body() body: ResetPasswordDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    await this.users.resetPassword(user, id, body.password);
  }
}
