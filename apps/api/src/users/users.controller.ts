import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AuthenticatedUser,
  CreateUserDto,
  CurrentUser,
  Roles,
  toUserView,
  UsersService,
  UserView,
} from '@app/auth';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: UserView })
  async create(@Body() body: CreateUserDto, @CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    return toUserView(await this.users.create(user.partnershipId, body));
  }

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: [UserView] })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<UserView[]> {
    return (await this.users.list(user.partnershipId)).map(toUserView);
  }

  @Get('me')
  @ApiOkResponse({ type: UserView })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<Omit<UserView, 'active' | 'createdAt'>> {
    return { id: user.id, email: user.email, name: user.name, roles: user.roles, agency: user.agency };
  }
}
