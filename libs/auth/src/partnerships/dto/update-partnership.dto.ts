import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate } from '@app/common';
import {
  AGENCIES,
  RELEVANT_AGENCY_KEY,
  ROLES,
  RULE_UNITS,
  type Agency,
  type RelevantAgency,
  type Role,
} from '@app/workflows';

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

/** Issue 12 item 1: one of the partnership's relevant agencies. */
export class RelevantAgencyDto implements RelevantAgency {
  @ApiProperty({
    example: 'education',
    pattern: RELEVANT_AGENCY_KEY.source,
    description:
      'How the API and the cases name the agency: 2 to 40 lower-case letters, digits or hyphens, starting with a ' +
      'letter; unique in the list. Keep a key when renaming: cases and returns name agencies by key.',
  })
  @IsString()
  @Matches(RELEVANT_AGENCY_KEY, {
    message: 'key must be 2 to 40 lower-case letters, digits or hyphens, starting with a letter',
  })
  key: string;

  @ApiProperty({ example: 'Schools and education', minLength: 1, maxLength: 100, description: 'Unique in the list' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;
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

  @ApiPropertyOptional({
    type: [RelevantAgencyDto],
    minItems: 1,
    maxItems: 100,
    description:
      'Issue 12: the whole list of relevant agencies, replacing the one held (1 to 100; keys and names unique). ' +
      `The statutory agencies (${AGENCIES.join(', ')}) may be renamed but not removed. Cases opened afterwards take ` +
      'the new list; open cases keep theirs.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RelevantAgencyDto)
  relevantAgencies?: RelevantAgencyDto[];
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
  @ApiProperty({
    type: [RelevantAgencyDto],
    description: 'Issue 12: the relevant agencies each new case copies (returns are asked of them)',
  })
  relevantAgencies: RelevantAgencyDto[];
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
