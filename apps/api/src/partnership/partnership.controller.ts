import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, PartnershipView, Roles, UpdatePartnershipDto } from '@app/auth';
import { PartnershipViews } from '@app/reminders';
import { ApiErrorResponses } from '../http/api-errors';

@ApiTags('partnership')
@ApiBearerAuth()
@Controller('partnership')
export class PartnershipController {
  constructor(private readonly partnerships: PartnershipViews) {}

  @Get()
  @ApiOkResponse({ type: PartnershipView })
  @ApiErrorResponses(401)
  async get(@CurrentUser() user: AuthenticatedUser): Promise<PartnershipView> {
    return this.partnerships.view(user.partnershipId);
  }

  @Patch()
  @Roles('admin')
  @ApiOkResponse({ type: PartnershipView })
  @ApiErrorResponses(401, 400, 403)
  async update(@Body() body: UpdatePartnershipDto, @CurrentUser() user: AuthenticatedUser): Promise<PartnershipView> {
    return this.partnerships.update(user.partnershipId, body, user.id);
  }
}
