/**
 * Issue 12 item 5: the rules of the managed LCSPR that the pure machine cannot judge, because they need the
 * partnership's users or its rulebook and calendar. `CasesService.dispatch` asks them once the machine has accepted
 * the event (after the 403 and 409 checks, before anything is written), and refuses with 422 `rule-violated`.
 */
import type { EntityManager } from 'typeorm';
import { UserEntity } from '@app/auth';
import type { CaseEvent, Deadline } from '@app/workflows';

export interface LcsprCheckInput {
  /** The machine version the case runs on: the reviewer's account is kept from version 2. */
  machineVersion: number;
  partnershipId: string;
  /** The review's deadline before the event (`lcspr-publish`), with the partnership's rules and calendar. */
  reviewDeadline?: Deadline;
}

export async function lcsprServiceViolation(
  manager: EntityManager,
  event: CaseEvent,
  input: LcsprCheckInput,
): Promise<string | undefined> {
  const due = input.reviewDeadline?.dueOn;
  switch (event.type) {
    case 'lcspr.reviewer-appointed':
      if (!event.reviewerUserId) return undefined;
      if (input.machineVersion < 2) {
        return "reviewerUserId can be given only on a case begun on machine version 2 (this case's version does not keep it)";
      }
      return reviewerAccountViolation(manager, event.reviewerUserId, input.partnershipId);
    case 'lcspr.completion-planned':
      return due && event.plannedCompletionOn > due
        ? `plannedCompletionOn (${event.plannedCompletionOn}) must be on or before the review's due date (${due})`
        : undefined;
    case 'lcspr.extended':
      return due && event.newCompletionOn <= due
        ? `newCompletionOn (${event.newCompletionOn}) must be after the review's current due date (${due})`
        : undefined;
    default:
      return undefined;
  }
}

/** The reviewer's account must be an active user of the partnership who holds the lead-reviewer role. */
async function reviewerAccountViolation(
  manager: EntityManager,
  userId: string,
  partnershipId: string,
): Promise<string | undefined> {
  const user = await manager.getRepository(UserEntity).findOne({
    where: { id: userId, partnershipId },
    select: { id: true, roles: true, active: true },
  });
  if (!user) return `reviewerUserId (${userId}) is not a user of this partnership`;
  if (!user.active) return `reviewerUserId (${userId}) is a deactivated user`;
  if (!user.roles.includes('lead-reviewer')) return `reviewerUserId (${userId}) does not hold the lead-reviewer role`;
  return undefined;
}
