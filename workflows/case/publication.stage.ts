import { caseSetup } from './case.setup';

/** Stage 5: publication, with the report to the Panel and Secretary of State at least 7 working days before. */
export const publicationStage = caseSetup.createStateConfig({
  description:
    'Publication: the final report is sent to the Panel and Secretary of State, then published (or not, with reasons).',
  initial: 'unscheduled',
  states: {
    unscheduled: {
      description: 'The final report is agreed; a publication date is to be planned.',
      on: {
        'publication.scheduled': { target: 'scheduled', actions: 'schedulePublication' },
        'publication.report-sent': { actions: 'recordReportSent' },
      },
    },
    scheduled: {
      description:
        'Publication is planned; the report must reach the Panel and Secretary of State 7 working days before.',
      on: {
        'publication.report-sent': { actions: 'recordReportSent' },
        'publication.published': { target: '#case.learning', actions: 'recordPublished' },
        'publication.delayed': { target: 'awaiting-panel-informed', actions: 'recordDelay' },
        'publication.withheld': { target: 'awaiting-panel-informed', actions: 'recordWithholding' },
      },
    },
    'awaiting-panel-informed': {
      description: 'A delay or a decision not to publish: the Panel and Secretary of State must be told, with reasons.',
      on: {
        'publication.panel-informed': [
          { guard: 'pendingIsDelay', target: 'scheduled', actions: 'applyDelay' },
          { target: '#case.learning', actions: 'applyWithholding' },
        ],
      },
    },
  },
});
