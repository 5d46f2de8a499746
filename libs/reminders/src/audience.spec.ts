import { AGENCIES } from '@app/workflows';
import { chooseRecipients, type Person, seatsToFill, unfilledSeats } from './audience';
import { RECIPIENT_ROLES } from './reminder-plan';

const person = (email: string, roles: Person['roles'], agency: Person['agency'] = null): Person => ({
  email,
  roles,
  agency,
});
const admin = person('admin@p.test', ['admin']);
const bu = person('bu@p.test', ['business-unit']);
const subgroup = person('subgroup@p.test', ['subgroup-member']);
const ceo = person('ceo@p.test', ['lead-partner'], 'local-authority');
const chief = person('chief@p.test', ['lead-partner'], 'police');
const icb = person('icb@p.test', ['lead-partner'], 'health');
const all3 = [...AGENCIES];

describe('chooseRecipients: a reminder whose role nobody holds reaches the business unit, else the admins', () => {
  it('sends to the holders alone when every seat of the audience is held', () => {
    expect(chooseRecipients(RECIPIENT_ROLES['escalation-lead'], all3, [admin, bu, ceo, chief, icb])).toEqual({
      to: ['ceo@p.test', 'chief@p.test', 'icb@p.test'],
      unfilled: [],
      fallbackRole: null,
    });
  });

  it('sends a lead-partner escalation to the business unit when nobody is a lead partner, naming each agency', () => {
    expect(chooseRecipients(RECIPIENT_ROLES['escalation-lead'], all3, [admin, bu, subgroup])).toEqual({
      to: ['bu@p.test'],
      unfilled: [
        { role: 'lead-partner', agency: 'local-authority' },
        { role: 'lead-partner', agency: 'police' },
        { role: 'lead-partner', agency: 'health' },
      ],
      fallbackRole: 'business-unit',
    });
  });

  it("counts a partner role per agency: without the police's lead partner the business unit is told too", () => {
    const choice = chooseRecipients(['lead-partner'], all3, [bu, ceo, icb]);
    expect(choice).toEqual({
      to: ['bu@p.test', 'ceo@p.test', 'icb@p.test'],
      unfilled: [{ role: 'lead-partner', agency: 'police' }],
      fallbackRole: 'business-unit',
    });
  });

  it('asks only for the agencies that sign for the partnership', () => {
    expect(chooseRecipients(['lead-partner'], ['local-authority'], [bu, ceo]).unfilled).toEqual([]);
  });

  it('does not count a holder of another agency for the agency that has none', () => {
    expect(unfilledSeats([{ role: 'lead-partner', agency: 'police' }], [ceo, icb])).toEqual([
      { role: 'lead-partner', agency: 'police' },
    ]);
  });

  it('goes to the admins when there is no business unit either', () => {
    expect(chooseRecipients(RECIPIENT_ROLES.breach, all3, [admin])).toEqual({
      to: ['admin@p.test'],
      unfilled: [{ role: 'business-unit' }, { role: 'subgroup-member' }],
      fallbackRole: 'admin',
    });
  });

  it('finds nobody when the partnership has no one of the roles, nor a business unit or admin', () => {
    expect(chooseRecipients(['lead-partner'], all3, [subgroup]).to).toEqual([]);
  });
});

describe('seatsToFill: every role some mail is addressed to, partner roles once per signing agency', () => {
  it('lists the business unit, the subgroup, and the delegated and lead partner of each signing agency', () => {
    expect(seatsToFill(['police', 'local-authority'])).toEqual([
      { role: 'business-unit' },
      { role: 'subgroup-member' },
      { role: 'delegated-partner', agency: 'local-authority' },
      { role: 'delegated-partner', agency: 'police' },
      { role: 'lead-partner', agency: 'local-authority' },
      { role: 'lead-partner', agency: 'police' },
    ]);
  });
});
