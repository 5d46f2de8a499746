import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, MaxLength, MinLength, ValidateBy, ValidateIf } from 'class-validator';
import { AGENCIES, ROLES, type Agency, type Role } from '@app/workflows';
import {
  AGENCY_MESSAGE,
  NameRules,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PasswordRules,
  ROLES_DESCRIPTION,
  RolesRules,
} from './create-user.dto';

/** Present in the body: a field left out is not changed, but `null` is refused (it is no name, roles or answer). */
const present = (_object: object, value: unknown) => value !== undefined;

export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Jo Bloggs' })
  @ValidateIf(present)
  @NameRules()
  name?: string;

  @ApiPropertyOptional({
    enum: ROLES,
    isArray: true,
    description: `Replaces the roles. ${ROLES_DESCRIPTION} Removing admin from the last active admin is refused (409).`,
  })
  @ValidateIf(present)
  @RolesRules()
  roles?: Role[];

  @ApiPropertyOptional({
    enum: [...AGENCIES, null],
    nullable: true,
    description:
      'null removes it. Required for delegated-partner and lead-partner: with the roles after the change, ' +
      'the agency after it must be set (400).',
  })
  @ValidateIf((o: UpdateUserDto) => o.agency !== undefined && o.agency !== null)
  @IsIn(AGENCIES, { message: AGENCY_MESSAGE })
  agency?: Agency | null;

  @ApiPropertyOptional({
    description:
      'false deactivates: the user can no longer sign in, their browser sessions end at once and their bearer ' +
      'tokens are refused. Deactivating the last active admin is refused (409).',
  })
  @ValidateIf(present)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    description: `The new password: at least ${PASSWORD_MIN_LENGTH} characters.`,
  })
  @PasswordRules('password')
  password: string;
}

/** Refuses a new password equal to the current one. */
function DiffersFromCurrent(): PropertyDecorator {
  return ValidateBy({
    name: 'differsFromCurrent',
    validator: {
      validate: (value: unknown, args) => value !== (args?.object as ChangeOwnPasswordDto).currentPassword,
      defaultMessage: () => 'newPassword must be different from currentPassword',
    },
  });
}

export class ChangeOwnPasswordDto {
  @ApiProperty({ description: 'Your password now' })
  @IsString({ message: 'currentPassword must be text' })
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `currentPassword must be at most ${PASSWORD_MAX_LENGTH} characters` })
  currentPassword: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    description: `At least ${PASSWORD_MIN_LENGTH} characters, and not the current one.`,
  })
  @PasswordRules('newPassword')
  @DiffersFromCurrent()
  newPassword: string;
}
