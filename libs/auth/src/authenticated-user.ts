import type { Actor, Agency, Role } from '@app/workflows';

const AUTHENTICATED = Symbol('authenticated-user');

/** The user behind a request, as the guard resolved it from the token and the database. */
export interface AuthenticatedUser extends Actor {
  id: string;
  partnershipId: string;
  email: string;
  name: string;
  roles: Role[];
  agency?: Agency;
}

export function markAuthenticated(user: AuthenticatedUser): AuthenticatedUser {
  Object.defineProperty(user, AUTHENTICATED, { value: true, enumerable: false });
  return user;
}

export function isAuthenticatedUser(value: unknown): value is AuthenticatedUser {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[AUTHENTICATED] === true;
}
