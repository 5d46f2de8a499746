import { Injectable } from '@nestjs/common';
import {
  PartnershipEntity,
  PartnershipsService,
  PartnershipView,
  toPartnershipView,
  UpdatePartnershipDto,
  UsersService,
} from '@app/auth';
import { seatsToFill, unfilledSeats } from './audience';

/**
 * A partnership's settings as the API and the pages show them: with the roles its mail is addressed to that no active
 * user holds (this feature knows whom mail goes to), so an admin can fill them.
 */
@Injectable()
export class PartnershipViews {
  constructor(
    private readonly partnerships: PartnershipsService,
    private readonly users: UsersService,
  ) {}

  async view(partnershipId: string): Promise<PartnershipView> {
    return this.viewOf(await this.partnerships.get(partnershipId));
  }

  /** Changes the settings (see PartnershipsService.update) and answers the new view. */
  async update(partnershipId: string, changes: UpdatePartnershipDto, changedBy: string): Promise<PartnershipView> {
    return this.viewOf(await this.partnerships.update(partnershipId, changes, changedBy));
  }

  private async viewOf(partnership: PartnershipEntity): Promise<PartnershipView> {
    const unfilled = unfilledSeats(seatsToFill(partnership.signOffAgencies), await this.users.active(partnership.id));
    return toPartnershipView(partnership, unfilled);
  }
}
