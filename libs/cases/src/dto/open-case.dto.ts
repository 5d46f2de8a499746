import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { BooleanField, DateField, EnumField, TextField } from './fields';
import { IsListOf, IsNotAfter, IsWholeNumber } from './validators';

export const INCIDENT_TYPES = ['death', 'serious-harm'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const ABUSE_OR_NEGLECT = ['known', 'suspected'] as const;
export type AbuseOrNeglect = (typeof ABUSE_OR_NEGLECT)[number];

/** `unknown` covers a sex not known or not recorded (including an unborn child). No other categories are collected. */
export const CHILD_SEXES = ['female', 'male', 'unknown'] as const;
export type ChildSex = (typeof CHILD_SEXES)[number];

export const MIN_CHILDREN = 1;
export const MAX_CHILDREN = 4;
/** A child is under 18. */
export const MAX_CHILD_AGE = 17;

/**
 * One child involved in the incident. Deliberately no name, date of birth or address: the service stores no
 * identifying details of children, and any extra field (such as `name`) is refused, not dropped.
 */
export class ChildDto {
  /**
   * Age in completed years at the time of the incident, 0 to 17. An unborn child (a concealed pregnancy, a
   * stillbirth) is recorded as 0, with `sex` `unknown` when it is not known.
   */
  @ApiProperty({
    minimum: 0,
    maximum: MAX_CHILD_AGE,
    example: 3,
    description: 'Completed years, 0 to 17 (0 also for an unborn child).',
  })
  @IsWholeNumber(0, MAX_CHILD_AGE)
  ageYears: number;

  @EnumField(CHILD_SEXES, { description: '`unknown` when not known or not recorded.' })
  sex: ChildSex;

  @TextField(100, { optional: true, example: 'White British', description: 'As recorded by the local authority.' })
  ethnicity?: string;

  @TextField(100, { optional: true, example: 'None known' })
  disability?: string;
}

/** `POST /cases`: a serious incident notified to the partnership. */
export class OpenCaseDto {
  @DateField({
    description: 'The day the local authority became aware of the incident; the statutory clocks start here.',
  })
  laAwareOn: string;

  @DateField({ description: 'The day of the incident; not after laAwareOn.', example: '2026-02-27' })
  @IsNotAfter('laAwareOn')
  incidentOn: string;

  @EnumField(INCIDENT_TYPES)
  incidentType: IncidentType;

  @EnumField(ABUSE_OR_NEGLECT)
  abuseOrNeglect: AbuseOrNeglect;

  @BooleanField({ description: 'Whether any child was looked after by the local authority.', example: false })
  lookedAfter: boolean;

  @ApiProperty({ type: () => ChildDto, isArray: true, minItems: MIN_CHILDREN, maxItems: MAX_CHILDREN })
  @IsListOf(MIN_CHILDREN, MAX_CHILDREN, 'children')
  @ValidateNested({ each: true })
  @Type(() => ChildDto)
  children: ChildDto[];

  /** Free text for the partnership. Never sent in mails; must not name the children. */
  @TextField(5000, { description: 'What happened, without naming the children. Never included in mails.' })
  summary: string;
}
