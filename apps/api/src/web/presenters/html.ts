import nunjucks from 'nunjucks';

/**
 * Text made safe to place inside HTML that a presenter builds (a link in a table cell): Nunjucks' own escape, the
 * one the templates use, so a presenter's HTML is escaped exactly as a template's would be.
 */
export function escapeHtml(text: string): string {
  return (nunjucks as unknown as { lib: { escape(value: string): string } }).lib.escape(text);
}
