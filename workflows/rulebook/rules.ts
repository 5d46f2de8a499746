/**
 * The product's default rulebook (docs/domain/README.md), as versioned data.
 *
 * A case keeps the rulebook version it started under, so a version is never edited once released: a change of
 * rules is a new entry in RULEBOOKS with a higher version. Sources and confidence marks come from
 * docs/domain/rules.md (C confirmed from a primary source, S secondary sources only, U unconfirmed).
 */
import { UnknownRuleError, UnknownRulebookVersionError } from './errors';
import type { RuleDefinition, Rulebook } from './types';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Rule 23 of rules.md: a copy of each published annual report goes to the Child Safeguarding Practice Review Panel and
 * the What Works Centre (now Foundations) within 7 days. Partnership scope: no case computes it; the partnership's
 * duties follow the current rulebook. Added in version 2 (version 1 stays as released).
 */
const ANNUAL_REPORT_COPIES_RULE: RuleDefinition = {
  id: 'annual-report-copies',
  description:
    'The safeguarding partners send a copy of their published annual report to the Child Safeguarding Practice ' +
    'Review Panel and the What Works Centre (now Foundations) within 7 days of its publication.',
  source: {
    document:
      'Working Together to Safeguard Children 2018, as quoted by a scrutiny briefing on an annual report ' +
      '(docs/domain/sources/annual-report-briefing.txt) [S19]',
    section:
      'Within 7 days of publication (rules.md rule 23; the figure and the recipients under WT 2023 are unconfirmed)',
    confidence: 'U',
  },
  scope: 'partnership',
  anchor: 'lastAnnualReportPublishedOn',
  length: 7,
  unit: 'calendar-days',
  direction: 'after',
  kind: 'deadline',
  pausable: false,
  overridable: ['length', 'unit'],
  allowedAnchors: ['lastAnnualReportPublishedOn'],
  responsible: 'business-unit',
};

