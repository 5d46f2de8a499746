import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AuthenticatedUser,
  CurrentUser,
  PartnershipEntity,
  PartnershipsService,
  PartnershipView,
  Roles,
  toPartnershipView,
  UpdatePartnershipDto,
  UsersService,
} from '@app/auth';
import { seatsToFill, unfilledSeats } from '@app/reminders';
import { ApiErrorResponses } from '../http/api-errors';

@ApiTags('partnership')
@ApiBearerAuth()
@Controller('partnership')
export class PartnershipController {
  constructor(
    private readonly partnerships: PartnershipsService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @ApiOkResponse({ type: PartnershipView })
  @ApiErrorResponses(401)
  async get(@CurrentUser() user: AuthenticatedUser): Promise<PartnershipView> {
    return this.view(await this.partnerships.get(user.partnershipId));
  }

  @Patch()
  @Roles('admin')
  @ApiOkResponse({ type: PartnershipView })
  @ApiErrorResponses(401, 400, 403)
  async update(@Body() body: UpdatePartnershipDto, @CurrentUser() user: AuthenticatedUser): Promise<PartnershipView> {
    return this.view(await this.partnerships.update(user.partnershipId, body, user.id));
  }

  /** With the roles its mail is addressed to that no active user holds, so an admin can fill them. */
  private async view(partnership: PartnershipEntity): Promise<PartnershipView> {
    const unfilled = unfilledSeats(seatsToFill(partnership.signOffAgencies), await this.users.active(partnership.id));
    return toPartnershipView(partnership, unfilled);
  }
}
