import type { RuleId } from './types';

/**
 * Each rule's short name on the pages (a deadlines table's row, a heading of the rulebook page): what must be done,
 * in a few words. The rule's `description` says it in full.
 */
export const RULE_TITLES: Readonly<Record<RuleId, string>> = {
  'notify-panel': 'Notify the Panel',
  'inform-partners': 'Tell the safeguarding partners',
  'rapid-review': 'Send the rapid review to the Panel',
  'lcspr-publish': 'Complete and publish the local review',
  'pre-publication': 'Send the final report before publication',
  'keep-published': 'Keep the report published',
  'not-publishing': 'Tell the Panel of a delay or of not publishing',
  'annual-report': 'Publish the annual report',
  'notify-sos-ofsted': 'Notify the Secretary of State and Ofsted',
  'agency-return': 'Agency return',
  'action-due': 'Complete the action',
  'lcspr-extension-notice': 'Tell the Panel of the extension',
  'annual-report-copies': 'Send the annual report to the Panel and the What Works Centre',
};
