/** The token of an `Authorization: Bearer <token>` header; undefined for any other header or none. */
export function bearerTokenOf(header: unknown): string | undefined {
  return typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
}
