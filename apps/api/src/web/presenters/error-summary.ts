/** A form's problems: the message for each field, keyed by the id of the field's (first) input. */
export type FieldErrors = Record<string, string>;

export interface ErrorSummaryItem {
  text: string;
  href: string;
}

/** The GOV.UK error summary's list: one link per problem, to its field, in the order of the form. */
export function errorSummaryList(errors: FieldErrors): ErrorSummaryItem[] {
  return Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }));
}
