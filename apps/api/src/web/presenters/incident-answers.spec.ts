import { OpenCaseDto } from '@app/cases';
import { incidentAnswers } from './incident-answers';

const PATHS = {
  incident: '/report-incident',
  children: '/report-incident/children',
  circumstances: '/report-incident/circumstances',
};

const report = (overrides: Partial<OpenCaseDto> = {}): OpenCaseDto =>
  Object.assign(new OpenCaseDto(), {
    nature: 'looked-after-death',
    laAwareOn: '2026-03-02',
    incidentOn: '2026-02-27',
    incidentType: 'death',
    abuseOrNeglect: 'known',
    lookedAfter: true,
    summary: 'First line\nsecond <line>',
    children: [
      { ageYears: 1, sex: 'unknown' },
      { ageYears: 12, sex: 'female', ethnicity: 'Mixed', disability: 'Autism' },
    ],
    ...overrides,
  });

const text = (value: { text: string } | { html: string }) => ('text' in value ? value.text : value.html);

describe('the answers of a reported incident', () => {
  it('writes each answer the way it was asked, with a Change link to its question', () => {
    const { incident } = incidentAnswers(report(), PATHS);
    expect(incident.rows.map((r) => [r.key.text, text(r.value)])).toEqual([
      ['What are you notifying?', 'The death of a looked-after child'],
      ['Date the local authority became aware of the incident', '2 March 2026'],
      ['Date of the incident', '27 February 2026'],
      ['What was the incident?', 'Death'],
      ['Is abuse or neglect known or suspected?', 'Known'],
      ['Summary of the incident', 'First line<br>second &lt;line&gt;'],
    ]);
    expect(incident.rows[0].actions!.items[0]).toMatchObject({ href: '/report-incident#nature' });
    expect(incident.rows[2].actions).toEqual({
      items: [{ href: '/report-incident#incidentOn-day', text: 'Change', visuallyHiddenText: 'date of the incident' }],
    });
    expect(incident.rows[3].actions!.items[0].href).toBe('/report-incident#incidentType');
  });

  it('says how many children and whether any was looked after, each changed where it was asked', () => {
    const { aboutChildren } = incidentAnswers(report(), PATHS);
    expect(aboutChildren.rows.map((r) => [r.key.text, text(r.value), r.actions!.items[0].href])).toEqual([
      ['Number of children', '2', '/report-incident#childCount'],
      ['Was any of the children looked after by the local authority?', 'Yes', '/report-incident/children#lookedAfter'],
    ]);
  });

  it('gives each child a card, with what was not given said so, and Change links naming the child', () => {
    const { children } = incidentAnswers(report(), PATHS);
    expect(children.map((c) => c.card!.title.text)).toEqual(['Child 1', 'Child 2']);
    expect(children[0].rows.map((r) => [r.key.text, text(r.value)])).toEqual([
      ['Age', '1 year'],
      ['Sex', 'Not known'],
      ['Ethnicity', 'Not given'],
      ['Does the child have a disability?', 'Not given'],
      ['Plans in place at the time of the incident', 'Not given'],
      ['Placement', 'Not given'],
      ['Agencies the child was known to', 'Not given'],
    ]);
    expect(children[1].rows[0].actions!.items[0]).toEqual({
      href: '/report-incident/children#children-1-ageYears',
      text: 'Change',
      visuallyHiddenText: 'age of child 2',
    });
    expect(children[1].rows[1].actions!.items[0].href).toBe('/report-incident/children#children-1-sex');
    expect(text(children[1].rows[2].value)).toBe('Mixed');
  });

  it("names the Panel's fields in words: the DfE's categories, plans, placement and agencies (issue 12 item 2)", () => {
    const child = {
      ageYears: 15,
      sex: 'male',
      ethnicity: 'BAFR',
      disability: 'disabled',
      plans: ['looked-after', 'child-protection-plan'],
      placementType: 'foster-placement',
      knownToAgencies: ['police', 'education'],
    };
    const { children, circumstances } = incidentAnswers(
      report({
        children: [child] as never,
        localAuthorityOfIncident: 'Southshire Council',
        harmCategories: ['neglect'],
        contributingFactors: ['domestic-abuse', 'online-harm'],
      }),
      PATHS,
    );
    expect(children[0].rows.slice(2).map((r) => [r.key.text, text(r.value)])).toEqual([
      ['Ethnicity', 'Black African'],
      ['Does the child have a disability?', 'Yes'],
      ['Plans in place at the time of the incident', 'Looked after by the local authority, Child protection plan'],
      ['Placement', 'Foster placement'],
      ['Agencies the child was known to', 'Police, Schools and education'],
    ]);
    expect(circumstances.rows.map((r) => [r.key.text, text(r.value), r.actions!.items[0].href])).toEqual([
      [
        'Local authority where the child lived',
        'Not given',
        '/report-incident/circumstances#localAuthorityOfResidence',
      ],
      [
        'Local authority where the incident happened',
        'Southshire Council',
        '/report-incident/circumstances#localAuthorityOfIncident',
      ],
      ['Categories of harm', 'Neglect', '/report-incident/circumstances#harmCategories'],
      ['Contributing factors', 'Domestic abuse, Online harm', '/report-incident/circumstances#contributingFactors'],
    ]);
  });

  it('calls a single child "the child"', () => {
    const { children } = incidentAnswers(report({ children: [{ ageYears: 0, sex: 'male' }] }), PATHS);
    expect(children[0].card!.title.text).toBe('The child');
    expect(children[0].rows[0].actions!.items[0].visuallyHiddenText).toBe('age of the child');
  });
});
