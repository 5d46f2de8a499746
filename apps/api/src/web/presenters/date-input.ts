import type { DatePart, FormError } from '../forms';
import { DATE_PARTS } from '../forms';

const DATE_HINT = 'For example, 27 3 2026';

export interface DateInputOptions {
  /** The input's name and id: its parts are `<name>-day`, `<name>-month`, `<name>-year`. */
  name: string;
  legend: string;
  legendClasses?: string;
  /** The legend is the page's `<h1>` (a page that asks only for this date). */
  isPageHeading?: boolean;
  hint?: string;
  /** The submitted form (or query): the parts as typed are shown again. */
  typed?: Readonly<Record<string, unknown>>;
  error?: FormError;
}

/** The arguments of `govukDateInput` for one date, the parts at fault highlighted (all of them when none is named). */
export function dateInput(options: DateInputOptions): Record<string, unknown> {
  const { name, error } = options;
  const typedPart = (part: DatePart) => {
    const value = options.typed?.[`${name}-${part}`];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    id: name,
    namePrefix: name,
    fieldset: {
      legend: {
        text: options.legend,
        classes: options.legendClasses ?? 'govuk-fieldset__legend--s',
        ...(options.isPageHeading ? { isPageHeading: true } : {}),
      },
    },
    hint: { text: options.hint ?? DATE_HINT },
    ...(error ? { errorMessage: { text: error.text } } : {}),
    items: DATE_PARTS.map((part) => ({
      name: part,
      // Only the parts at fault are highlighted; with none named, the macro highlights the whole date.
      ...(error?.parts?.includes(part) ? { error: true } : {}),
      ...(typedPart(part) !== undefined ? { value: typedPart(part) } : {}),
    })),
  };
}