const RULES_V1: RuleDefinition[] = [
  {
    id: 'notify-panel',
    description:
      'The local authority notifies the Child Safeguarding Practice Review Panel of the serious incident, ' +
      'through the Child Safeguarding Online Notification System.',
    source: {
      document: 'Children Act 2004 s.16C(1) [S1]; GOV.UK "Report a serious child safeguarding incident" [S3]',
      section: 's.16C(1); "within 5 working days of becoming aware of the incident" (rules.md rule 2)',
      confidence: 'C',
    },
    scope: 'case',
    anchor: 'laAwareOn',
    length: 5,
    unit: 'working-days',
    direction: 'after',
    kind: 'deadline',
    // Statutory, and not relaxed even during COVID-19 (rules.md §5): never paused, never overridden.
    pausable: false,
    overridable: [],
    allowedAnchors: ['laAwareOn'],
    responsible: 'local-authority',
  },
  {
    id: 'inform-partners',
    description:
      'The local authority tells its safeguarding partners (the delegated and lead partners) about the ' +
      'notification to the Panel.',
    source: {
      document: 'GOV.UK "Report a serious child safeguarding incident" [S3]',
      section: 'Reporting to safeguarding partners within 5 working days (rules.md rule 3)',
      confidence: 'C',
    },
    scope: 'case',
    anchor: 'laAwareOn',
    length: 5,
    unit: 'working-days',
    direction: 'after',
    kind: 'deadline',
    pausable: false,
    overridable: ['length', 'unit'],
    allowedAnchors: ['laAwareOn'],
    responsible: 'local-authority',
  },
  {
    id: 'rapid-review',
    description:
      'The safeguarding partners complete the rapid review and send it to the Child Safeguarding Practice ' +
      'Review Panel with their decision on whether to hold a local child safeguarding practice review.',
    source: {
      document:
        'Working Together to Safeguard Children 2023, chapter 5, as reproduced by local partnerships [S10, S11, S12, S26]',
      section:
        'Rapid reviews (rules.md rules 10, 11 and 13); 15 working days; clock start differs by source (rules.md §2.3)',
      confidence: 'S',
    },
    scope: 'case',
    // The earlier of the two readings; a partnership may count from the notification instead.
    anchor: 'laAwareOn',
    length: 15,
    unit: 'working-days',
    direction: 'after',
    kind: 'deadline',
    pausable: true,
    overridable: ['anchor', 'length', 'unit'],
    allowedAnchors: ['laAwareOn', 'notificationSubmittedOn'],
    responsible: 'subgroup',
  },
  {
    id: 'lcspr-publish',
    description:
      'The local child safeguarding practice review is completed and its report published (any pause or ' +
      'extension needs a recorded reason).',
    source: {
      document:
        'Working Together to Safeguard Children 2023, chapter 5; CPS/NPCC protocol [S22]; Trafford note of 2020 [S10]',
      section:
        'Local child safeguarding practice reviews: within 6 months of the decision to initiate (rules.md rule 16)',
      confidence: 'S',
    },
    scope: 'case',
    anchor: 'decisionOn',
    length: 6,
    unit: 'calendar-months',
    direction: 'after',
    kind: 'deadline',
    pausable: true,
    overridable: ['anchor', 'length', 'unit'],
    // rules.md §6 item 7: whether the 6 months run from the decision or from the notification is unverified.
    allowedAnchors: ['decisionOn', 'notificationSubmittedOn'],
    responsible: 'subgroup',
  },
  {
    id: 'pre-publication',
    description:
      'The safeguarding partners send the final report to the Child Safeguarding Practice Review Panel and the ' +
      'Secretary of State before it is published.',
    source: {
      document:
        'Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018 Part 3 [S2]; Trafford note of 2020 [S10]',
      section: 'At least 7 working days before publication (rules.md rule 17; the figure is unconfirmed)',
      confidence: 'U',
    },
    scope: 'case',
    anchor: 'plannedPublicationOn',
    length: 7,
    unit: 'working-days',
    direction: 'before',
    kind: 'deadline',
    pausable: false,
    overridable: ['length', 'unit'],
    allowedAnchors: ['plannedPublicationOn'],
    responsible: 'business-unit',
  },
  {
    id: 'keep-published',
    description: 'The published review report stays publicly available for at least one year.',
    source: {
      document:
        'Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018 Part 3 [S2]; Calderdale SCP [S13]',
      section: 'Publication: available for at least one year (rules.md rule 18)',
      confidence: 'S',
    },
    scope: 'case',
    anchor: 'publishedOn',
    length: 12,
    unit: 'calendar-months',
    direction: 'after',
    kind: 'minimum-period',
    pausable: false,
    overridable: ['length', 'unit'],
    allowedAnchors: ['publishedOn'],
    responsible: 'business-unit',
  },
  {
    id: 'not-publishing',
    description:
      'The Child Safeguarding Practice Review Panel and the Secretary of State are told, with reasons, of a ' +
      'decision not to publish the report or to delay its publication.',
    source: {
      document: 'No source found (rules.md rule 19)',
      section: 'Before the planned publication date (rules.md rule 19)',
      confidence: 'U',
    },
    scope: 'case',
    anchor: 'plannedPublicationOn',
    length: 0,
    unit: 'working-days',
    direction: 'before',
    kind: 'deadline',
    pausable: false,
    overridable: ['length', 'unit'],
    allowedAnchors: ['plannedPublicationOn'],
    responsible: 'delegated-partners',
  },
  {
    id: 'annual-report',
    description:
      'The safeguarding partners publish their yearly report on the safeguarding arrangements, and send a copy ' +
      'to the Child Safeguarding Practice Review Panel and the What Works Centre within 7 days of publication.',
    source: {
      document: 'Working Together to Safeguard Children 2018 and 2023 [S19, S11]',
      section:
        'Reporting: at least once in every 12-month period (rules.md rules 22 and 23; the 7 days are unconfirmed)',
      confidence: 'S',
    },
    scope: 'partnership',
    anchor: 'lastAnnualReportPublishedOn',
    length: 12,
    unit: 'calendar-months',
    direction: 'after',
    kind: 'deadline',
    pausable: false,
    overridable: ['length', 'unit'],
    allowedAnchors: ['lastAnnualReportPublishedOn'],
    responsible: 'lead-partners',
  },
];

