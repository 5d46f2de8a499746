/**
 * Issue 12 item 2: the vocabularies of the Panel's notification fields, stored as codes so that the annual report
 * (issue 13) can count them. Their sources and confidence are in docs/domain/notification-fields.md; the plain-English
 * labels are in `OPTION_LABELS` (./fields.ts).
 */
import { NOTIFICATION_PATHS } from '@app/workflows';

/** What the notification is about (`OpenCaseDto.nature`): see docs/domain/notification-fields.md. */
export const NOTIFICATION_NATURES = NOTIFICATION_PATHS;
export type NotificationNature = (typeof NOTIFICATION_NATURES)[number];

/** The natures notified to the Secretary of State and Ofsted, where abuse or neglect may be not suspected. */
export const DEATHS_NOTIFIED_TO_SOS_OFSTED: readonly NotificationNature[] = ['looked-after-death', 'care-leaver-death'];

/** A care leaver is notified up to and including the age of 24 (rules.md rule 5). */
export const MAX_CARE_LEAVER_AGE = 24;

/** The plans a child had when the incident happened (DfE notification statistics, S6). */
export const CHILD_PLANS = ['child-in-need-plan', 'child-protection-plan', 'looked-after'] as const;
export type ChildPlan = (typeof CHILD_PLANS)[number];

/** Where a looked-after child was placed (the product's grouping of the DfE's placement types, U). */
export const PLACEMENT_TYPES = [
  'foster-placement',
  'childrens-home',
  'placed-with-parents',
  'independent-living',
  'secure-unit',
  'other-placement',
] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];

/** The DfE's main ethnicity codes of its school, children in need and looked-after children returns. */
export const ETHNICITY_CODES = [
  'WBRI',
  'WIRI',
  'WIRT',
  'WOTH',
  'WROM',
  'MWBC',
  'MWBA',
  'MWAS',
  'MOTH',
  'AIND',
  'APKN',
  'ABAN',
  'AOTH',
  'BCRB',
  'BAFR',
  'BOTH',
  'CHNE',
  'OOTH',
  'REFU',
  'NOBT',
] as const;
export type EthnicityCode = (typeof ETHNICITY_CODES)[number];

/** Whether the child has a disability, as the DfE's notification statistics count it (S6). */
export const DISABILITY_ANSWERS = ['disabled', 'not-disabled', 'disability-not-known'] as const;
export type DisabilityAnswer = (typeof DISABILITY_ANSWERS)[number];

/** The children in need census's disability codes (`NONE` is left out: say `not-disabled` instead). */
export const DISABILITY_TYPES = [
  'MOB',
  'HAND',
  'PC',
  'INC',
  'COMM',
  'LD',
  'HEAR',
  'VIS',
  'BEH',
  'CON',
  'AUT',
  'DDA',
] as const;
export type DisabilityType = (typeof DISABILITY_TYPES)[number];

/** The categories of harm (the categories of abuse of a child protection plan). */
export const HARM_CATEGORIES = ['neglect', 'physical-abuse', 'sexual-abuse', 'emotional-abuse'] as const;
export type HarmCategory = (typeof HARM_CATEGORIES)[number];

/** Factors in the child's circumstances that contributed (the product's list, U: see the domain notes). */
export const CONTRIBUTING_FACTORS = [
  'domestic-abuse',
  'parental-mental-health',
  'parental-substance-misuse',
  'parental-learning-disability',
  'child-mental-health',
  'child-criminal-exploitation',
  'child-sexual-exploitation',
  'online-harm',
  'extra-familial-harm',
  'unsafe-sleep',
  'non-accidental-head-injury',
  'other-factor',
] as const;
export type ContributingFactor = (typeof CONTRIBUTING_FACTORS)[number];

/** Free text naming a local authority (a list of authorities changes with reorganisations: the name is kept). */
export const LOCAL_AUTHORITY_NAME_LENGTH = 100;
