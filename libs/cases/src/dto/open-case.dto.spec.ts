import { ValidationFailedError } from '@app/common';
import { OpenCaseDto } from './open-case.dto';
import { validatePlain } from './validate-plain';

const child = { ageYears: 3, sex: 'female', ethnicity: 'White British', disability: 'None known' };
const valid = {
  laAwareOn: '2026-03-02',
  incidentOn: '2026-02-27',
  incidentType: 'serious-harm',
  abuseOrNeglect: 'suspected',
  lookedAfter: false,
  children: [child],
  summary: 'Admitted to hospital with unexplained injuries.',
};

function refusal(body: Record<string, unknown>): ValidationFailedError {
  try {
    validatePlain(OpenCaseDto, body);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return error as ValidationFailedError;
  }
  throw new Error(`expected ${JSON.stringify(body)} to be refused`);
}
const fieldsOf = (error: ValidationFailedError): string[] => error.fields.map((f) => f.field);
const messagesFor = (error: ValidationFailedError, field: string): string[] =>
  error.fields.filter((f) => f.field === field).flatMap((f) => f.messages);

describe('OpenCaseDto', () => {
  it('accepts a valid serious incident', () => {
    const dto = validatePlain(OpenCaseDto, valid);
    expect(dto).toBeInstanceOf(OpenCaseDto);
    expect(dto).toMatchObject(valid);
  });

  it('accepts a child with only age and sex, and an unborn child as age 0 of unknown sex', () => {
    expect(() =>
      validatePlain(OpenCaseDto, {
        ...valid,
        children: [
          { ageYears: 0, sex: 'unknown' },
          { ageYears: 17, sex: 'male' },
        ],
      }),
    ).not.toThrow();
  });

  it('accepts up to four children', () => {
    expect(() => validatePlain(OpenCaseDto, { ...valid, children: [child, child, child, child] })).not.toThrow();
  });

  it.each([
    ['no children', []],
    ['five children', [child, child, child, child, child]],
    ['children as an object', child],
    ['children in a list inside the list', [[child]]],
    ['an empty list as the only child', [[]]],
  ])('refuses %s', (_label, children) => {
    const error = refusal({ ...valid, children });
    expect(fieldsOf(error)).toContain('children');
    expect(messagesFor(error, 'children')).toContain('children must be a list of 1 to 4 children');
  });

  it('refuses a child with a name, naming children.0.name', () => {
    const error = refusal({ ...valid, children: [{ ...child, name: 'Alex' }] });
    expect(fieldsOf(error)).toEqual(['children.0.name']);
    expect(messagesFor(error, 'children.0.name')).toEqual(['children.0.name is not a known field']);
  });

  it('refuses a name at the top level', () => {
    expect(fieldsOf(refusal({ ...valid, childName: 'Alex' }))).toEqual(['childName']);
  });

  it('refuses an incident after the local authority became aware of it, on incidentOn', () => {
    const error = refusal({ ...valid, incidentOn: '2026-03-03' });
    expect(fieldsOf(error)).toEqual(['incidentOn']);
    expect(messagesFor(error, 'incidentOn')).toEqual(['incidentOn must not be after laAwareOn']);
  });

  it('accepts an incident on the day the local authority became aware of it', () => {
    expect(() => validatePlain(OpenCaseDto, { ...valid, incidentOn: valid.laAwareOn })).not.toThrow();
  });

  it.each(['2026-02-30', '1999-12-31', '2100-01-01', '2026-03-02T10:00:00Z', 20260302])(
    'refuses the date %p',
    (date) => {
      expect(fieldsOf(refusal({ ...valid, laAwareOn: date, incidentOn: date }))).toEqual(['laAwareOn', 'incidentOn']);
    },
  );

  it.each([
    ['an age of 18', { ageYears: 18 }],
    ['a negative age', { ageYears: -1 }],
    ['a fractional age', { ageYears: 2.5 }],
    ['an age as a string', { ageYears: '3' }],
    ['an unknown sex', { sex: 'other' }],
    ['an over-long ethnicity', { ethnicity: 'x'.repeat(101) }],
    ['a blank disability', { disability: '  ' }],
  ])('refuses a child with %s, naming the nested field', (_label, change) => {
    const [field] = Object.keys(change);
    expect(fieldsOf(refusal({ ...valid, children: [child, { ...child, ...change }] }))).toEqual([
      `children.1.${field}`,
    ]);
  });

  it('refuses children that are not objects', () => {
    const error = refusal({ ...valid, children: ['Alex'] });
    expect(fieldsOf(error)[0]).toMatch(/^children/);
  });

  it('refuses a string for lookedAfter and a number for summary', () => {
    const error = refusal({ ...valid, lookedAfter: 'false', summary: 42 });
    expect(fieldsOf(error)).toEqual(['lookedAfter', 'summary']);
    expect(error.message).toBe('Invalid input: lookedAfter, summary');
  });

  it('names every missing field', () => {
    expect(fieldsOf(refusal({})).sort()).toEqual(
      ['abuseOrNeglect', 'children', 'incidentOn', 'incidentType', 'laAwareOn', 'lookedAfter', 'summary'].sort(),
    );
  });

  it('trims the summary and refuses one over 5000 characters', () => {
    expect(validatePlain(OpenCaseDto, { ...valid, summary: '  what happened  ' }).summary).toBe('what happened');
    expect(fieldsOf(refusal({ ...valid, summary: 'x'.repeat(5001) }))).toEqual(['summary']);
  });
});

