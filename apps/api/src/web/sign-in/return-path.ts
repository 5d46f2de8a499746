/**
 * Where to go after sign-in: the page asked for, if it is a path on this service; otherwise home. A full URL, a
 * protocol-relative `//host` or a backslash trick would send the person to another site (an open redirect).
 */
export function safeReturnPath(candidate: unknown): string {
  if (typeof candidate !== 'string') return '/';
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return '/';
  if (
    [...candidate].some((c) => c.charCodeAt(0) < 0x20) ||
    candidate.startsWith('/sign-in') ||
    candidate.startsWith('/sign-out')
  ) {
    return '/';
  }
  return candidate;
}
