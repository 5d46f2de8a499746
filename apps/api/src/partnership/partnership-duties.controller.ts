import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AuthenticatedUser,
  CurrentUser,
  PartnershipDutiesService,
  PartnershipDutiesView,
  RecordAnnualReportCopiesDto,
  RecordAnnualReportDto,
  Roles,
} from '@app/auth';
import { PartnershipRoles, PartnershipRolesView } from '@app/reminders';
import { ApiErrorResponses } from '../http/api-errors';

/**
 * The partnership's own duties (the annual report and its copies to the Panel and the What Works Centre), and who
 * holds which role in it.
 */
@ApiTags('partnership')
@ApiBearerAuth()
@Controller('partnership')
export class PartnershipDutiesController {
  constructor(
    private readonly duties: PartnershipDutiesService,
    private readonly roles: PartnershipRoles,
  ) {}

  @Get('duties')
  @ApiOkResponse({ type: PartnershipDutiesView })
  @ApiErrorResponses(401)
  async get(@CurrentUser() user: AuthenticatedUser): Promise<PartnershipDutiesView> {
    return this.duties.view(user);
  }

  @Post('duties/annual-report')
  @HttpCode(201)
  @Roles('business-unit', 'lead-partner')
  @ApiCreatedResponse({ type: PartnershipDutiesView, description: 'Recorded; the duties after it' })
  @ApiErrorResponses(401, 400, 403, 422)
  async recordPublication(
    @Body() body: RecordAnnualReportDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PartnershipDutiesView> {
    return this.duties.recordPublication(user, body);
  }

  @Post('duties/annual-report-copies')
  @HttpCode(201)
  @Roles('business-unit', 'lead-partner')
  @ApiCreatedResponse({ type: PartnershipDutiesView, description: 'Recorded; the duties after it' })
  @ApiErrorResponses(401, 400, 403, 422)
  async recordCopies(
    @Body() body: RecordAnnualReportCopiesDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PartnershipDutiesView> {
    return this.duties.recordCopiesSent(user, body);
  }

  @Get('roles')
  @Roles('lead-partner', 'admin')
  @ApiOkResponse({ type: PartnershipRolesView })
  @ApiErrorResponses(401, 403)
  async roleHolders(@CurrentUser() user: AuthenticatedUser): Promise<PartnershipRolesView> {
    return this.roles.view(user.partnershipId);
  }
}
