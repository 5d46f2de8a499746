/** The kinds of document a case links to (issue 12 item 8): the files stay in the partnership's own store. */
export const DOCUMENT_KINDS = [
  'agency-return',
  'terms-of-reference',
  'final-report',
  'panel-letter',
  'rapid-review',
  'minutes',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
