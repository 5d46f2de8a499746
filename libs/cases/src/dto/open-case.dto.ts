import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { BooleanField, DateField, EnumField, TextField, WholeNumberField } from './fields';
import { IsListOf, IsNotAfter } from './validators';

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
  @WholeNumberField(0, MAX_CHILD_AGE, {
    example: 3,
    description: 'Completed years, 0 to 17 (0 also for an unborn child).',
    label: 'Age',
    hint: 'In completed years at the time of the incident. Enter 0 for an unborn child.',
  })
  ageYears: number;

  @EnumField(CHILD_SEXES, { description: '`unknown` when not known or not recorded.', label: 'Sex' })
  sex: ChildSex;

  @TextField(100, {
    optional: true,
    example: 'White British',
    description: 'As recorded by the local authority.',
    label: 'Ethnicity',
    hint: 'As recorded by the local authority',
  })
  ethnicity?: string;

  @TextField(100, { optional: true, example: 'None known', label: 'Disability' })
  disability?: string;
}

/** `POST /cases`: a serious incident notified to the partnership. */
export class OpenCaseDto {
  @DateField({
    description: 'The day the local authority became aware of the incident; the statutory clocks start here.',
    label: 'Date the local authority became aware of the incident',
    hint: 'The statutory clocks start on this day. For example, 27 3 2026',
  })
  laAwareOn: string;

  @DateField({
    description: 'The day of the incident; not after laAwareOn.',
    example: '2026-02-27',
    label: 'Date of the incident',
  })
  @IsNotAfter('laAwareOn')
  incidentOn: string;

  @EnumField(INCIDENT_TYPES, { label: 'What was the incident?', errorIfMissing: 'Select what the incident was' })
  incidentType: IncidentType;

  @EnumField(ABUSE_OR_NEGLECT, {
    label: 'Is abuse or neglect known or suspected?',
    errorIfMissing: 'Select whether abuse or neglect is known or suspected',
  })
  abuseOrNeglect: AbuseOrNeglect;

  @BooleanField({
    description: 'Whether any child was looked after by the local authority.',
    example: false,
    label: 'Was any of the children looked after by the local authority?',
    errorIfMissing: 'Select yes if any of the children was looked after by the local authority',
  })
  lookedAfter: boolean;

  @ApiProperty({ type: () => ChildDto, isArray: true, minItems: MIN_CHILDREN, maxItems: MAX_CHILDREN })
  @IsListOf(MIN_CHILDREN, MAX_CHILDREN, 'children')
  @ValidateNested({ each: true })
  @Type(() => ChildDto)
  children: ChildDto[];

  /** Free text for the partnership. Never sent in mails; must not name the children. */
  @TextField(5000, {
    description: 'What happened, without naming the children. Never included in mails.',
    label: 'Summary of the incident',
    errorIfMissing: 'Enter a summary of the incident',
    hint: "Do not include the child's name, or anything else that could identify a child.",
  })
  summary: string;
}
