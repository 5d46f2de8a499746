import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AuthenticatedUser,
  CurrentUser,
  PartnershipsService,
  PartnershipView,
  Roles,
  toPartnershipView,
  UpdatePartnershipDto,
} from '@app/auth';

@ApiTags('partnership')
@ApiBearerAuth()
@Controller('partnership')
export class PartnershipController {
  constructor(private readonly partnerships: PartnershipsService) {}

  @Get()
  @ApiOkResponse({ type: PartnershipView })
  async get(@CurrentUser() user: AuthenticatedUser): Promise<PartnershipView> {
    return toPartnershipView(await this.partnerships.get(user.partnershipId));
  }

  @Patch()
  @Roles('admin')
  @ApiOkResponse({ type: PartnershipView })
  async update(@Body() body: UpdatePartnershipDto, @CurrentUser() user: AuthenticatedUser): Promise<PartnershipView> {
    return toPartnershipView(await this.partnerships.update(user.partnershipId, body, user.id));
  }
}
