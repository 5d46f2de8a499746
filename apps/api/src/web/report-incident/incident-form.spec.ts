import { OpenCaseDto } from '@app/cases';
import {
  CHECK_ANSWERS_PATH,
  completeReport,
  nextPath,
  saveStep,
  stepErrors,
  stepForm,
  type IncidentDraft,
} from './incident-form';

/** The first page filled in as a person would: a valid incident with `children` children. */
const INCIDENT_PAGE = (children = '1'): IncidentDraft => ({
  'laAwareOn-day': '2',
  'laAwareOn-month': '3',
  'laAwareOn-year': '2026',
  'incidentOn-day': '27',
  'incidentOn-month': 'Feb',
  'incidentOn-year': '2026',
  incidentType: 'serious-harm',
  abuseOrNeglect: 'suspected',
  summary: '  A serious injury at home.  ',
  childCount: children,
});

const CHILDREN_PAGE: IncidentDraft = {
  lookedAfter: 'no',
  'children-0-ageYears': '4',
  'children-0-sex': 'female',
  'children-0-ethnicity': '',
  'children-1-ageYears': '7',
  'children-1-sex': 'male',
  'children-1-disability': 'None known',
};

const fieldsOf = (form: ReturnType<typeof stepForm>) => [
  ...form.fields,
  ...(form.children ?? []).flatMap((c) => c.fields),
];

