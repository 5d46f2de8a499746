import { optionLabel, type CaseRecordView, type SignOffRoundRecordView } from '@app/cases';
import { govukDate } from '../page-dates';
import { escapeHtml as escape } from './html';

type Cell = { text: string } | { html: string };

export const SIGN_OFF_TABLE_HEAD: readonly Cell[] = [
  { text: 'Agency' },
  { text: 'Sign-off' },
  { text: 'Signed by' },
  { text: 'Date' },
  { text: 'Comment' },
];

export interface SignOffRoundModel {
  /** 'Round 2 (opened 20 January 2026): waiting for sign-off' */
  caption: string;
  /** What the partners sign, for a decision round: 'Recommendation: No LCSPR'. */
  recommendation?: string;
  open: boolean;
  /** One row per signing agency: its sign-off (decision, who, when, comment) or that it is awaited. */
  rows: Cell[][];
  /** 'Escalated to the lead partners on 21 January 2026 by Sam Subgroup: …' */
  escalations: string[];
}

export interface SignOffSectionModel {
  id: 'decision-sign-off' | 'final-report-sign-off';
  title: string;
  /** The latest round: open, or the one that settled the matter. */
  current: SignOffRoundModel;
  /** Earlier rounds, latest first. */
  past: SignOffRoundModel[];
}

const tag = (text: string, colour: string): Cell => ({
  html: `<strong class="govuk-tag govuk-tag--${colour}">${escape(text)}</strong>`,
});

const OUTCOME_WORDS: Record<string, string> = { agreed: 'agreed', disputed: 'disputed' };

function roundModel(round: SignOffRoundRecordView, agencies: readonly string[], what: string): SignOffRoundModel {
  const open = round.outcome === undefined;
  const state = open ? 'waiting for sign-off' : (OUTCOME_WORDS[round.outcome!] ?? round.outcome!);
  // An agency that signed but no longer signs for the partnership keeps its row.
  const signers = round.signOffs.map((s) => s.agency).filter((agency) => !agencies.includes(agency));
  const rows = [...agencies, ...signers].map((agency): Cell[] => {
    const signed = round.signOffs.find((s) => s.agency === agency);
    if (!signed) {
      return [
        { text: optionLabel(agency) },
        open ? tag('Awaiting sign-off', 'grey') : tag('Not signed', 'grey'),
        { text: '' },
        { text: '' },
        { text: '' },
      ];
    }
    return [
      { text: optionLabel(agency) },
      signed.decision === 'agree' ? tag('Agree', 'green') : tag(optionLabel(signed.decision), 'red'),
      { text: signed.by },
      { text: govukDate(signed.signedOn) },
      { text: signed.comment ?? '' },
    ];
  });
  return {
    caption: `${what} round ${round.round} (opened ${govukDate(round.openedOn)}): ${state}`,
    ...(round.recommendation ? { recommendation: `Recommendation: ${optionLabel(round.recommendation)}` } : {}),
    open,
    rows,
    escalations: round.escalations.flatMap((e) => [
      `Escalated to the lead partners on ${govukDate(e.escalatedOn)}${e.by ? ` by ${e.by}` : ''}: ${e.note}`,
      // Issue 12 item 4: how the lead partners resolved it
      ...(e.resolution
        ? [
            `The lead partners decided ${optionLabel(e.resolution.outcome)} on ${govukDate(e.resolution.resolvedOn)}` +
              `${e.resolution.by ? `, recorded by ${e.resolution.by}` : ''}${e.resolution.note ? `: ${e.resolution.note}` : ''}`,
          ]
        : []),
    ]),
  };
}

function section(
  id: SignOffSectionModel['id'],
  title: string,
  what: string,
  rounds: readonly SignOffRoundRecordView[],
  agencies: readonly string[],
): SignOffSectionModel[] {
  if (rounds.length === 0) return [];
  const models = rounds.map((round) => roundModel(round, agencies, what));
  return [{ id, title, current: models[models.length - 1], past: models.slice(0, -1).reverse() }];
}

/**
 * The sign-off panel: for the decision and for the final report, every signing agency's state in the latest round
 * (signed, agree or disagree, by whom, when, with their comment; or awaited) and the earlier rounds. A section appears
 * once its first round has opened.
 */
export function signOffPanel(record: Pick<CaseRecordView, 'decision' | 'lcspr'>): SignOffSectionModel[] {
  const agencies = record.decision.signOffAgencies;
  return [
    ...section('decision-sign-off', 'Decision', 'Decision', record.decision.rounds, agencies),
    ...section('final-report-sign-off', 'Final report', 'Final report', record.lcspr.finalReportRounds, agencies),
  ];
}
