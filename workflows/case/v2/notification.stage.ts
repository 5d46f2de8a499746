import { caseSetup } from '../case.setup';
import { notificationStage } from '../notification.stage';

const v1 = notificationStage;
const v1Awaiting = v1.states!['awaiting-notification'];

/**
 * Stage 1, version 2 (issue 12 item 2): beside the serious incident's notification to the Panel, the death of a
 * looked-after child without abuse or neglect suspected, or of a care leaver under 25, which the local authority
 * notifies to the Secretary of State and Ofsted instead (rules.md rules 4 and 5). A case opens in
 * `awaiting-notification` and moves at once to `awaiting-sos-ofsted-notification` when it is such a death.
 */
export const notificationStageV2 = caseSetup.createStateConfig({
  ...v1,
  description:
    'Notification: the local authority notifies the Child Safeguarding Practice Review Panel of a serious incident, ' +
    'or the Secretary of State and Ofsted of the death of a looked-after child or a care leaver.',
  states: {
    ...v1.states,
    'awaiting-notification': {
      ...v1Awaiting,
      always: { guard: 'notifiesOnlySosOfsted', target: 'awaiting-sos-ofsted-notification' },
    },
    'awaiting-sos-ofsted-notification': {
      description:
        'The death of a looked-after child without abuse or neglect suspected, or of a care leaver: the local ' +
        'authority notifies the Secretary of State and Ofsted within 5 working days. The Panel does not consider it.',
      on: {
        'sos-ofsted.notified': { target: 'sos-ofsted-notified', actions: 'recordSosOfstedNotified' },
        'notification.criteria-met': { target: 'awaiting-notification', actions: 'moveOntoSeriousIncidentPath' },
        'notification.withdrawn': { target: '#case.closed', actions: 'recordWithdrawal' },
      },
    },
    'sos-ofsted-notified': {
      description:
        'The Secretary of State and Ofsted were notified. The case is closed when the partnership has done with it, ' +
        'or becomes a serious incident if abuse or neglect comes to be known or suspected.',
      on: {
        'notification.criteria-met': { target: 'awaiting-notification', actions: 'moveOntoSeriousIncidentPath' },
        'case.closed': { target: '#case.closed', actions: 'closeNotifiedDeath' },
      },
    },
  },
});
