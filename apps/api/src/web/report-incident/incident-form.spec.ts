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
  nature: 'serious-incident',
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

/** The third page as saved: one answer given, the rest left blank. */
const CIRCUMSTANCES_PAGE: IncidentDraft = saveStep({ childCount: '1' }, 'circumstances', {
  localAuthorityOfIncident: 'Southshire Council',
  localAuthorityOfResidence: '',
});
delete CIRCUMSTANCES_PAGE.childCount;

const fieldsOf = (form: ReturnType<typeof stepForm>) => [
  ...form.fields,
  ...(form.children ?? []).flatMap((c) => c.fields),
];

describe('reporting an incident', () => {
  it('asks the incident from the declarations of OpenCaseDto, with the number of children last', () => {
    const form = stepForm('incident', {});
    expect(form.fields.map((f) => [f.name, f.macro])).toEqual([
      ['nature', 'govukRadios'],
      ['laAwareOn', 'govukDateInput'],
      ['incidentOn', 'govukDateInput'],
      ['incidentType', 'govukRadios'],
      ['abuseOrNeglect', 'govukRadios'],
      ['summary', 'govukCharacterCount'],
      ['childCount', 'govukRadios'],
    ]);
    expect(form.fields[5].params).toMatchObject({
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
    const report = completeReport({ ...INCIDENT_PAGE('2'), ...CHILDREN_PAGE, ...CIRCUMSTANCES_PAGE });
    expect('body' in report && report.body).toBeInstanceOf(OpenCaseDto);
    expect({ ...(report as { body: OpenCaseDto }).body }).toEqual({
      nature: 'serious-incident',
      localAuthorityOfIncident: 'Southshire Council',
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
      nature: 'serious-incident',
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
    // The page of optional questions is asked once, then check your answers.
    expect(nextPath({ ...INCIDENT_PAGE('2'), ...CHILDREN_PAGE })).toBe('/report-incident/circumstances');
    expect(nextPath({ ...INCIDENT_PAGE('2'), ...CHILDREN_PAGE, ...CIRCUMSTANCES_PAGE })).toBe(CHECK_ANSWERS_PATH);
    // One more child asked for after the answers were checked: that child's questions come next.
    expect(nextPath({ ...INCIDENT_PAGE('3'), ...CHILDREN_PAGE, ...CIRCUMSTANCES_PAGE })).toBe(
      '/report-incident/children',
    );
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

  it('asks what is notified first, required on the page though the API defaults it', () => {
    const { nature: _nature, ...rest } = INCIDENT_PAGE();
    expect(stepErrors('incident', rest).nature).toEqual({ text: 'Select what you are notifying', href: '#nature' });
    const options = stepForm('incident', {}).fields[0].params.items as { value: string; text: string }[];
    expect(options.map((o) => o.value)).toEqual(['serious-incident', 'looked-after-death', 'care-leaver-death']);
  });

  it("words the API's rules between the notification's fields for the page, at the field at fault", () => {
    const errors = stepErrors('incident', { ...INCIDENT_PAGE(), abuseOrNeglect: 'not-suspected' });
    expect(errors.abuseOrNeglect).toEqual({
      text: 'Select known or suspected: a serious incident is one where abuse or neglect is known or suspected',
      href: '#abuseOrNeglect',
    });
    const death = { ...INCIDENT_PAGE(), nature: 'looked-after-death', abuseOrNeglect: 'not-suspected' };
    expect(stepErrors('incident', death).incidentType!.text).toBe(
      "Select death: a looked-after child's or a care leaver's death is a death",
    );
    const notLookedAfter = { ...death, incidentType: 'death', ...CHILDREN_PAGE };
    expect(stepErrors('children', notLookedAfter).lookedAfter!.text).toBe(
      'Select yes: you are notifying the death of a looked-after child, so a child was looked after',
    );
  });

  it("asks each child's ethnicity and disability as the DfE's categories, and the agencies a new case has", () => {
    const form = stepForm('children', { childCount: '1' });
    const field = (name: string) => form.children![0].fields.find((f) => f.name === `children-0-${name}`)!;
    expect(field('ethnicity').macro).toBe('govukRadios');
    expect((field('ethnicity').params.items as { value: string }[]).map((i) => i.value)).toContain('WBRI');
    expect((field('disability').params.items as { value: string }[]).map((i) => i.value)).toEqual([
      'disabled',
      'not-disabled',
      'disability-not-known',
    ]);
    expect(field('plans').macro).toBe('govukCheckboxes');
    expect((field('knownToAgencies').params.items as { value: string }[]).map((i) => i.value)).toContain('education');
  });

  it('keeps several ticked boxes and sends them as a list', () => {
    const draft = saveStep({ ...INCIDENT_PAGE('1') }, 'children', {
      lookedAfter: 'yes',
      'children-0-ageYears': '15',
      'children-0-sex': 'male',
      'children-0-plans': ['looked-after', 'child-protection-plan'],
      'children-0-knownToAgencies': 'police',
    });
    expect(draft['children-0-plans']).toEqual(['looked-after', 'child-protection-plan']);
    const withCircumstances = saveStep(draft, 'circumstances', { harmCategories: ['neglect', 'physical-abuse'] });
    const report = completeReport(withCircumstances);
    expect('body' in report && report.body.children[0]).toMatchObject({
      plans: ['looked-after', 'child-protection-plan'],
      knownToAgencies: ['police'],
    });
    expect('body' in report && report.body.harmCategories).toEqual(['neglect', 'physical-abuse']);
  });
});
