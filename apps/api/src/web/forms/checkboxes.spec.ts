import { AgencyField, AgencyListField, EnumListField, formFieldsOf, validatePlain } from '@app/cases';
import { ValidationFailedError } from '@app/common';
import { formFieldModel } from './event-form';
import { readFormFields } from './read-event-form';
import { fieldErrorsFrom } from './form-errors';

class Ticked {
  @EnumListField(['inquest', 'domestic-homicide-review', 'other'], { label: 'Parallel processes', optional: true })
  processes?: string[];

  @EnumListField(['police', 'health'], { label: 'Agencies present', min: 1 })
  present: string[];
}

const [processes, present] = formFieldsOf(Ticked);

describe('a checkbox question (EnumListField)', () => {
  it('is declared as a choices field with its options in words', () => {
    expect(processes).toMatchObject({
      name: 'processes',
      kind: 'choices',
      optional: true,
      options: [
        { value: 'inquest', text: 'Inquest' },
        { value: 'domestic-homicide-review', text: 'Domestic homicide review' },
        { value: 'other', text: 'Another reason' },
      ],
    });
  });

  it('accepts distinct listed values and refuses unknown, repeated, too few or a lone string', () => {
    expect(validatePlain(Ticked, { present: ['police'], processes: [] })).toMatchObject({ present: ['police'] });
    const problems = (body: Record<string, unknown>) => {
      try {
        validatePlain(Ticked, body);
        return [];
      } catch (error) {
        return (error as ValidationFailedError).fields.flatMap((f) => f.messages);
      }
    };
    expect(problems({ present: ['fire'] })).toEqual(['present must hold only: police, health (not fire)']);
    expect(problems({ present: ['police', 'police'] })).toEqual(['present must not repeat a value']);
    expect(problems({ present: [] })).toEqual(['present must hold at least one value']);
    expect(problems({ present: 'police' })).toEqual(['present must be a list of: police, health']);
    expect(problems({})).toEqual(['present is required']);
  });

  it('renders GOV.UK checkboxes with the stored or submitted values ticked', () => {
    const model = formFieldModel(processes, { processes: ['inquest', 'other'] }, {});
    expect(model.macro).toBe('govukCheckboxes');
    expect(model.params).toMatchObject({
      idPrefix: 'processes',
      name: 'processes',
      hint: { text: 'Select all that apply.' },
      items: [
        { value: 'inquest', checked: true },
        { value: 'domestic-homicide-review', checked: false },
        { value: 'other', checked: true },
      ],
    });
    // A form that ticked one box sends a string, not a list.
    expect(formFieldModel(processes, { processes: 'inquest' }, {}).params.items).toEqual([
      expect.objectContaining({ value: 'inquest', checked: true }),
      expect.objectContaining({ checked: false }),
      expect.objectContaining({ checked: false }),
    ]);
  });

  it('asks again in words when a box the form does not offer is sent, or none is ticked where one must be', () => {
    const errors = fieldErrorsFrom(
      [processes, present],
      [
        { field: 'processes', messages: ['processes must hold only: inquest (not fire)'] },
        { field: 'present', messages: ['present must hold at least one value'] },
      ],
    );
    expect(errors.processes?.text).toBe('Select parallel processes from the list');
    expect(errors.present?.text).toBe('Select agencies present');
  });

  it('reads none, one or several ticked boxes back as a list, leaving none out', () => {
    expect(readFormFields([processes, present], { present: 'police' }).values).toEqual({ present: ['police'] });
    expect(readFormFields([processes], { processes: ['inquest', 'other'] }).values).toEqual({
      processes: ['inquest', 'other'],
    });
    expect(readFormFields([processes], {}).values).toEqual({});
  });
});

class AboutAgencies {
  @AgencyField({ label: 'Which agency?' })
  agency: string;

  @AgencyListField({ label: 'Agencies present', optional: true })
  present?: string[];
}

describe("questions about the case's relevant agencies (AgencyField, AgencyListField)", () => {
  const [agency, present] = formFieldsOf(AboutAgencies);
  const agencies = [
    { value: 'police', text: 'Police' },
    { value: 'education', text: 'Schools and education' },
  ];

  it("offers the case's agencies as radios and as checkboxes", () => {
    expect(formFieldModel(agency, { agency: 'education' }, {}, '', agencies)).toMatchObject({
      macro: 'govukRadios',
      params: {
        items: [
          { value: 'police', checked: false },
          { value: 'education', text: 'Schools and education', checked: true },
        ],
      },
    });
    expect(formFieldModel(present, { present: ['police'] }, {}, '', agencies)).toMatchObject({
      macro: 'govukCheckboxes',
      params: {
        items: [
          { value: 'police', checked: true },
          { value: 'education', checked: false },
        ],
      },
    });
  });

  it('accepts agency keys and refuses what cannot be one', () => {
    expect(validatePlain(AboutAgencies, { agency: 'youth-justice', present: ['police'] })).toMatchObject({
      agency: 'youth-justice',
    });
    expect(() => validatePlain(AboutAgencies, { agency: 'Police!' })).toThrow(ValidationFailedError);
    expect(() => validatePlain(AboutAgencies, { agency: 'police', present: ['police', 'police'] })).toThrow(
      ValidationFailedError,
    );
  });
});
