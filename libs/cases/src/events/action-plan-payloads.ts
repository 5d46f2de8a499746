/**
 * Payloads of the action plan's and the documents' events of version 2 (issue 12 items 3 and 8). `action.added` and
 * `action.completed` keep their classes in event-payloads.ts.
 */
import { ACTION_PROGRESS_STATUSES, DOCUMENT_KINDS, type ActionProgressStatus, type DocumentKind } from '@app/workflows';
import { ActionIdField, DateField, EnumField, HttpUrlField, TextField } from '../dto/fields';
import { TEXT_LIMITS } from './event-payloads';

const ACTION_REFERENCE = { label: 'Action reference', hint: 'For example, A-1' };

export class ActionProgressUpdatedPayload {
  @ActionIdField(ACTION_REFERENCE)
  actionId: string;

  @DateField({ label: 'Date of the update' })
  updatedOn: string;

  @EnumField(ACTION_PROGRESS_STATUSES, {
    label: 'How is the action getting on?',
    errorIfMissing: 'Select how the action is getting on',
  })
  status: ActionProgressStatus;

  @TextField(TEXT_LIMITS.note, { label: 'Progress so far', hint: 'Do not name the children.' })
  note: string;
}

export class ActionDueDateChangedPayload {
  @ActionIdField(ACTION_REFERENCE)
  actionId: string;

  @DateField({ label: 'New due date', hint: 'The date the subgroup agreed. For example, 27 3 2026' })
  dueOn: string;

  @TextField(TEXT_LIMITS.reason, { label: 'Why the due date changed', hint: 'Do not name the children.' })
  reason: string;
}

export class ActionCancelledPayload {
  @ActionIdField(ACTION_REFERENCE)
  actionId: string;

  @TextField(TEXT_LIMITS.reason, { label: 'Why the action is no longer needed', hint: 'Do not name the children.' })
  reason: string;
}

export class DocumentLinkedPayload {
  @ActionIdField({
    label: 'Document reference',
    hint: 'Unique within the case: letters, numbers, hyphens, underscores or full stops, for example D-1',
  })
  documentId: string;

  @TextField(TEXT_LIMITS.documentTitle, {
    example: 'Police agency return for the rapid review',
    label: 'Title of the document',
    hint: 'Do not name the children.',
  })
  title: string;

  @EnumField(DOCUMENT_KINDS, {
    label: 'What kind of document is it?',
    errorIfMissing: 'Select what kind of document it is',
    optionLabels: { other: 'Another kind of document' },
  })
  kind: DocumentKind;

  @HttpUrlField({
    description: "The document's address in the partnership's own document store (the file itself is never sent).",
    example: 'https://documents.partnership.example/cases/2026-07/police-return',
    label: "Web address of the document in the partnership's document store",
    hint: 'For example, https://documents.partnership.example/cases/police-return',
  })
  url: string;
}

export class DocumentUnlinkedPayload {
  @ActionIdField({ label: 'Document reference', hint: 'For example, D-1' })
  documentId: string;

  @TextField(TEXT_LIMITS.reason, { label: 'Why the link is removed', hint: 'Do not name the children.' })
  reason: string;
}
