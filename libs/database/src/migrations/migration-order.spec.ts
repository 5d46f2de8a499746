import { MIGRATIONS } from '.';

/** TypeORM orders migrations by the last 13 characters of their names, read as a number. */
const typeormOrder = (names: string[]) =>
  [...names].sort((a, b) => parseInt(a.slice(-13), 10) - parseInt(b.slice(-13), 10));

/** The first three were named with the kind after the timestamp; they stay so, because databases record the names. */
const LEGACY = 3;

describe.each(['sqlite', 'postgres'] as const)('%s migrations', (kind) => {
  const names = MIGRATIONS[kind].map((migration) => new migration().name!);

  it('end with their 13-digit timestamp, so TypeORM runs them in the order they were written', () => {
    for (const name of names.slice(LEGACY)) expect(name).toMatch(/\d{13}$/);
    expect(typeormOrder(names).slice(LEGACY)).toEqual(names.slice(LEGACY));
  });

  it('run the legacy ones before any later one', () => {
    expect(new Set(typeormOrder(names).slice(0, LEGACY))).toEqual(new Set(names.slice(0, LEGACY)));
  });
});
