import { caseSetup } from './case.setup';

/** Stage 1: the local authority notifies the national Panel (5 working days) and tells the partners. */
export const notificationStage = caseSetup.createStateConfig({
  description:
    'Serious incident notification: the local authority notifies the Child Safeguarding Practice Review Panel.',
  initial: 'awaiting-notification',
  states: {
    'awaiting-notification': {
      description:
        'The local authority is aware of the incident; the notification to the Panel is due within 5 working days.',
      on: {
        'notification.submitted': { target: '#case.rapid-review', actions: 'recordNotification' },
        'notification.withdrawn': { target: '#case.closed', actions: 'recordWithdrawal' },
      },
    },
  },
});
