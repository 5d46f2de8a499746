import { OpenCaseDto } from '@app/cases';
import { incidentAnswers } from './incident-answers';

const PATHS = { incident: '/report-incident', children: '/report-incident/children' };

const report = (overrides: Partial<OpenCaseDto> = {}): OpenCaseDto =>
  Object.assign(new OpenCaseDto(), {
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
      ['Date the local authority became aware of the incident', '2 March 2026'],
      ['Date of the incident', '27 February 2026'],
      ['What was the incident?', 'Death'],
      ['Is abuse or neglect known or suspected?', 'Known'],
      ['Summary of the incident', 'First line<br>second &lt;line&gt;'],
    ]);
    expect(incident.rows[1].actions).toEqual({
      items: [{ href: '/report-incident#incidentOn-day', text: 'Change', visuallyHiddenText: 'date of the incident' }],
    });
    expect(incident.rows[2].actions!.items[0].href).toBe('/report-incident#incidentType');
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
      ['Disability', 'Not given'],
    ]);
    expect(children[1].rows[0].actions!.items[0]).toEqual({
      href: '/report-incident/children#children-1-ageYears',
      text: 'Change',
      visuallyHiddenText: 'age of child 2',
    });
    expect(children[1].rows[1].actions!.items[0].href).toBe('/report-incident/children#children-1-sex');
    expect(text(children[1].rows[2].value)).toBe('Mixed');
  });

  it('calls a single child "the child"', () => {
    const { children } = incidentAnswers(report({ children: [{ ageYears: 0, sex: 'male' }] }), PATHS);
    expect(children[0].card!.title.text).toBe('The child');
    expect(children[0].rows[0].actions!.items[0].visuallyHiddenText).toBe('age of the child');
  });
});
