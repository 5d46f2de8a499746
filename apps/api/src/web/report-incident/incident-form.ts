/**
 * Reporting a serious incident: the notification of `POST /cases` asked over two pages (the incident, then the
 * children, as many as the first page says), from the field declarations of `OpenCaseDto` and `ChildDto`, and judged
 * by the same class with the same rules as the API (`validatePlain`), its messages told the GOV.UK way.
 *
 * What was typed is kept as typed (strings, by input name) in the server-side session between the pages and the
 * check-your-answers page: never in a URL or a hidden field.
 */
import {
  ChildDto,
  DISABILITY_ANSWERS,
  ETHNICITY_CODES,
  formFieldsOf,
  MAX_CHILDREN,
  MIN_CHILDREN,
  NOTIFICATION_PROBLEMS,
  OpenCaseDto,
  optionLabel,
  validatePlain,
} from '@app/cases';
import { ValidationFailedError, type FieldError } from '@app/common';
import { DEFAULT_RELEVANT_AGENCIES } from '@app/workflows';
import {
  DATE_PARTS,
  fieldErrorsFrom,
  formFieldModel,
  readFormFields,
  type EventFormField,
  type FormErrors,
  type FormField,
} from '../forms';

/** What was typed so far, by input name (`laAwareOn-day`, `children-1-sex`); the boxes ticked as a list. */
export type IncidentDraft = Record<string, string | string[]>;

/** Issue 12 item 2: `circumstances` asks the local authorities, the categories of harm and the contributing factors. */
export type IncidentStep = 'incident' | 'children' | 'circumstances';
export const INCIDENT_STEPS: readonly IncidentStep[] = ['incident', 'children', 'circumstances'];

export const STEP_PATHS: Record<IncidentStep, string> = {
  incident: '/report-incident',
  children: '/report-incident/children',
  circumstances: '/report-incident/circumstances',
};

/** A page whose questions are all optional is complete once it has been answered (this marks it so in the draft). */
const SEEN = 'circumstances-seen';
export const CHECK_ANSWERS_PATH = '/report-incident/check-answers';

const OPEN_CASE_FIELDS = formFieldsOf(OpenCaseDto);
const CHILD_FIELDS = formFieldsOf(ChildDto);

function openCaseField(name: keyof OpenCaseDto): FormField {
  const field = OPEN_CASE_FIELDS.find((f) => f.name === name);
  if (!field) throw new Error(`OpenCaseDto declares no form field ${name}`);
  return field;
}

/** Not a field of the API's body (it is the length of `children`): the page asks it to know how many to ask about. */
export const CHILD_COUNT_FIELD: FormField = {
  name: 'childCount',
  kind: 'choice',
  label: 'How many children were involved?',
  errorIfMissing: 'Select how many children were involved',
  optional: false,
  options: Array.from({ length: MAX_CHILDREN - MIN_CHILDREN + 1 }, (_, i) => ({
    value: String(MIN_CHILDREN + i),
    text: String(MIN_CHILDREN + i),
  })),
};

/** Issue 12 item 2: the nature of the notification, asked first; required on the page (the API defaults it). */
export const NATURE_FIELD: FormField = { ...openCaseField('nature'), optional: false };

const INCIDENT_FIELDS = [
  NATURE_FIELD,
  ...(['laAwareOn', 'incidentOn', 'incidentType', 'abuseOrNeglect', 'summary'] as const).map(openCaseField),
];
const LOOKED_AFTER_FIELD = openCaseField('lookedAfter');
const CIRCUMSTANCES_FIELDS = (
  ['localAuthorityOfResidence', 'localAuthorityOfIncident', 'harmCategories', 'contributingFactors'] as const
).map(openCaseField);

/** The relevant agencies a new case takes, offered as the agencies a child was known to. */
export const AGENCY_OPTIONS = DEFAULT_RELEVANT_AGENCIES.map((agency) => ({ value: agency.key, text: agency.name }));

/**
 * A child's questions on the page: `ChildDto`'s, but ethnicity and disability offered as the DfE's categories (the
 * API keeps accepting free text from its first clients), and the type of disability left to the case page.
 */
export const PAGE_CHILD_FIELDS: readonly FormField[] = CHILD_FIELDS.filter((f) => f.name !== 'disabilityTypes').map(
  (f) => {
    const choices = (values: readonly string[]) => values.map((value) => ({ value, text: optionLabel(value) }));
    if (f.name === 'ethnicity') return { ...f, kind: 'choice', hint: undefined, options: choices(ETHNICITY_CODES) };
    if (f.name === 'disability') {
      return { ...f, kind: 'choice', label: 'Does the child have a disability?', options: choices(DISABILITY_ANSWERS) };
    }
    return f;
  },
);

