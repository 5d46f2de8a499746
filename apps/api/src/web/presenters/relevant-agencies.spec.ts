import { keyFor, relevantAgencyErrors } from './relevant-agencies';

describe('relevant agencies on the settings pages', () => {
  it('makes a new agency’s key from its name, unique in the list', () => {
    expect(keyFor('Ambulance service', [])).toBe('ambulance-service');
    expect(keyFor('NHS 111 (out of hours)', [])).toBe('nhs-111-out-of-hours');
    expect(keyFor('Housing', ['housing', 'housing-2'])).toBe('housing-3');
    expect(keyFor('111', [])).toBe('agency');
    expect(keyFor('A very long name of an agency that goes on and on', [])).toMatch(/^[a-z][a-z0-9-]{1,39}$/);
  });

  it('says the API’s refusals in the words of the form', () => {
    expect(
      relevantAgencyErrors([
        { field: 'relevantAgencies.12.name', messages: ['name Police is used by another agency'] },
      ]),
    ).toEqual({
      name: { text: 'There is already an agency with that name', href: '#name' },
    });
    expect(
      relevantAgencyErrors([{ field: 'relevantAgencies.12.name', messages: ['name must not be empty'] }]).name.text,
    ).toBe('Enter the name of the agency');
    expect(
      relevantAgencyErrors([
        { field: 'relevantAgencies', messages: ['relevantAgencies must keep the statutory agencies (police missing)'] },
      ]),
    ).toEqual({
      relevantAgencies: { text: 'The statutory agencies can be renamed but not removed', href: '#relevant-agencies' },
    });
  });
});
