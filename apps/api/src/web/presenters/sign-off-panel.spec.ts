import type { CaseRecordView, SignOffRoundRecordView } from '@app/cases';
import { signOffPanel } from './sign-off-panel';

const AGENCIES = ['local-authority', 'police', 'health'];

function round(overrides: Partial<SignOffRoundRecordView>): SignOffRoundRecordView {
  return { round: 1, openedOn: '2026-01-15', signOffs: [], notSignedBy: [], escalations: [], ...overrides };
}

function record(
  rounds: SignOffRoundRecordView[],
  finalReportRounds: SignOffRoundRecordView[] = [],
): Pick<CaseRecordView, 'decision' | 'lcspr'> {
  return {
    decision: { signOffAgencies: AGENCIES, rounds },
    lcspr: {
      draftsReceivedOn: [],
      pauses: [],
      finalReportRounds,
      extensions: [],
      progressReviews: [],
      involvement: [],
    },
  };
}

const text = (cell: { text: string } | { html: string }) =>
  'text' in cell ? cell.text : cell.html.replace(/<[^>]+>/g, '');

describe('the sign-off panel', () => {
  it('shows nothing before the first round opens', () => {
    expect(signOffPanel(record([]))).toEqual([]);
  });

  it("shows every signing agency's state in the open round: who signed what, when, with their comment, or awaited", () => {
    const [decision] = signOffPanel(
      record([
        round({
          recommendation: 'lcspr',
          signOffs: [
            {
              agency: 'police',
              decision: 'agree',
              by: 'Pat Police',
              byId: 'u-1',
              signedOn: '2026-01-20',
              comment: 'Agreed at the meeting',
            },
          ],
          notSignedBy: ['local-authority', 'health'],
        }),
      ]),
    );
    expect(decision.title).toBe('Decision');
    expect(decision.current.caption).toBe('Decision round 1 (opened 15 January 2026): waiting for sign-off');
    expect(decision.current.recommendation).toBe('Recommendation: LCSPR (local child safeguarding practice review)');
    expect(decision.current.rows.map((row) => row.map(text))).toEqual([
      ['Local authority', 'Awaiting sign-off', '', '', ''],
      ['Police', 'Agree', 'Pat Police', '20 January 2026', 'Agreed at the meeting'],
      ['Health', 'Awaiting sign-off', '', '', ''],
    ]);
    expect(decision.current.rows[1][1]).toEqual({ html: '<strong class="govuk-tag govuk-tag--green">Agree</strong>' });
    expect(decision.past).toEqual([]);
  });

  it('keeps earlier rounds, latest first, with their outcome and escalations', () => {
    const disagree = { agency: 'health', decision: 'disagree', by: 'Nat Nurse', byId: 'u-2', signedOn: '2026-01-16' };
    const [decision] = signOffPanel(
      record([
        round({
          round: 1,
          recommendation: 'lcspr',
          outcome: 'disputed',
          signOffs: [disagree],
          notSignedBy: ['local-authority', 'police'],
          escalations: [{ note: 'Lead partners to decide', escalatedOn: '2026-01-17', byId: 'u-3', by: 'Sam Sub' }],
        }),
        round({
          round: 2,
          openedOn: '2026-01-19',
          recommendation: 'no-lcspr',
          outcome: 'disputed',
          signOffs: [disagree],
        }),
        round({ round: 3, openedOn: '2026-01-22', recommendation: 'no-lcspr' }),
      ]),
    );
    expect(decision.current.caption).toBe('Decision round 3 (opened 22 January 2026): waiting for sign-off');
    expect(decision.past.map((r) => r.caption)).toEqual([
      'Decision round 2 (opened 19 January 2026): disputed',
      'Decision round 1 (opened 15 January 2026): disputed',
    ]);
    const first = decision.past[1];
    expect(first.open).toBe(false);
    expect(first.rows.map((row) => row.map(text).slice(0, 3))).toEqual([
      ['Local authority', 'Not signed', ''],
      ['Police', 'Not signed', ''],
      ['Health', 'Disagree', 'Nat Nurse'],
    ]);
    expect(first.escalations).toEqual([
      'Escalated to the lead partners on 17 January 2026 by Sam Sub: Lead partners to decide',
    ]);
  });

  it('shows the final report rounds beside the decision', () => {
    const sections = signOffPanel(
      record([round({ outcome: 'agreed' })], [round({ openedOn: '2026-05-04', notSignedBy: AGENCIES })]),
    );
    expect(sections.map((s) => [s.id, s.title, s.current.caption])).toEqual([
      ['decision-sign-off', 'Decision', 'Decision round 1 (opened 15 January 2026): agreed'],
      ['final-report-sign-off', 'Final report', 'Final report round 1 (opened 4 May 2026): waiting for sign-off'],
    ]);
    expect(sections[1].current.recommendation).toBeUndefined();
  });

  it('escapes what it puts in HTML', () => {
    const [decision] = signOffPanel(
      record([
        round({
          signOffs: [{ agency: 'police', decision: '<b>', by: 'x', byId: 'u', signedOn: '2026-01-20' }],
        }),
      ]),
    );
    expect(decision.current.rows[1][1]).toEqual({
      html: '<strong class="govuk-tag govuk-tag--red">&lt;b&gt;</strong>',
    });
  });
});
