import type { Role } from '@app/workflows';

export type NoticeKind =
  | 'sign-off-requested'
  | 'final-report-sign-off-requested'
  | 'decision-agreed'
  | 'decision-disputed'
  | 'notification-made'
  // Issue 12 item 4
  | 'escalated-to-lead-partners';

export interface CaseChange {
  type: string;
  from: string | null;
  to: string;
}

/**
 * Mail that events (not clocks) call for: partners asked to sign, the subgroup told of the outcome, and the lead
 * partners and executive told of a notification, as the partnership's arrangements require.
 */
export function noticesFor(change: CaseChange): NoticeKind[] {
  const entered = (state: string) => change.to === state && change.from !== state;
  const notices: NoticeKind[] = [];
  if (entered('decision.awaiting-sign-off')) notices.push('sign-off-requested');
  if (change.type === 'lcspr.draft-received') notices.push('final-report-sign-off-requested');
  if (entered('decision.agreed')) notices.push('decision-agreed');
  if (entered('decision.disputed')) notices.push('decision-disputed');
  if (change.type === 'notification.submitted') notices.push('notification-made');
  if (entered('decision.escalated')) notices.push('escalated-to-lead-partners');
  return notices;
}

/** Who each notice goes to. */
export const NOTICE_ROLES: Record<NoticeKind, Role[]> = {
  'sign-off-requested': ['delegated-partner'],
  'final-report-sign-off-requested': ['delegated-partner'],
  'decision-agreed': ['subgroup-member', 'business-unit'],
  'decision-disputed': ['subgroup-member', 'business-unit'],
  'notification-made': ['lead-partner', 'delegated-partner'],
  'escalated-to-lead-partners': ['lead-partner'],
};
