import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { AGENCIES, incompatibleRolePairs, ROLES, ROLES_WITH_AGENCY, type Agency, type Role } from '@app/workflows';

/**
 * A plain address only. RFC 5321 allows a quoted local part holding spaces, line breaks or control characters, and the
 * validator accepts it; in a mail header such an address can inject headers, and no real user needs one.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const PLAIN_EMAIL = /^[^\s"\\\x00-\x1f\x7f]+$/;

/** Refuses a set of roles holding both roles of a pair in INCOMPATIBLE_ROLE_PAIRS (see workflows/actors.ts). */
function HasNoIncompatibleRoles(): PropertyDecorator {
  return ValidateBy({
    name: 'hasNoIncompatibleRoles',
    validator: {
      validate: (roles: unknown) => !Array.isArray(roles) || incompatibleRolePairs(roles).length === 0,
      defaultMessage: (args) =>
        `roles may not combine ${incompatibleRolePairs(args?.value as string[])
          .map(([a, b]) => `${a} with ${b}`)
          .join(', ')}: ` + 'one person would do alone what the process gives to different people',
    },
  });
}

export class CreateUserDto {
  @ApiProperty({ example: 'jo.bloggs@council.gov.uk' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @Matches(PLAIN_EMAIL, {
    message: 'email must be a plain address, without quotes, spaces, line breaks or control characters',
  })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Jo Bloggs' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters.' })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password: string;

  @ApiProperty({
    enum: ROLES,
    isArray: true,
    description:
      'Not business-unit or subgroup-member together with delegated-partner, nor scrutineer with any of those three.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of: ${ROLES.join(', ')}` })
  @HasNoIncompatibleRoles()
  roles: Role[];

  @ApiPropertyOptional({ enum: AGENCIES, description: 'Required for delegated-partner and lead-partner.' })
  @ValidateIf((o: CreateUserDto) => o.agency !== undefined || needsAgency(o.roles))
  @IsIn(AGENCIES, {
    message: `agency must be one of: ${AGENCIES.join(', ')} (required for ${ROLES_WITH_AGENCY.join(' and ')})`,
  })
  agency?: Agency;
}

function needsAgency(roles: unknown): boolean {
  return Array.isArray(roles) && roles.some((r) => ROLES_WITH_AGENCY.includes(r));
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiPropertyOptional({ enum: AGENCIES }) agency?: Agency;
  @ApiProperty({ description: 'A deactivated user cannot log in' }) active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
