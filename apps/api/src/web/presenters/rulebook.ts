/**
 * The rulebook in plain English: each rule's period, what starts and stops its clock, who acts, and where it comes
 * from. The rules themselves are the rulebook's data (workflows/rulebook); this only words them.
 */
import { EVENT_DESCRIPTIONS, type CaseEventType } from '@app/cases';
import {
  RULE_TITLES,
  type OverridableField,
  type ResolvedRule,
  type ResolvedRulebook,
  type ResponsibleParty,
  type RuleAnchor,
  type RuleDefinition,
  type RuleId,
  type RuleUnit,
  type SourceConfidence,
} from '@app/workflows';
import { govukDate } from '../page-dates';

/** What each date a clock counts from means. */
export const ANCHOR_WORDS: Record<RuleAnchor, string> = {
  laAwareOn: 'the day the local authority became aware of the incident',
  notificationSubmittedOn: 'the day the notification was sent to the Panel',
  decisionOn: 'the day the partners agreed the decision',
  plannedPublicationOn: 'the planned publication date',
  publishedOn: 'the day the report was published',
  lastAnnualReportPublishedOn: 'the day the last annual report was published',
  clockStartedOn: 'the day its clock starts',
};

/** For rules counted from their own clock's start: what starts it. */
const CLOCK_START_WORDS: Partial<Record<RuleId, string>> = {
  'agency-return': 'the day the return was requested',
  'action-due': 'the day the action was added',
  'lcspr-extension-notice': 'the day the extension of the review was agreed',
};

/** What starts a rule's clock, in words. */
export function anchorWords(rule: Pick<RuleDefinition, 'id' | 'anchor'>): string {
  return (rule.anchor === 'clockStartedOn' && CLOCK_START_WORDS[rule.id]) || ANCHOR_WORDS[rule.anchor];
}

const UNIT_WORDS: Record<RuleUnit, [one: string, many: string]> = {
  'working-days': ['working day', 'working days'],
  'calendar-days': ['day', 'days'],
  'calendar-months': ['month', 'months'],
};

/** The units as a form offers them. */
export const UNIT_OPTIONS: readonly { value: RuleUnit; text: string }[] = [
  { value: 'working-days', text: 'Working days' },
  { value: 'calendar-days', text: 'Days' },
  { value: 'calendar-months', text: 'Months' },
];

export const RESPONSIBLE_WORDS: Record<ResponsibleParty, string> = {
  'local-authority': 'The local authority',
  subgroup: 'The Safeguarding Practice Review subgroup',
  'delegated-partners': 'The delegated safeguarding partners',
  'lead-partners': 'The lead safeguarding partners',
  'business-unit': 'The business unit',
};

/** The confidence marks of docs/domain/rules.md. */
export const CONFIDENCE_WORDS: Record<SourceConfidence, { name: string; meaning: string }> = {
  C: { name: 'Confirmed', meaning: 'Checked against a primary source: the law, regulations or statutory guidance.' },
  S: {
    name: 'Secondary sources',
    meaning: 'Found only in secondary sources, such as partnerships’ own procedures quoting the guidance.',
  },
  U: { name: 'Unconfirmed', meaning: 'No source confirms the figure: the product’s best reading until one does.' },
};

/**
 * The case event whose recording stops each clock (as the case machine stops it), or, for a clock no event stops,
 * what ends it.
 */
const STOPPED_BY: Record<RuleId, CaseEventType | { text: string }> = {
  'notify-panel': 'notification.submitted',
  'inform-partners': 'partners.informed',
  'rapid-review': 'rapid-review.submitted',
  'lcspr-publish': 'publication.published',
  'pre-publication': 'publication.report-sent',
  'keep-published': { text: 'Nothing needs recording: it is a minimum period, met once its date is reached.' },
  'not-publishing': 'publication.panel-informed',
  'annual-report': {
    text: 'Recording the next annual report as published, under Manage, the partnership’s duties (not on a case).',
  },
  'annual-report-copies': {
    text: 'Recording the copies sent to the Panel and the What Works Centre, under Manage, the partnership’s duties.',
  },
  'notify-sos-ofsted': 'sos-ofsted.notified', // issue 12 item 2
  // Issue 12 (in progress): each becomes the event that stops the clock once it is declared.
  'agency-return': 'agency-return.received', // issue 12 item 1 (a nil return too)
  'action-due': 'action.completed', // or cancelling it (action.cancelled), which cancels its clock
  'lcspr-extension-notice': 'lcspr.extension-notified',
};

