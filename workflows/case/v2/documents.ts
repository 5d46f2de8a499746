/**
 * Documents by reference (issue 12 item 8, machine version 2): a case keeps links to its documents in the
 * partnership's own store (a title, a kind, an address), never the files. Each has a reference the partnership gives,
 * unique within the case for good: an unlinked document stays in the record, with the reason.
 *
 * Pure: updates over the context and the event, turned into named XState actions by case.setup.ts.
 */
import { actDate, type CaseContext, type CaseDocument, type CaseEvent, type CaseEventOf } from '../case.types';

/** Handlers for the root of machine version 2: every state but closed accepts them. */
export const DOCUMENT_HANDLERS = {
  'document.linked': { actions: 'linkDocument' },
  'document.unlinked': { actions: 'unlinkDocument' },
} as const;

type E<T extends CaseEvent['type']> = CaseEventOf<T>;

export const DOCUMENT_UPDATES = {
  linkDocument: (context: CaseContext, event: CaseEvent) => {
    const e = event as E<'document.linked'>;
    const document: CaseDocument = { id: e.documentId, title: e.title, kind: e.kind, url: e.url, linkedOn: actDate(e) };
    return { documents: [...(context.documents ?? []), document] };
  },
  unlinkDocument: (context: CaseContext, event: CaseEvent) => {
    const e = event as E<'document.unlinked'>;
    const unlinked = { reason: e.reason, on: actDate(e) };
    return {
      documents: (context.documents ?? []).map((d) => (d.id === e.documentId ? { ...d, unlinked } : d)),
    };
  },
};

/** Why a document event may not be applied (422), or undefined. */
export function documentViolation(context: CaseContext, event: CaseEvent): string | undefined {
  if (event.type !== 'document.linked' && event.type !== 'document.unlinked') return undefined;
  const existing = (context.documents ?? []).find((d) => d.id === event.documentId);
  if (event.type === 'document.linked') {
    if (!existing) return undefined;
    return existing.unlinked
      ? `Document ${event.documentId} was linked before and unlinked on ${existing.unlinked.on}: give the link another reference`
      : `Document ${event.documentId} is already linked`;
  }
  if (!existing) return `There is no document ${event.documentId}`;
  return existing.unlinked ? `Document ${event.documentId} was already unlinked on ${existing.unlinked.on}` : undefined;
}
