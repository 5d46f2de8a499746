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
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { AGENCIES, ROLES, ROLES_WITH_AGENCY, type Agency, type Role } from '@app/workflows';

export class CreateUserDto {
  @ApiProperty({ example: 'jo.bloggs@council.gov.uk' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email address' })
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

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of: ${ROLES.join(', ')}` })
  roles: Role[];

  @ApiPropertyOptional({ enum: AGENCIES, description: 'Required for delegated-partner and lead-partner.' })
  @ValidateIf((o: CreateUserDto) => o.agency !== undefined || needsAgency(o.roles))
  @IsIn(AGENCIES, { message: `agency must be one of: ${AGENCIES.join(', ')} (required for ${ROLES_WITH_AGENCY.join(' and ')})` })
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
