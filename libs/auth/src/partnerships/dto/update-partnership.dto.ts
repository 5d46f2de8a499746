import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate } from '@app/common';
import { AGENCIES, ROLES, RULE_UNITS, type Agency, type Role } from '@app/workflows';

export class RuleOverrideDto {
  @ApiProperty({ example: 'rapid-review' })
  @IsString()
  @MaxLength(60)
  rule: string;

  @ApiPropertyOptional({ example: 'notificationSubmittedOn', description: 'The case fact the clock counts from.' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  anchor?: string;

  @ApiPropertyOptional({ type: 'integer', example: 15 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3660)
  length?: number;

  @ApiPropertyOptional({ enum: RULE_UNITS })
  @IsOptional()
  @IsIn(RULE_UNITS)
  unit?: string;

  @ApiProperty({ example: 'Our procedures follow the Panel guidance of June 2025' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

export class UpdatePartnershipDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: AGENCIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(AGENCIES, { each: true, message: `each agency must be one of: ${AGENCIES.join(', ')}` })
  signOffAgencies?: Agency[];

  @ApiPropertyOptional({ type: [RuleOverrideDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RuleOverrideDto)
  ruleOverrides?: RuleOverrideDto[];

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    description: 'Working days relative to a due date when reminders are sent (negative: before; 0: due day).',
    example: [-5, -2, -1, 0, 1, 2, 5],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(-60, { each: true })
  @Max(60, { each: true })
  reminderOffsets?: number[];

  @ApiPropertyOptional({ type: String, format: 'date', isArray: true, example: ['2026-12-24'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(400)
  @ArrayUnique()
  @IsLocalDate({ each: true, message: 'each closure day must be a real date YYYY-MM-DD from 2000 to 2099' })
  closureDays?: string[];
}

export class UnfilledRoleView {
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional({ enum: AGENCIES, description: 'For a delegated or lead partner: the agency that has none.' })
  agency?: Agency;
}

/** A stored override: as sent, with who changed it and when. */
export class RuleOverrideView extends RuleOverrideDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The admin who set it' }) changedBy?: string;
  @ApiPropertyOptional({ type: String, format: 'date', description: 'The London date it was set' }) changedOn?: string;
}

export class PartnershipView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGENCIES, isArray: true }) signOffAgencies: Agency[];
  @ApiProperty({ type: [RuleOverrideView] }) ruleOverrides: RuleOverrideView[];
  @ApiProperty({ type: 'integer', isArray: true, nullable: true, description: 'null: the default offsets' })
  reminderOffsets: number[] | null;
  @ApiProperty({ type: String, format: 'date', isArray: true }) closureDays: string[];
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({
    type: [UnfilledRoleView],
    description:
      'Roles that mail is addressed to but no active user holds (partner roles per signing agency); mail for them goes ' +
      'to the business unit, or the admins where there is none, until someone is given the role.',
    example: [{ role: 'lead-partner', agency: 'police' }, { role: 'subgroup-member' }],
  })
  unfilledRoles: UnfilledRoleView[];
}