/** The clocks version 2 adds: the looked-after child's death, agency returns, actions and an LCSPR's extension. */
const RULES_ADDED_IN_V2: RuleDefinition[] = [
  {
    id: 'notify-sos-ofsted',
    description:
      'The local authority notifies the Secretary of State and Ofsted of the death of a looked-after child (or of ' +
      'a care leaver under 25), through the Child Safeguarding Online Notification System.',
    source: {
      document: 'GOV.UK "Report a serious child safeguarding incident" [S3]; DfE notification statistics [S6]',
      section:
        'Death of a looked-after child, whether or not abuse or neglect is suspected (rules.md rule 4, C); ' +
        'death of a care leaver up to and including age 24 (rule 5, S)',
      confidence: 'C',
    },
    scope: 'case',
    anchor: 'laAwareOn',
    length: 5,
    unit: 'working-days',
    direction: 'after',
    kind: 'deadline',
    pausable: false,
    overridable: [],
    allowedAnchors: ['laAwareOn'],
    responsible: 'local-authority',
  },
  {
    id: 'agency-return',
    description:
      'A relevant agency sends its return (its summary of its involvement with the child and family) for the ' +
      'rapid review; the business unit chases a late one.',
    source: {
      document: 'Devon rapid review day plan [S25]; the partnership arrangements (rapid reviews)',
      section: 'Individual agency summaries written on working days 2 to 10 of the rapid review (rules.md §4)',
      confidence: 'U',
    },
    scope: 'item',
    anchor: 'clockStartedOn',
    length: 5,
    unit: 'working-days',
    direction: 'after',
    kind: 'deadline',
    pausable: false,
    overridable: ['length', 'unit'],
    allowedAnchors: ['clockStartedOn'],
    responsible: 'business-unit',
  },
  {
    id: 'action-due',
    description:
      'An action of the action plan is completed by its due date; one not progressed is escalated to the ' +
      'delegated safeguarding partners.',
    source: {
      document: 'The partnership arrangements (the Safeguarding Practice Review subgroup); WT 2018 yearly report [S19]',
      section:
        '"Any areas that are not progressed will be escalated to the delegated safeguarding partners"; acting on ' +
        'findings (rules.md rule 21)',
      confidence: 'S',
    },
    scope: 'item',
    anchor: 'clockStartedOn',
    length: 0,
    unit: 'working-days',
    direction: 'after',
    kind: 'deadline',
    pausable: false,
    // Each action's due date is set when it is added.
    overridable: [],
    allowedAnchors: ['clockStartedOn'],
    responsible: 'subgroup',
  },
  {
    id: 'lcspr-extension-notice',
    description:
      'The safeguarding partners tell the Child Safeguarding Practice Review Panel and the Secretary of State ' +
      'that the review will take longer than planned, and why.',
    source: {
      document: 'No source found (rules.md rules 16 and 19)',
      section: 'A review that will overrun its 6 months; the partnership tells the Panel and the Secretary of State',
      confidence: 'U',
    },
    scope: 'case',
    anchor: 'clockStartedOn',
    length: 5,
    unit: 'working-days',
    direction: 'after',
    kind: 'deadline',
    pausable: false,
    overridable: ['length', 'unit'],
    allowedAnchors: ['clockStartedOn'],
    responsible: 'delegated-partners',
  },
  ANNUAL_REPORT_COPIES_RULE,
];

/** Every released rulebook, by version. Never edit a released version: add a new one. */
export const RULEBOOKS: Readonly<Record<number, Rulebook>> = deepFreeze({
  1: { version: 1, summary: 'The default rulebook of docs/domain/README.md.', rules: RULES_V1 },
  2: {
    version: 2,
    summary:
      "Adds the Secretary of State's and Ofsted's notification of a looked-after child's death, agency returns, " +
      "actions of the action plan and the notice of an LCSPR's extension (issue 12).",
    rules: [...RULES_V1, ...RULES_ADDED_IN_V2],
  },
});

/** The version new cases start under. */
export const CURRENT_RULEBOOK_VERSION = 2;

/** The rulebook of `version`; throws {@link UnknownRulebookVersionError} for a version that was never released. */
export function getRulebook(version: number = CURRENT_RULEBOOK_VERSION): Rulebook {
  const rulebook = Object.prototype.hasOwnProperty.call(RULEBOOKS, version) ? RULEBOOKS[version] : undefined;
  if (!rulebook) {
    throw new UnknownRulebookVersionError(
      `Unknown rulebook version ${JSON.stringify(version)}; known versions: ${Object.keys(RULEBOOKS).join(', ')}`,
    );
  }
  return rulebook;
}

/** The definition of `ruleId` in `rulebook`; throws if the rulebook has no such rule. */
export function getRule(rulebook: Rulebook, ruleId: string): RuleDefinition {
  const rule = rulebook.rules.find((candidate) => candidate.id === ruleId);
  if (!rule) throw new UnknownRuleError(`Rulebook version ${rulebook.version} has no rule "${ruleId}"`);
  return rule;
}