describe('reporting an incident', () => {
  it('asks the incident from the declarations of OpenCaseDto, with the number of children last', () => {
    const form = stepForm('incident', {});
    expect(form.fields.map((f) => [f.name, f.macro])).toEqual([
      ['laAwareOn', 'govukDateInput'],
      ['incidentOn', 'govukDateInput'],
      ['incidentType', 'govukRadios'],
      ['abuseOrNeglect', 'govukRadios'],
      ['summary', 'govukCharacterCount'],
      ['childCount', 'govukRadios'],
    ]);
    expect(form.fields[4].params).toMatchObject({
      label: { text: 'Summary of the incident' },
      hint: { text: expect.stringContaining("Do not include the child's name") },
      maxlength: 5000,
    });
  });

  it('asks about as many children as the first page says, each question told apart for a screen reader', () => {
    const form = stepForm('children', { childCount: '2' });
    expect(form.fields.map((f) => f.name)).toEqual(['lookedAfter']);
    expect(form.children!.map((c) => [c.heading, c.id])).toEqual([
      ['Child 1', 'child-0'],
      ['Child 2', 'child-1'],
    ]);
    const age = form.children![1].fields[0];
    expect(age).toMatchObject({ name: 'children-1-ageYears', macro: 'govukInput' });
    expect(age.params).toMatchObject({
      id: 'children-1-ageYears',
      name: 'children-1-ageYears',
      inputmode: 'numeric',
      label: { html: 'Age<span class="govuk-visually-hidden"> of child 2</span>' },
    });
    expect(form.children![1].fields[1].params).toMatchObject({
      idPrefix: 'children-1-sex',
      fieldset: { legend: { html: 'Sex<span class="govuk-visually-hidden"> of child 2</span>' } },
    });
    expect(stepForm('children', { childCount: '1' }).children![0].heading).toBe('The child');
  });

  it('keeps what was typed, drops children no longer asked about, and ignores other names', () => {
    let draft = saveStep({}, 'incident', { ...INCIDENT_PAGE('2'), _csrf: 't', extra: 'x' });
    draft = saveStep(draft, 'children', CHILDREN_PAGE);
    expect(draft).toEqual({ ...INCIDENT_PAGE('2'), ...CHILDREN_PAGE });
    const fewer = saveStep(draft, 'incident', { ...INCIDENT_PAGE('1') });
    expect(Object.keys(fewer).filter((k) => k.startsWith('children-1-'))).toEqual([]);
    expect(fewer['children-0-ageYears']).toBe('4');
  });

  it('builds the API body and validates it with OpenCaseDto, trimmed as the API trims', () => {
    const report = completeReport({ ...INCIDENT_PAGE('2'), ...CHILDREN_PAGE });
    expect('body' in report && report.body).toBeInstanceOf(OpenCaseDto);
    expect({ ...(report as { body: OpenCaseDto }).body }).toEqual({
      laAwareOn: '2026-03-02',
      incidentOn: '2026-02-27',
      incidentType: 'serious-harm',
      abuseOrNeglect: 'suspected',
      lookedAfter: false,
      summary: 'A serious injury at home.',
      children: [
        expect.objectContaining({ ageYears: 4, sex: 'female' }),
        expect.objectContaining({ ageYears: 7, sex: 'male', disability: 'None known' }),
      ],
    });
  });

  it("gives the API's rule between two dates in GOV.UK words, at the date at fault", () => {
    const draft = { ...INCIDENT_PAGE(), 'incidentOn-day': '3', 'incidentOn-month': '3' };
    expect(stepErrors('incident', draft)).toEqual({
      incidentOn: {
        text: 'Date of the incident must be the same as or before the date the local authority became aware of the incident',
        href: '#incidentOn-day',
      },
    });
  });

  it('lists every problem of a page in its order: a date missing a part, then the rest', () => {
    const errors = stepErrors('incident', {
      'laAwareOn-day': '2',
      'laAwareOn-year': '2026',
      summary: 'x'.repeat(5001),
    });
    expect(Object.entries(errors).map(([name, e]) => [name, e.text, e.href])).toEqual([
      ['laAwareOn', 'Date the local authority became aware of the incident must include a month', '#laAwareOn-month'],
      ['incidentOn', 'Enter date of the incident', '#incidentOn-day'],
      ['incidentType', 'Select what the incident was', '#incidentType'],
      ['abuseOrNeglect', 'Select whether abuse or neglect is known or suspected', '#abuseOrNeglect'],
      ['summary', 'Summary of the incident must be 5000 characters or fewer', '#summary'],
      ['childCount', 'Select how many children were involved', '#childCount'],
    ]);
  });

  it("names the child at fault in each message about the children, with the API's rules", () => {
    const draft = {
      ...INCIDENT_PAGE('2'),
      'children-0-ageYears': '18',
      'children-1-ageYears': '',
      'children-1-sex': 'other',
    };
    expect(Object.values(stepErrors('children', draft)).map((e) => [e.text, e.href])).toEqual([
      ['Select yes if any of the children was looked after by the local authority', '#lookedAfter'],
      ['Age of child 1 must be a whole number from 0 to 17', '#children-0-ageYears'],
      ['Select sex of child 1', '#children-0-sex'],
      ['Enter age of child 2', '#children-1-ageYears'],
      ['Select sex of child 2', '#children-1-sex'],
    ]);
    expect(stepErrors('children', { ...INCIDENT_PAGE('1') })['children-0-ageYears'].text).toBe(
      'Enter age of the child',
    );
  });

  it('goes on to the first page still to complete, then to check your answers', () => {
    expect(nextPath({})).toBe('/report-incident');
    expect(nextPath(INCIDENT_PAGE('2'))).toBe('/report-incident/children');
    expect(nextPath({ ...INCIDENT_PAGE('2'), ...CHILDREN_PAGE })).toBe(CHECK_ANSWERS_PATH);
    // One more child asked for after the answers were checked: that child's questions come next.
    expect(nextPath({ ...INCIDENT_PAGE('3'), ...CHILDREN_PAGE })).toBe('/report-incident/children');
  });

  it('shows each error at its field with what was typed', () => {
    const draft = { ...INCIDENT_PAGE(), 'incidentOn-day': '3', 'incidentOn-month': '3' };
    const fields = fieldsOf(stepForm('incident', draft, stepErrors('incident', draft)));
    expect(fields.find((f) => f.name === 'incidentOn')!.params).toMatchObject({
      errorMessage: { text: expect.stringContaining('Date of the incident must be') },
      items: [
        { name: 'day', value: '3' },
        { name: 'month', value: '3' },
        { name: 'year', value: '2026' },
      ],
    });
    expect(fields.find((f) => f.name === 'summary')!.params.value).toBe('  A serious injury at home.  ');
  });
});
