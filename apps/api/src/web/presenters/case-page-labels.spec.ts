import { CASE_STATES, ROLES } from '@app/workflows';
import { STATE_NAMES, stateName } from './case-page-labels';
import { ROLE_NAMES } from './roles';

describe('the case page labels', () => {
  it('name every state of a case in plain English', () => {
    for (const state of CASE_STATES) expect(STATE_NAMES[state]).toMatch(/^[A-Z]/);
    expect(stateName('decision.awaiting-sign-off')).toBe('Waiting for the partners to sign off');
  });

  it('name every role', () => {
    expect(Object.keys(ROLE_NAMES).sort()).toEqual([...ROLES].sort());
  });
});
