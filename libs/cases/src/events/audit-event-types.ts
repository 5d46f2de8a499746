import { CASE_EVENT_TYPES } from './event-payloads';

/** Audit events the service records itself, beside the case events users send. */
export const SYSTEM_AUDIT_EVENT_TYPES = [
  'case.opened',
  'deadline.missed',
  'deadlines.recomputed',
  // Issue 12 item 3: an overdue action escalated to the delegated partners, by the reminder that told them
  'action.escalated',
] as const;
export type SystemAuditEventType = (typeof SYSTEM_AUDIT_EVENT_TYPES)[number];

/** Every `type` a case's history can hold. */
export const AUDIT_EVENT_TYPES = [...SYSTEM_AUDIT_EVENT_TYPES, ...CASE_EVENT_TYPES] as const;