describe("OpenCaseDto: the Panel's notification fields (issue 12 item 2)", () => {
  const death = { ...valid, incidentType: 'death', lookedAfter: true };

  it('accepts every new field, as codes', () => {
    const body = {
      ...death,
      nature: 'looked-after-death',
      abuseOrNeglect: 'not-suspected',
      localAuthorityOfResidence: 'Northshire County Council',
      localAuthorityOfIncident: 'Southshire Council',
      harmCategories: ['neglect', 'emotional-abuse'],
      contributingFactors: ['domestic-abuse', 'other-factor'],
      children: [
        {
          ageYears: 15,
          sex: 'male',
          ethnicity: 'MWBC',
          disability: 'disabled',
          disabilityTypes: ['LD', 'AUT'],
          plans: ['looked-after', 'child-protection-plan'],
          placementType: 'childrens-home',
          knownToAgencies: ['police', 'education'],
        },
      ],
    };
    expect({ ...validatePlain(OpenCaseDto, body) }).toMatchObject({
      ...body,
      children: [expect.objectContaining(body.children[0])],
    });
  });

  it('keeps the fields optional: a client of the first contract is served as before', () => {
    expect(() => validatePlain(OpenCaseDto, valid)).not.toThrow();
  });

  it.each(['looked-after-death', 'care-leaver-death'])('accepts abuse or neglect not suspected for %s', (nature) => {
    expect(() => validatePlain(OpenCaseDto, { ...death, nature, abuseOrNeglect: 'not-suspected' })).not.toThrow();
  });

  it.each([
    ['a serious incident', { nature: 'serious-incident' }],
    ['no nature (a serious incident)', {}],
  ])('refuses abuse or neglect not suspected for %s, saying why', (_label, change) => {
    const error = refusal({ ...death, ...change, abuseOrNeglect: 'not-suspected' });
    expect(fieldsOf(error)).toEqual(['abuseOrNeglect']);
    expect(messagesFor(error, 'abuseOrNeglect')).toEqual([
      'abuseOrNeglect can be not-suspected only for the death of a looked-after child or of a care leaver (nature); a serious incident needs abuse or neglect known or suspected',
    ]);
  });

  it("refuses serious harm as a looked-after child's or a care leaver's death", () => {
    for (const nature of ['looked-after-death', 'care-leaver-death']) {
      const error = refusal({ ...death, nature, incidentType: 'serious-harm' });
      expect(messagesFor(error, 'incidentType')).toEqual([
        'incidentType must be death for the death of a looked-after child or of a care leaver (nature)',
      ]);
    }
  });

  it("refuses a looked-after child's death where no child was looked after", () => {
    const error = refusal({ ...death, nature: 'looked-after-death', lookedAfter: false });
    expect(fieldsOf(error)).toEqual(['lookedAfter']);
    expect(messagesFor(error, 'lookedAfter')).toEqual([
      'lookedAfter must be true for the death of a looked-after child (nature)',
    ]);
  });

  it('takes an age of 18 to 24 only for the death of a care leaver', () => {
    const adult = {
      ...death,
      nature: 'care-leaver-death',
      lookedAfter: false,
      children: [{ ageYears: 24, sex: 'male' }],
    };
    expect(validatePlain(OpenCaseDto, adult).children[0].ageYears).toBe(24);
    expect(
      messagesFor(refusal({ ...adult, children: [{ ageYears: 25, sex: 'male' }] }), 'children.0.ageYears'),
    ).toEqual(['ageYears must be a whole number from 0 to 24']);
    const child = refusal({ ...death, nature: 'looked-after-death', children: [{ ageYears: 18, sex: 'male' }] });
    expect(messagesFor(child, 'children.0.ageYears')).toEqual(['ageYears must be a whole number from 0 to 17']);
  });

  it.each([
    ['an unknown nature', { nature: 'other' }, 'nature'],
    ['a category of harm not on the list', { harmCategories: ['bullying'] }, 'harmCategories'],
    ['a repeated contributing factor', { contributingFactors: ['online-harm', 'online-harm'] }, 'contributingFactors'],
    ['an over-long local authority', { localAuthorityOfIncident: 'x'.repeat(101) }, 'localAuthorityOfIncident'],
  ])('refuses %s', (_label, change, field) => {
    expect(fieldsOf(refusal({ ...valid, ...change }))).toEqual([field]);
  });

  it.each([
    ['a placement not on the list', { placementType: 'hotel' }, 'placementType'],
    ['a plan not on the list', { plans: ['early-help'] }, 'plans'],
    ['a disability type not a census code', { disabilityTypes: ['NONE'] }, 'disabilityTypes'],
    ['an agency key of the wrong form', { knownToAgencies: ['Police!'] }, 'knownToAgencies'],
  ])('refuses a child with %s, naming the nested field', (_label, change, field) => {
    expect(fieldsOf(refusal({ ...valid, children: [{ ...child, ...change }] }))).toEqual([`children.0.${field}`]);
  });

  it("keeps accepting free text for a child's ethnicity and disability, as the first contract did", () => {
    const dto = validatePlain(OpenCaseDto, valid);
    expect(dto.children[0]).toMatchObject({ ethnicity: 'White British', disability: 'None known' });
  });
});
