/**
 * The one family of errors the service raises on purpose. Each carries a stable `code`; the HTTP error filter maps
 * the code to a status and the contract's error body, and nothing else needs to know the concrete class. It lives
 * here, at the bottom of the import graph, so that the pure machines and rulebook raise the same family as the libs.
 */
/** Every error code of the contract, in the order of the HTTP statuses they map to. */
export const ERROR_CODES = [
  'validation-failed',
  'unauthenticated',
  'forbidden',
  'not-found',
  'illegal-transition',
  'conflict',
  'rule-violated',
  'too-many-requests',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
