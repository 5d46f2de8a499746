import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { AgencyListField, BooleanField, DateField, EnumField, EnumListField, TextField } from './fields';
import {
  CHILD_PLANS,
  CONTRIBUTING_FACTORS,
  DISABILITY_TYPES,
  HARM_CATEGORIES,
  LOCAL_AUTHORITY_NAME_LENGTH,
  NOTIFICATION_NATURES,
  PLACEMENT_TYPES,
  type ChildPlan,
  type ContributingFactor,
  type DisabilityType,
  type HarmCategory,
  type NotificationNature,
  type PlacementType,
} from './notification-codes';
import {
  IsDeathForDeathNatures,
  IsLookedAfterForItsDeath,
  IsNotSuspectedOnlyForDeaths,
  MarksCareLeavers,
  PersonAgeField,
} from './notification-rules';
import { IsListOf, IsNotAfter } from './validators';

export const INCIDENT_TYPES = ['death', 'serious-harm'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** `not-suspected` only for the death of a looked-after child or of a care leaver (issue 12 item 2). */
export const ABUSE_OR_NEGLECT = ['known', 'suspected', 'not-suspected'] as const;
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
  @PersonAgeField({
    example: 3,
    description:
      'Completed years, 0 to 17 (0 also for an unborn child); up to 24 for the death of a care leaver (nature).',
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

  // Issue 12 item 2: the Panel's notification fields (docs/domain/notification-fields.md). Ethnicity and disability
  // above stay free text for the clients that send it; the pages send the DfE's codes (ETHNICITY_CODES,
  // DISABILITY_ANSWERS), which are then what is stored.

  @EnumListField(DISABILITY_TYPES, {
    optional: true,
    description: "The children in need census's disability codes.",
    label: 'Type of disability',
  })
  disabilityTypes?: DisabilityType[];

  @EnumListField(CHILD_PLANS, { optional: true, label: 'Plans in place at the time of the incident' })
  plans?: ChildPlan[];

  @EnumField(PLACEMENT_TYPES, {
    optional: true,
    description: 'For a looked-after child.',
    label: 'Placement',
    hint: 'If the child was looked after',
  })
  placementType?: PlacementType;

  @AgencyListField({
    optional: true,
    description: 'The agencies the child was known to ([] for none).',
    label: 'Agencies the child was known to',
  })
  knownToAgencies?: string[];
}

/** `POST /cases`: a serious incident notified to the partnership. */
export class OpenCaseDto {
  @EnumField(NOTIFICATION_NATURES, {
    optional: true,
    description:
      'What is notified; by default a serious incident, or the death of a looked-after child when `incidentType` is ' +
      '`death` and `lookedAfter` is true.',
    label: 'What are you notifying?',
    errorIfMissing: 'Select what you are notifying',
  })
  nature?: NotificationNature;

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
  @IsDeathForDeathNatures()
  incidentType: IncidentType;

  @EnumField(ABUSE_OR_NEGLECT, {
    description: '`not-suspected` only for the death of a looked-after child or of a care leaver (`nature`).',
    label: 'Is abuse or neglect known or suspected?',
    errorIfMissing: 'Select whether abuse or neglect is known or suspected',
  })
  @IsNotSuspectedOnlyForDeaths()
  abuseOrNeglect: AbuseOrNeglect;

  @BooleanField({
    description: 'Whether any child was looked after by the local authority.',
    example: false,
    label: 'Was any of the children looked after by the local authority?',
    errorIfMissing: 'Select yes if any of the children was looked after by the local authority',
  })
  @IsLookedAfterForItsDeath()
  lookedAfter: boolean;

  @ApiProperty({ type: () => ChildDto, isArray: true, minItems: MIN_CHILDREN, maxItems: MAX_CHILDREN })
  @IsListOf(MIN_CHILDREN, MAX_CHILDREN, 'children')
  @ValidateNested({ each: true })
  @Type(() => ChildDto)
  @MarksCareLeavers()
  children: ChildDto[];

  /** Free text for the partnership. Never sent in mails; must not name the children. */
  @TextField(5000, {
    description: 'What happened, without naming the children. Never included in mails.',
    label: 'Summary of the incident',
    errorIfMissing: 'Enter a summary of the incident',
    hint: "Do not include the child's name, or anything else that could identify a child.",
  })
  summary: string;

  // Issue 12 item 2: the Panel's notification fields, all optional (docs/domain/notification-fields.md)

  @TextField(LOCAL_AUTHORITY_NAME_LENGTH, {
    optional: true,
    example: 'Northshire County Council',
    label: 'Local authority where the child lived',
  })
  localAuthorityOfResidence?: string;

  @TextField(LOCAL_AUTHORITY_NAME_LENGTH, {
    optional: true,
    example: 'Northshire County Council',
    label: 'Local authority where the incident happened',
  })
  localAuthorityOfIncident?: string;

  @EnumListField(HARM_CATEGORIES, { optional: true, label: 'Categories of harm' })
  harmCategories?: HarmCategory[];

  @EnumListField(CONTRIBUTING_FACTORS, { optional: true, label: 'Contributing factors' })
  contributingFactors?: ContributingFactor[];
}
