/**
 * An overdue action escalates to its owning agency's delegated partner (issue 12 item 3): the escalation reminder of
 * the `action-due` clock reaches that partner alone when the agency signs for the partnership, else every delegated
 * partner; the mail names the action by its reference (and its owner's name), never its description.
 */
import { AGENCIES, type CaseContext } from '@app/workflows';
import { chooseRecipients, escalationAgencyOf, type Person } from './audience';
import { itemName } from './reminder-sender';
import { kindsForOffsets, DEFAULT_REMINDER_OFFSETS, RECIPIENT_ROLES } from './reminder-plan';

const person = (email: string, roles: Person['roles'], agency: Person['agency'] = null): Person => ({
  email,
  roles,
  agency,
});
const bu = person('bu@p.test', ['business-unit']);
const dcs = person('dcs@p.test', ['delegated-partner'], 'local-authority');
const police = person('police@p.test', ['delegated-partner'], 'police');
const nurse = person('nurse@p.test', ['delegated-partner'], 'health');
const chief = person('chief@p.test', ['lead-partner'], 'police');
const everyone = [bu, dcs, police, nurse, chief];
const all3 = [...AGENCIES];

const context = {
  actions: {
    'A-1': {
      description: 'Review the referral route',
      owner: 'PPU',
      dueOn: '2026-01-16',
      addedOn: '2026-01-07',
      owningAgency: 'police',
    },
    'A-2': {
      description: 'Train the teachers',
      owner: 'Schools',
      dueOn: '2026-01-16',
      addedOn: '2026-01-07',
      owningAgency: 'education',
    },
    'A-3': { description: 'Something', owner: 'Someone', dueOn: '2026-01-16', addedOn: '2026-01-07' },
  },
  relevantAgencies: [
    { key: 'police', name: 'Police' },
    { key: 'education', name: 'Schools and education' },
  ],
} as unknown as CaseContext;

describe('escalationAgencyOf: whose delegated partner hears of an overdue action', () => {
  it("names the owning agency for the action-due clock's escalation to the delegated partners", () => {
    expect(escalationAgencyOf('action-due', 'escalation-delegated', 'A-1', context, all3)).toBe('police');
  });

  it('names none (so every delegated partner) when the owner does not sign for the partnership, or is not given', () => {
    expect(escalationAgencyOf('action-due', 'escalation-delegated', 'A-2', context, all3)).toBeUndefined();
    expect(escalationAgencyOf('action-due', 'escalation-delegated', 'A-3', context, all3)).toBeUndefined();
    expect(
      escalationAgencyOf('action-due', 'escalation-delegated', 'A-1', context, ['local-authority', 'health']),
    ).toBeUndefined();
  });

  it("leaves every other reminder to its usual audience: the action's warnings, breach and lead escalation, other rules", () => {
    for (const kind of ['warning', 'due-today', 'breach', 'escalation-lead'])
      expect(escalationAgencyOf('action-due', kind, 'A-1', context, all3)).toBeUndefined();
    expect(escalationAgencyOf('agency-return', 'escalation-delegated', 'police', context, all3)).toBeUndefined();
    expect(escalationAgencyOf('notify-panel', 'escalation-delegated', null, undefined, all3)).toBeUndefined();
  });

  it('is the escalation the default offsets plan two working days after the due date', () => {
    expect(kindsForOffsets(DEFAULT_REMINDER_OFFSETS).find((k) => k.kind === 'escalation-delegated')?.offsetDays).toBe(
      2,
    );
  });
});

describe("chooseRecipients narrowed to one agency's partners", () => {
  const roles = RECIPIENT_ROLES['escalation-delegated'];

  it("sends the escalation to the police's delegated partner alone, not the other agencies'", () => {
    expect(chooseRecipients(roles, all3, everyone, { partnersOf: 'police' })).toEqual({
      to: ['police@p.test'],
      unfilled: [],
      fallbackRole: null,
    });
    // Not narrowed, it reaches every delegated partner, as for any other rule.
    expect(chooseRecipients(roles, all3, everyone).to).toEqual(['dcs@p.test', 'nurse@p.test', 'police@p.test']);
  });

  it("sends it to the business unit, naming the police's empty seat, when the police have no delegated partner", () => {
    expect(chooseRecipients(roles, all3, [bu, dcs, nurse, chief], { partnersOf: 'police' })).toEqual({
      to: ['bu@p.test'],
      unfilled: [{ role: 'delegated-partner', agency: 'police' }],
      fallbackRole: 'business-unit',
    });
  });

  it('does not narrow the roles that belong to no agency', () => {
    expect(chooseRecipients(RECIPIENT_ROLES.breach, all3, everyone, { partnersOf: 'police' }).to).toEqual([
      'bu@p.test',
    ]);
  });
});

describe('itemName of an action', () => {
  it("names the action by its reference and its owning agency's name, never its description", () => {
    expect(itemName(context, 'action-due', 'A-1')).toBe('action A-1, owned by Police');
    expect(itemName(context, 'action-due', 'A-3')).toBe('action A-3');
    expect(itemName(context, 'action-due', 'A-1')).not.toContain('referral');
  });
});
