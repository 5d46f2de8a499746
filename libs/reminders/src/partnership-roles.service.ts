import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PartnershipsService, UnfilledRoleView, UsersService } from '@app/auth';
import { AGENCIES, ROLES, ROLES_WITH_AGENCY, type Agency, type Role } from '@app/workflows';
import { seatsToFill, unfilledSeats, type Seat } from './audience';

export class RoleHolderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ enum: AGENCIES, description: 'The agency they work for, where they have one' })
  agency?: Agency;
}

export class RoleSeatView {
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional({ enum: AGENCIES, description: 'For a delegated or lead partner: the agency of the seat' })
  agency?: Agency;
  @ApiProperty({ type: [RoleHolderView], description: 'The active users holding it, by name' })
  holders: RoleHolderView[];
  @ApiProperty({
    description:
      'Mail is addressed to this seat but nobody holds it (as in GET /partnership unfilledRoles): its mail goes to ' +
      'the business unit, or the admins where there is none',
  })
  unfilled: boolean;
}

export class AgencyRolesView {
  @ApiProperty({ enum: AGENCIES }) agency: Agency;
  @ApiProperty({ description: 'Whether its delegated partner signs off decisions and final reports' })
  signsOff: boolean;
  @ApiProperty({ type: [RoleSeatView], description: 'Its delegated partner and its lead partner' })
  seats: RoleSeatView[];
}

export class PartnershipRolesView {
  @ApiProperty({ type: [AgencyRolesView], description: 'The partner roles, per statutory agency' })
  agencies: AgencyRolesView[];
  @ApiProperty({ type: [RoleSeatView], description: 'Every other role, partnership-wide' })
  roles: RoleSeatView[];
  @ApiProperty({ type: [UnfilledRoleView] }) unfilledRoles: UnfilledRoleView[];
}

/**
 * Who holds which role in the partnership, for its lead partners and admins: each agency's delegated and lead
 * partner, every other role, and the seats mail is addressed to that nobody holds. Names only (and the agency): an
 * admin sees addresses on the users pages; a lead partner needs to know who, not how to mail them.
 */
@Injectable()
export class PartnershipRoles {
  constructor(
    private readonly partnerships: PartnershipsService,
    private readonly users: UsersService,
  ) {}

  async view(partnershipId: string): Promise<PartnershipRolesView> {
    const partnership = await this.partnerships.get(partnershipId);
    const people = (await this.users.active(partnershipId)).sort(
      (a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id),
    );
    const unfilled = unfilledSeats(seatsToFill(partnership.signOffAgencies), people);
    const isUnfilled = (seat: Seat) => unfilled.some((u) => u.role === seat.role && u.agency === seat.agency);
    const seat = (role: Role, agency?: Agency): RoleSeatView => ({
      role,
      ...(agency ? { agency } : {}),
      holders: people
        .filter((p) => p.roles.includes(role) && (agency === undefined || p.agency === agency))
        .map((p) => ({ id: p.id, name: p.name, ...(p.agency ? { agency: p.agency } : {}) })),
      unfilled: isUnfilled({ role, ...(agency ? { agency } : {}) }),
    });
    return {
      agencies: AGENCIES.map((agency) => ({
        agency,
        signsOff: partnership.signOffAgencies.includes(agency),
        seats: ROLES_WITH_AGENCY.map((role) => seat(role, agency)),
      })),
      roles: ROLES.filter((role) => !ROLES_WITH_AGENCY.includes(role)).map((role) => seat(role)),
      unfilledRoles: unfilled,
    };
  }
}
