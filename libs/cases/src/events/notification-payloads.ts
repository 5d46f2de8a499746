/**
 * Issue 12 item 2: the payloads of the notification's events (the looked-after child's death and the Panel's
 * notification fields recorded after opening). Registered in `EVENT_PAYLOADS`.
 */
import { AgencyListField, DateField, EnumField, EnumListField, TextField, WholeNumberField } from '../dto/fields';
import {
  CHILD_PLANS,
  CONTRIBUTING_FACTORS,
  DISABILITY_ANSWERS,
  DISABILITY_TYPES,
  ETHNICITY_CODES,
  HARM_CATEGORIES,
  LOCAL_AUTHORITY_NAME_LENGTH,
  PLACEMENT_TYPES,
  type ChildPlan,
  type ContributingFactor,
  type DisabilityAnswer,
  type DisabilityType,
  type EthnicityCode,
  type HarmCategory,
  type PlacementType,
} from '../dto/notification-codes';
import { MAX_CHILDREN } from '../dto/open-case.dto';

export const ABUSE_OR_NEGLECT_FOUND = ['known', 'suspected'] as const;

export class SosOfstedNotifiedPayload {
  @DateField({
    description: 'The day the local authority notified the Secretary of State and Ofsted.',
    label: 'Date the Secretary of State and Ofsted were notified',
  })
  notifiedOn: string;
}

export class NotificationCriteriaMetPayload {
  @DateField({
    description:
      'The day the local authority became aware that abuse or neglect was known or suspected; the Panel’s clocks ' +
      'count from it.',
    label: 'Date the local authority became aware that abuse or neglect was known or suspected',
  })
  awareOn: string;

  @EnumField(ABUSE_OR_NEGLECT_FOUND, {
    label: 'Is abuse or neglect known or suspected?',
    errorIfMissing: 'Select whether abuse or neglect is known or suspected',
  })
  abuseOrNeglect: (typeof ABUSE_OR_NEGLECT_FOUND)[number];
}

/** The case-level fields; a field left out keeps its value. None of them identifies a child. */
export class IncidentDetailsRecordedPayload {
  @TextField(LOCAL_AUTHORITY_NAME_LENGTH, { optional: true, label: 'Local authority where the child lived' })
  localAuthorityOfResidence?: string;

  @TextField(LOCAL_AUTHORITY_NAME_LENGTH, { optional: true, label: 'Local authority where the incident happened' })
  localAuthorityOfIncident?: string;

  @EnumListField(HARM_CATEGORIES, { optional: true, label: 'Categories of harm' })
  harmCategories?: HarmCategory[];

  @EnumListField(CONTRIBUTING_FACTORS, { optional: true, label: 'Contributing factors' })
  contributingFactors?: ContributingFactor[];
}

/**
 * One child's details, restricted like the children's details of the record: kept on the case, never in its history
 * (which names only the fields that changed). A field left out keeps its value.
 */
export class ChildDetailsRecordedPayload {
  @WholeNumberField(1, MAX_CHILDREN, {
    description: 'Which child of the notification, from 1, in the order they were reported.',
    example: 1,
    label: 'Which child?',
    hint: 'Their number in the order they were reported: 1 for the first child',
  })
  child: number;

  @EnumListField(CHILD_PLANS, { optional: true, label: 'Plans in place at the time of the incident' })
  plans?: ChildPlan[];

  @EnumField(PLACEMENT_TYPES, { optional: true, label: 'Placement', hint: 'If the child was looked after' })
  placementType?: PlacementType;

  @AgencyListField({ optional: true, label: 'Agencies the child was known to' })
  knownToAgencies?: string[];

  @EnumField(ETHNICITY_CODES, {
    optional: true,
    description: "The DfE's ethnicity code.",
    label: 'Ethnicity',
  })
  ethnicity?: EthnicityCode;

  @EnumField(DISABILITY_ANSWERS, { optional: true, label: 'Does the child have a disability?' })
  disability?: DisabilityAnswer;

  @EnumListField(DISABILITY_TYPES, { optional: true, label: 'Type of disability' })
  disabilityTypes?: DisabilityType[];
}
