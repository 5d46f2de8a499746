import { safeReturnPath } from './return-path';

describe('the page opened after sign-in', () => {
  it('is the page asked for when it is a path on this service', () => {
    expect(safeReturnPath('/case/0b7c1d5e-6a3f-4c8e-9d2b-1f0a3e5c7b9d')).toBe(
      '/case/0b7c1d5e-6a3f-4c8e-9d2b-1f0a3e5c7b9d',
    );
    expect(safeReturnPath('/?stage=decision')).toBe('/?stage=decision');
  });

  it('is home for anything that could lead to another site', () => {
    for (const hostile of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'evil', '/\u0000x']) {
      expect(safeReturnPath(hostile)).toBe('/');
    }
  });

  it('is home when nothing was asked for, or the sign-in page itself', () => {
    expect(safeReturnPath(undefined)).toBe('/');
    expect(safeReturnPath('/sign-in')).toBe('/');
  });
});
