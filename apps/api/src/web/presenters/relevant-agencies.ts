/**
 * Issue 12 item 1: the partnership's relevant agencies on the settings pages. A person names an agency; its key (how
 * the API and the cases refer to it) is made from the name when it is added and kept when it is renamed, so cases
 * and returns that name it still do.
 */
import type { FieldError } from '@app/common';
import { AGENCIES, RELEVANT_AGENCY_KEY, type RelevantAgency } from '@app/workflows';
import type { FormErrors } from '../forms';

export const MAX_AGENCY_NAME = 100;

/** The statutory agencies: renamed, never removed (sign-offs and version-1 returns name them). */
export function isStatutory(key: string): boolean {
  return (AGENCIES as readonly string[]).includes(key);
}

/**
 * A key for a new agency from its name, unique in `taken`: `Ambulance service` -> `ambulance-service`,
 * `NHS 111` -> `nhs-111`; a name with no letter to start from -> `agency`, then `-2`, `-3`... when taken.
 */
export function keyFor(name: string, taken: readonly string[]): string {
  let base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 34)
    .replace(/-+$/, '');
  if (!RELEVANT_AGENCY_KEY.test(base)) base = 'agency';
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
  return key;
}

export interface RelevantAgencyRow {
  key: string;
  name: string;
  statutory: boolean;
}

export function relevantAgencyRows(agencies: readonly RelevantAgency[]): RelevantAgencyRow[] {
  return agencies.map(({ key, name }) => ({ key, name, statutory: isStatutory(key) }));
}

/** The API's refusal of a list, as the one question the page asks (the agency's name), or the list's own message. */
export function relevantAgencyErrors(details: readonly FieldError[]): FormErrors {
  const said = details.flatMap((d) => d.messages).join(' ');
  const nameProblem = details.find((d) => /\.name$/.test(d.field));
  if (nameProblem) {
    const text = /used by another agency/.test(said)
      ? 'There is already an agency with that name'
      : /at most|longer than|shorter than/.test(said)
        ? `Name must be ${MAX_AGENCY_NAME} characters or fewer`
        : 'Enter the name of the agency';
    return { name: { text, href: '#name' } };
  }
  if (/statutory/.test(said)) {
    return {
      relevantAgencies: { text: 'The statutory agencies can be renamed but not removed', href: '#relevant-agencies' },
    };
  }
  if (/at least 1|at most 100|no more than|not be empty/.test(said)) {
    return {
      relevantAgencies: { text: 'The partnership has from 1 to 100 relevant agencies', href: '#relevant-agencies' },
    };
  }
  return { relevantAgencies: { text: said, href: '#relevant-agencies' } };
}