/** A rule's short name (`RULE_TITLES`); an id no rulebook knows reads as itself. */
export function ruleTitle(rule: string): string {
  return (RULE_TITLES as Record<string, string>)[rule] ?? rule;
}

/** `5 working days`, `1 month`. */
export function lengthText(length: number, unit: RuleUnit): string {
  const [one, many] = UNIT_WORDS[unit];
  return `${length} ${length === 1 ? one : many}`;
}

type Period = Pick<RuleDefinition, 'id' | 'anchor' | 'length' | 'unit' | 'direction' | 'kind'>;

/** The rule's period as a sentence: `5 working days after the day the local authority became aware of the incident`. */
export function periodText(rule: Period): string {
  if (rule.id === 'action-due') return 'On the due date set for the action when it is added';
  const from = anchorWords(rule);
  if (rule.length === 0) return `${rule.direction === 'before' ? 'Before' : 'On'} ${from}`;
  const length = lengthText(rule.length, rule.unit);
  if (rule.kind === 'minimum-period') return `For at least ${length} after ${from}`;
  if (rule.direction === 'before') return `At least ${length} before ${from}`;
  return `${capitalise(length)} after ${from}`;
}

export function stoppedByText(rule: RuleId): string {
  const stop = STOPPED_BY[rule];
  if (typeof stop !== 'string') return stop.text;
  return `Recording “${EVENT_DESCRIPTIONS[stop].title}” on the case.`;
}

/** Which parts a partnership may change, in words; `No` for a statutory rule. */
export function overridableText(rule: Pick<RuleDefinition, 'overridable' | 'allowedAnchors'>): string {
  if (rule.overridable.length === 0) return 'No: it is statutory';
  const words: Record<OverridableField, string> = {
    length: 'its length',
    unit: 'its unit',
    anchor: `what starts it (${rule.allowedAnchors.map((a) => ANCHOR_WORDS[a]).join(', or ')})`,
  };
  return `Yes: ${listed(rule.overridable.map((field) => words[field]))}`;
}

export interface SummaryRow {
  key: { text: string };
  value: { text: string } | { html: string };
}

export interface RuleSection {
  /** The rule's id: the section's `id`, so `/rulebook#notify-panel` opens it. */
  id: RuleId;
  title: string;
  description: string;
  rows: SummaryRow[];
  /** Why the partnership changed the rule (the rows give both periods); absent when it changed nothing. */
  override?: { reason: string; changedOn?: string };
}

const row = (key: string, text: string): SummaryRow => ({ key: { text: key }, value: { text } });

/** One section per rule, in the rulebook's order, the partnership's overrides applied and shown beside the defaults. */
export function ruleSections(rulebook: ResolvedRulebook): RuleSection[] {
  return rulebook.rules.map((rule) => ruleSection(rule));
}

function ruleSection(rule: ResolvedRule): RuleSection {
  const source = rule.source;
  const confidence = CONFIDENCE_WORDS[source.confidence];
  const rows = [
    row(rule.override ? 'Due (this partnership)' : 'Due', periodText(rule)),
    ...(rule.override ? [row('Due (the rulebook)', periodText({ ...rule, ...rule.override.defaults }))] : []),
    row('Length', lengthText(rule.length, rule.unit)),
    row('What starts the clock', capitalise(anchorWords(rule))),
    row('What stops the clock', stoppedByText(rule.id)),
    row('Who is responsible', RESPONSIBLE_WORDS[rule.responsible]),
    row('Can the clock be paused', rule.pausable ? 'Yes, with a recorded reason' : 'No'),
    row('Can the partnership change it', overridableText(rule)),
    row('Source', source.document),
    row('Where in the source', source.section),
    row('How sure the source is', `${source.confidence}: ${confidence.name}. ${confidence.meaning}`),
  ];
  return {
    id: rule.id,
    title: ruleTitle(rule.id),
    description: rule.description,
    rows,
    ...(rule.override
      ? {
          override: {
            reason: rule.override.reason,
            ...(rule.override.changedOn ? { changedOn: govukDate(rule.override.changedOn) } : {}),
          },
        }
      : {}),
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
