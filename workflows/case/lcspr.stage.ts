import { caseSetup } from './case.setup';

/** Stage 4: the local child safeguarding practice review, due for publication 6 months after the decision. */
export const lcsprStage = caseSetup.createStateConfig({
  description:
    'LCSPR: reviewer appointed, terms and methodology agreed, review, draft, and the partners sign off the final report.',
  initial: 'in-progress',
  states: {
    'in-progress': {
      description:
        'The review runs; the 6-month clock counts. Each draft received opens a final-report sign-off round.',
      on: {
        'lcspr.reviewer-appointed': { actions: 'recordReviewer' },
        'lcspr.terms-agreed': { actions: 'recordTermsAgreed' },
        'lcspr.methodology-agreed': { actions: 'recordMethodologyAgreed' },
        'lcspr.draft-received': { actions: 'recordDraftReceived' },
        'lcspr.paused': { target: 'paused', actions: 'pauseLcsprClock' },
        'lcspr.final-report-signed-off': [
          { guard: 'signOffDisagrees', actions: ['recordFinalReportSignOff', 'markFinalReportDisputed'] },
          {
            guard: 'finalReportSignOffCompletesAgreement',
            target: '#case.publication',
            actions: ['recordFinalReportSignOff', 'markFinalReportAgreed'],
          },
          { actions: 'recordFinalReportSignOff' },
        ],
      },
    },
    paused: {
      description:
        'Paused for a parallel process (criminal proceedings, inquest, DHR ...); the 6-month clock stops meanwhile.',
      on: {
        'lcspr.resumed': { target: 'in-progress', actions: 'resumeLcsprClock' },
      },
    },
  },
});
