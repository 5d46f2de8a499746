/** Each state of a case in plain English, as the case page says where the case is within its stage. */
export const STATE_NAMES: Readonly<Record<string, string>> = {
  'notification.awaiting-notification': 'Waiting for the notification to the Panel',
  'rapid-review.gathering': 'Rapid review under way',
  'decision.awaiting-sign-off': 'Waiting for the partners to sign off',
  'decision.disputed': 'Disputed: a partner disagreed',
  'decision.reconsidering': "Reconsidering after the Panel's challenge",
  'decision.agreed': 'Agreed: to be sent to the Panel',
  'decision.escalated': 'Escalated to the lead partners', // issue 12 item 4
  'panel-response.awaiting-response': "Waiting for the Panel's response",
  'national-review.in-progress': 'National review under way',
  'lcspr.in-progress': 'Local review under way',
  'lcspr.paused': 'Local review paused',
  'publication.unscheduled': 'Publication not yet planned',
  'publication.scheduled': 'Publication planned',
  'publication.awaiting-panel-informed': 'Waiting for the Panel and the Secretary of State to be told',
  'learning.action-plan': 'Action plan under way',
  closed: 'Closed',
  // Issue 12 item 2
  'notification.awaiting-sos-ofsted-notification': 'Waiting for the notification to the Secretary of State and Ofsted',
  'notification.sos-ofsted-notified': 'Secretary of State and Ofsted notified',
};

export function stateName(state: string): string {
  return STATE_NAMES[state] ?? state;
}
