import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CreateUserDto, CurrentUser, Roles, toUserView, UsersService, UserView } from '@app/auth';
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
    return toUserView(await this.users.create(user.partnershipId, body));
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
}
