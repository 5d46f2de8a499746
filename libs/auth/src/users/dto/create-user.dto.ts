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

/**
 * The rules of each field of a user, declared once: creating a user, changing one and the pages' forms all apply these
 * (the pages through `validatePlain` on the same DTOs).
 */
function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

export const USER_NAME_MAX_LENGTH = 200;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** Trimmed; not blank. */
export const NameRules = (): PropertyDecorator =>
  compose(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString({ message: 'name must be text' }),
    MinLength(1, { message: 'name must not be empty' }),
    MaxLength(USER_NAME_MAX_LENGTH, { message: `name must be at most ${USER_NAME_MAX_LENGTH} characters` }),
  );

/** A new password, for `field` (`password`, `newPassword`). */
export const PasswordRules = (field: string): PropertyDecorator =>
  compose(
    IsString({ message: `${field} must be text` }),
    MinLength(PASSWORD_MIN_LENGTH, { message: `${field} must be at least ${PASSWORD_MIN_LENGTH} characters` }),
    MaxLength(PASSWORD_MAX_LENGTH, { message: `${field} must be at most ${PASSWORD_MAX_LENGTH} characters` }),
  );

/** At least one role, each known, none twice, and no pair that separation of duties forbids. */
export const RolesRules = (): PropertyDecorator =>
  compose(
    IsArray({ message: 'roles must be a list of roles' }),
    ArrayMinSize(1, { message: 'roles must hold at least one role' }),
    ArrayMaxSize(ROLES.length),
    ArrayUnique({ message: 'roles must not hold a role twice' }),
    IsIn(ROLES, { each: true, message: `each role must be one of: ${ROLES.join(', ')}` }),
    HasNoIncompatibleRoles(),
  );

export const AGENCY_MESSAGE = `agency must be one of: ${AGENCIES.join(', ')} (required for ${ROLES_WITH_AGENCY.join(' and ')})`;

/** Whether a set of roles needs an agency (a delegated or lead partner belongs to one). */
export function needsAgency(roles: unknown): boolean {
  return Array.isArray(roles) && roles.some((r) => ROLES_WITH_AGENCY.includes(r));
}

export const ROLES_DESCRIPTION =
  'Not business-unit or subgroup-member together with delegated-partner, nor scrutineer with any of those three.';

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
  @NameRules()
  name: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: `At least ${PASSWORD_MIN_LENGTH} characters.` })
  @PasswordRules('password')
  password: string;

  @ApiProperty({ enum: ROLES, isArray: true, description: ROLES_DESCRIPTION })
  @RolesRules()
  roles: Role[];

  @ApiPropertyOptional({ enum: AGENCIES, description: 'Required for delegated-partner and lead-partner.' })
  @ValidateIf((o: CreateUserDto) => o.agency !== undefined || needsAgency(o.roles))
  @IsIn(AGENCIES, { message: AGENCY_MESSAGE })
  agency?: Agency;
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
