/** Authorization headers that must never let anyone in: forged, expired, tampered, misplaced or malformed tokens. */
import { createHmac, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { hostileString } from './hostile';

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

export function signHs256(payload: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const unsigned = `${b64(header)}.${b64(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

export interface TokenFacts {
  /** The service's real signing secret: tokens signed with it must still be refused for what they say. */
  secret: string;
  /** A real, valid token, to tamper with. */
  realToken: string;
  /** Claims of a real user. */
  sub: string;
  pid: string;
  /** Another partnership's id. */
  otherPid: string;
}

/** What an HTTP client may put in a header value at all (Node refuses to send anything else). */
export const isHeaderSafe = (value: string): boolean => /^[\t\x20-\x7e\x80-\xff]*$/.test(value);

/** Tokens signed with the real secret that login() would never sign: no subject, a null subject, no expiry. */
export function subjectlessTokens(f: TokenFacts): { label: string; header: string }[] {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return [
    { label: 'no subject', header: `Bearer ${signHs256({ pid: f.pid, exp }, f.secret)}` },
    { label: 'null subject', header: `Bearer ${signHs256({ sub: null, pid: f.pid, exp }, f.secret)}` },
    { label: 'no expiry', header: `Bearer ${signHs256({ sub: f.sub, pid: f.pid }, f.secret)}` },
  ];
}

/** Each value is the whole Authorization header, or undefined for none. */
export function forgedAuthorization(f: TokenFacts): fc.Arbitrary<{ label: string; header: string | undefined }> {
  const now = Math.floor(Date.now() / 1000);
  const [h, p] = f.realToken.split('.');
  const cases: [string, string | undefined][] = [
    ['no header', undefined],
    ['empty', ''],
    ['scheme only', 'Bearer'],
    ['scheme and space', 'Bearer '],
    ['basic', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    ['other scheme', `Token ${f.realToken}`],
    ['token without scheme', f.realToken],
    ['two tokens', `Bearer ${f.realToken} Bearer ${f.realToken}`],
    ['alg none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: f.sub, pid: f.pid, exp: now + 3600 })}.`],
    ['wrong secret', `Bearer ${signHs256({ sub: f.sub, pid: f.pid, exp: now + 3600 }, 'not-the-secret')}`],
    ['expired', `Bearer ${signHs256({ sub: f.sub, pid: f.pid, iat: now - 7200, exp: now - 3600 }, f.secret)}`],
    ['not yet valid', `Bearer ${signHs256({ sub: f.sub, pid: f.pid, nbf: now + 3600, exp: now + 7200 }, f.secret)}`],
    ['unknown user', `Bearer ${signHs256({ sub: randomUUID(), pid: f.pid, exp: now + 3600 }, f.secret)}`],
    ['real user, other partnership', `Bearer ${signHs256({ sub: f.sub, pid: f.otherPid, exp: now + 3600 }, f.secret)}`],
    ['subject as object', `Bearer ${signHs256({ sub: { $ne: null }, pid: f.pid, exp: now + 3600 }, f.secret)}`],
    ['subject injection', `Bearer ${signHs256({ sub: "' OR '1'='1", pid: f.pid, exp: now + 3600 }, f.secret)}`],
    [
      'HS256 header, RS256 claim',
      `Bearer ${signHs256({ sub: f.sub, pid: f.pid, exp: now + 3600 }, f.secret, { alg: 'RS256', typ: 'JWT' })}`,
    ],
    [
      'payload swapped',
      `Bearer ${h}.${b64({ sub: randomUUID(), pid: f.pid, exp: now + 3600 })}.${f.realToken.split('.')[2]}`,
    ],
    ['signature stripped', `Bearer ${h}.${p}.`],
    ['truncated', `Bearer ${f.realToken.slice(0, -3)}`],
    ['extra character', `Bearer ${f.realToken}x`],
    ['huge', `Bearer ${'A'.repeat(8000)}`],
  ];
  return fc.oneof(
    fc.constantFrom(...cases).map(([label, header]) => ({ label, header })),
    fc.string({ maxLength: 200 }).map((s) => ({ label: 'random', header: `Bearer ${s}` })),
    hostileString.filter(isHeaderSafe).map((s) => ({ label: 'injection', header: `Bearer ${s}` })),
  );
}