/** The API's rules between fields, in the words of the page. */
const PAGE_WORDS: Record<string, string> = {
  [NOTIFICATION_PROBLEMS.notSuspectedOnlyForDeaths]:
    'Select known or suspected: a serious incident is one where abuse or neglect is known or suspected',
  [NOTIFICATION_PROBLEMS.deathOnly]: "Select death: a looked-after child's or a care leaver's death is a death",
  [NOTIFICATION_PROBLEMS.lookedAfterForItsDeath]:
    'Select yes: you are notifying the death of a looked-after child, so a child was looked after',
};

/** How the pages name a child: "the child" when there is one, "child 2" among several. */
export function childName(index: number, of: number): string {
  return of === 1 ? 'the child' : `child ${index + 1}`;
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The fields of child `index` (from 0): `ChildDto`'s, named `children-<index>-<field>`, labelled "Age of child 2". */
export function childFields(index: number, of: number): FormField[] {
  return PAGE_CHILD_FIELDS.map((f) => ({
    ...f,
    name: `children-${index}-${f.name}`,
    label: `${f.label} of ${childName(index, of)}`,
  }));
}

/** The number of children the first page says, or undefined when it says none that is allowed. */
export function childCountOf(draft: IncidentDraft): number | undefined {
  const typed = draft[CHILD_COUNT_FIELD.name];
  return CHILD_COUNT_FIELD.options!.some((o) => o.value === typed) ? Number(typed) : undefined;
}

/** The fields a step asks, in the order of its page. */
export function stepFields(step: IncidentStep, draft: IncidentDraft): FormField[] {
  if (step === 'incident') return [...INCIDENT_FIELDS, CHILD_COUNT_FIELD];
  if (step === 'circumstances') return CIRCUMSTANCES_FIELDS;
  const count = childCountOf(draft) ?? 0;
  return [LOOKED_AFTER_FIELD, ...Array.from({ length: count }, (_, i) => childFields(i, count)).flat()];
}

function inputNames(field: FormField): string[] {
  return field.kind === 'date' ? DATE_PARTS.map((part) => `${field.name}-${part}`) : [field.name];
}

/**
 * The draft after a step's form is submitted: that step's inputs as typed (other names ignored), the other steps'
 * kept. Children beyond the number now asked for are dropped: nothing is kept that will not be sent.
 */
export function saveStep(
  draft: IncidentDraft,
  step: IncidentStep,
  formBody: Readonly<Record<string, unknown>>,
): IncidentDraft {
  const saved: IncidentDraft = { ...draft };
  for (const field of stepFields(step, draft)) {
    for (const name of inputNames(field)) {
      const value = formBody[name];
      const ticked = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
      if (typeof value === 'string') saved[name] = value;
      else if (ticked.length > 0) saved[name] = ticked;
      else delete saved[name];
    }
  }
  if (step === 'circumstances') saved[SEEN] = 'yes';
  const count = childCountOf(saved) ?? 0;
  for (const name of Object.keys(saved)) {
    const child = /^children-(\d+)-/.exec(name);
    if (child && Number(child[1]) >= count) delete saved[name];
  }
  return saved;
}

/** The API's body from the whole draft, and what the form alone can tell is wrong (a date missing a part). */
function readDraft(draft: IncidentDraft): { body: Record<string, unknown>; partErrors: FormErrors } {
  const incident = readFormFields([...INCIDENT_FIELDS, LOOKED_AFTER_FIELD, ...CIRCUMSTANCES_FIELDS], draft);
  const body: Record<string, unknown> = { ...incident.values };
  const partErrors: FormErrors = { ...incident.errors };
  const count = childCountOf(draft);
  if (count !== undefined) {
    body.children = Array.from({ length: count }, (_, index) => {
      const child = readFormFields(childFields(index, count), draft);
      Object.assign(partErrors, child.errors);
      const prefix = `children-${index}-`;
      return Object.fromEntries(
        Object.entries(child.values).map(([name, value]) => [name.slice(prefix.length), value]),
      );
    });
  }
  return { body, partErrors };
}

/** The API's details renamed after the page's inputs: `children.1.sex` ("sex is required") -> `children-1-sex`. */
function asPageDetails(details: readonly FieldError[]): FieldError[] {
  return details.map((detail) => {
    const leaf = detail.field.split('.').pop()!;
    const field = detail.field.replace(/\./g, '-');
    const messages = detail.messages.map((m) =>
      m.startsWith(`${leaf} `) ? `${field} ${m.slice(leaf.length + 1)}` : m,
    );
    return { field, messages };
  });
}

function apiDetails(body: Record<string, unknown>): FieldError[] {
  try {
    validatePlain(OpenCaseDto, body);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return asPageDetails(error.fields);
  }
}

/**
 * What is wrong with a step of the draft, in the order of its page, each error linking to its input: the date parts
 * the form could not read, then the API's own messages for the rest (the whole body is judged, so a rule between two
 * fields of the page, such as the incident not after the day the local authority became aware, is judged too).
 */
export function stepErrors(step: IncidentStep, draft: IncidentDraft): FormErrors {
  const fields = stepFields(step, draft);
  const { body, partErrors } = readDraft(draft);
  const names = new Set(fields.map((f) => f.name));
  const details = apiDetails(body).filter((d) => names.has(d.field) && !(d.field in partErrors));
  const fromApi = fieldErrorsFrom(fields, details);
  for (const detail of details) {
    const message = detail.messages[0] ?? '';
    const problem = message.startsWith(`${detail.field} `) ? message.slice(detail.field.length + 1) : undefined;
    if (problem && PAGE_WORDS[problem] && fromApi[detail.field]) {
      fromApi[detail.field] = { ...fromApi[detail.field], text: PAGE_WORDS[problem] };
    }
  }
  const errors: FormErrors = {};
  for (const field of fields) {
    const error = partErrors[field.name] ?? fromApi[field.name];
    if (error) errors[field.name] = error;
    else if (field === CHILD_COUNT_FIELD && childCountOf(draft) === undefined) {
      errors[field.name] = { text: CHILD_COUNT_FIELD.errorIfMissing!, href: `#${field.name}` };
    } else if (field === NATURE_FIELD && !draft[NATURE_FIELD.name]) {
      errors[field.name] = { text: NATURE_FIELD.errorIfMissing!, href: `#${field.name}` };
    }
  }
  return errors;
}

/** Whether a step is complete: no errors, and a page of optional questions answered once. */
function stepIncomplete(step: IncidentStep, draft: IncidentDraft): boolean {
  if (step === 'circumstances' && draft[SEEN] !== 'yes') return true;
  return Object.keys(stepErrors(step, draft)).length > 0;
}

/** The report ready to save (the API's body, validated), or the first step still to complete. */
export function completeReport(draft: IncidentDraft): { body: OpenCaseDto } | { step: IncidentStep } {
  for (const step of INCIDENT_STEPS) {
    if (stepIncomplete(step, draft)) return { step };
  }
  return { body: validatePlain(OpenCaseDto, readDraft(draft).body) };
}

/** Where to go after a step is saved: the first step still to complete, or the check-your-answers page. */
export function nextPath(draft: IncidentDraft): string {
  const report = completeReport(draft);
  return 'step' in report ? STEP_PATHS[report.step] : CHECK_ANSWERS_PATH;
}

export interface ChildGroup {
  /** The `<h2>` above the child's questions, and the id it carries (a Change link lands there). */
  heading: string;
  id: string;
  fields: EventFormField[];
}

export interface IncidentStepForm {
  fields: EventFormField[];
  /** The children page: one group of questions per child. */
  children?: ChildGroup[];
}

/**
 * A child's question shows its short label ("Age"); "of child 2" is there for a screen reader, so that every
 * question can be told apart out of context. Error messages use the full label.
 */
function withShortLabel(model: EventFormField, short: string, of: string): EventFormField {
  const html = `${short}<span class="govuk-visually-hidden"> of ${of}</span>`;
  const params = { ...model.params };
  if (params.label) params.label = { ...(params.label as object), html };
  if (params.fieldset) {
    const legend = (params.fieldset as { legend: object }).legend;
    params.fieldset = { legend: { ...legend, html } };
  }
  return { ...model, params };
}

/** The GOV.UK macros of a step's page, with what was typed and the errors at their fields. */
export function stepForm(step: IncidentStep, draft: IncidentDraft, errors: FormErrors = {}): IncidentStepForm {
  if (step === 'incident') {
    const fields = stepFields(step, draft).map((f) => formFieldModel(f, draft, errors));
    const count = fields.find((f) => f.name === CHILD_COUNT_FIELD.name)!;
    count.params = { ...count.params, classes: 'govuk-radios--inline' };
    return { fields };
  }
  if (step === 'circumstances') return { fields: CIRCUMSTANCES_FIELDS.map((f) => formFieldModel(f, draft, errors)) };
  const count = childCountOf(draft) ?? 0;
  return {
    fields: [formFieldModel(LOOKED_AFTER_FIELD, draft, errors)],
    children: Array.from({ length: count }, (_, index) => ({
      heading: capitalised(childName(index, count)),
      id: `child-${index}`,
      fields: childFields(index, count).map((field, i) => {
        const own = PAGE_CHILD_FIELDS[i];
        const short = own.optional ? `${own.label} (optional)` : own.label;
        const model = formFieldModel(field, draft, errors, '', AGENCY_OPTIONS);
        return withShortLabel(model, short, childName(index, count));
      }),
    })),
  };
}
