/**
 * Issue 12 item 6: the body of `POST /cases/import`, a running case brought in with its history: what `POST /cases`
 * takes, plus `history`, the events so far, oldest first, each `{ type, ...payload, occurredOn? (unless it carries
 * its own date), actor?: { name, role?, agency? } }`. Pure: it reads nothing but the body.
 */
import { FieldError, unknownField, ValidationFailedError } from '@app/common';
import { AGENCIES, isSignOffEvent, ROLES, type Agency } from '@app/workflows';
import { OpenCaseDto } from '../dto/open-case.dto';
import { validatePlain, validationFailed } from '../dto/validate-plain';
import { actDateOf } from '../events/event-envelope';
import { parseCaseEvent, type ParsedCaseEvent } from '../events/event-payload-registry';

/** At most this many events in one import. */
export const MAX_IMPORTED_EVENTS = 300;

/** The reason kept on a sign-off the import records on a partner's behalf when the import gives none. */
export const IMPORTED_SIGN_OFF_REASON = 'Signed before the case was brought into the service (imported)';

/** Who did an imported act, as the partnership's earlier records say. */
export interface OriginalActor {
  name: string;
  role?: string;
  agency?: string;
}

export interface ImportedEvent {
  /** Its place in `history`, from 0: refusals name it. */
  index: number;
  parsed: ParsedCaseEvent;
  /** The day it happened: its own date field, or `occurredOn`. */
  occurredOn: string;
  actor?: OriginalActor;
  /** Where it came from, to name it in a refusal instead of `history[i]` (a CSV file's row and column). */
  source?: string;
}

export interface ParsedImport {
  opening: OpenCaseDto;
  history: ImportedEvent[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseActor(value: unknown, at: string): { actor?: OriginalActor; errors: FieldError[] } {
  if (value === undefined || value === null) return { errors: [] };
  const errors: FieldError[] = [];
  if (!isObject(value))
    return { errors: [{ field: at, messages: [`${at} must be an object { name, role?, agency? }`] }] };
  const { name, role, agency, ...rest } = value;
  for (const key of Object.keys(rest)) errors.push({ field: `${at}.${key}`, messages: [unknownField(key)] });
  if (typeof name !== 'string' || name.trim() === '' || name.trim().length > 200) {
    errors.push({ field: `${at}.name`, messages: ['name must be 1 to 200 characters'] });
  }
  if (role !== undefined && !(ROLES as readonly unknown[]).includes(role)) {
    errors.push({ field: `${at}.role`, messages: [`role must be one of: ${ROLES.join(', ')}`] });
  }
  if (agency !== undefined && (typeof agency !== 'string' || !/^[a-z][a-z0-9-]{1,39}$/.test(agency))) {
    errors.push({ field: `${at}.agency`, messages: ['agency must be an agency key such as police'] });
  }
  if (errors.length) return { errors };
  return {
    actor: {
      name: (name as string).trim(),
      ...(role ? { role: role as string } : {}),
      ...(agency ? { agency: agency as string } : {}),
    },
    errors,
  };
}

/** One item of `history`; a sign-off is recorded on the partner's behalf (the agency from `onBehalfOf` or the actor). */
function parseItem(item: unknown, index: number): { event?: ImportedEvent; errors: FieldError[] } {
  const at = `history[${index}]`;
  if (!isObject(item)) return { errors: [{ field: at, messages: [`${at} must be an object with a type field`] }] };
  const { actor: actorValue, ...body } = item;
  const { actor, errors } = parseActor(actorValue, `${at}.actor`);
  if (isSignOffEvent(body.type as never) && body.onBehalfOf === undefined) {
    const agency = actor?.agency;
    if (agency && (AGENCIES as readonly string[]).includes(agency)) body.onBehalfOf = agency as Agency;
    else if (!errors.length) {
      errors.push({
        field: `${at}.onBehalfOf`,
        messages: ['onBehalfOf is required on a sign-off (or actor.agency): the agency whose delegated partner signed'],
      });
    }
  }
  if (isSignOffEvent(body.type as never) && body.delegationReason === undefined) {
    body.delegationReason = IMPORTED_SIGN_OFF_REASON;
  }
  let parsed: ParsedCaseEvent;
  try {
    parsed = parseCaseEvent(body);
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return { errors: [...errors, ...error.fields.map((f) => ({ ...f, field: `${at}.${f.field}` }))] };
  }
  const occurredOn = actDateOf(parsed.type, parsed.payload, parsed.envelope, '');
  if (occurredOn === '') {
    errors.push({ field: `${at}.occurredOn`, messages: ['occurredOn is required: the day it happened'] });
  }
  if (errors.length) return { errors };
  return { event: { index, parsed, occurredOn, ...(actor ? { actor } : {}) }, errors };
}

/**
 * Validates an import: the opening fields as `POST /cases` does, and each event of `history` as the events route
 * does (fields named `history[3].heldOn`), with its date. Every problem is listed at once.
 *
 * @throws ValidationFailedError listing every bad field.
 */
export function parseImport(body: unknown): ParsedImport {
  if (!isObject(body)) {
    throw validationFailed([{ field: 'body', messages: ['body must be a JSON object with the case and its history'] }]);
  }
  const { history, ...openingBody } = body;
  const errors: FieldError[] = [];
  let opening: OpenCaseDto | undefined;
  try {
    opening = validatePlain(OpenCaseDto, openingBody);
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    errors.push(...error.fields);
  }
  const events: ImportedEvent[] = [];
  if (!Array.isArray(history)) {
    errors.push({ field: 'history', messages: ['history is required: a list of the events so far (may be empty)'] });
  } else if (history.length > MAX_IMPORTED_EVENTS) {
    errors.push({ field: 'history', messages: [`history must hold at most ${MAX_IMPORTED_EVENTS} events`] });
  } else {
    history.forEach((item, index) => {
      const { event, errors: itemErrors } = parseItem(item, index);
      if (event) events.push(event);
      errors.push(...itemErrors);
    });
  }
  if (errors.length || !opening) throw validationFailed(errors);
  return { opening, history: events };
}
