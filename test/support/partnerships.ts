/**
 * Partnerships and their people for the tests. Users are created over HTTP by their admin (POST /users). Tokens
 * are signed by the app's own JwtService with the claims the login route puts in them, and checked with GET
 * /users/me: the login route allows ten logins a minute per address, and each login costs an argon2 run.
 */
import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { PartnershipsService, UsersService } from '@app/auth';
import { AGENCIES, incompatibleRolePairs, ROLES, ROLES_WITH_AGENCY, type Agency, type Role } from '@app/workflows';
import { ADMIN_EMAIL, type TestApp } from './test-app';

export interface Member {
  /** e.g. `delegated-partner (police)`, `every role` */
  label: string;
  id: string;
  email: string;
  roles: Role[];
  agency?: Agency;
  token: string;
}

export interface Partnership {
  id: string;
  name: string;
  admin: Member;
}

/** A token as POST /auth/login issues it (`sub`: the user, `pid`: their partnership). */
async function tokenFor(t: TestApp, userId: string, partnershipId: string): Promise<string> {
  return t.get(JwtService).signAsync({ sub: userId, pid: partnershipId }, { expiresIn: 8 * 60 * 60 });
}

async function describeSelf(t: TestApp, token: string, label: string): Promise<Member> {
  const me = await t.http.get('/users/me').auth(token, { type: 'bearer' });
  if (me.status !== 200) throw new Error(`GET /users/me: ${me.status}`);
  return {
    label,
    id: me.body.id,
    email: me.body.email,
    roles: me.body.roles,
    ...(me.body.agency ? { agency: me.body.agency } : {}),
    token,
  };
}

async function partnershipOf(t: TestApp, admin: Member): Promise<Partnership> {
  const res = await t.http.get('/partnership').auth(admin.token, { type: 'bearer' });
  if (res.status !== 200) throw new Error(`GET /partnership: ${res.status}`);
  return { id: res.body.id, name: res.body.name, admin };
}

/** The partnership the service created on its first start, with the test app's admin. */
export async function firstPartnership(t: TestApp): Promise<Partnership> {
  const user = await t.get(UsersService).findForLogin(ADMIN_EMAIL);
  if (!user) throw new Error('no first admin');
  const admin = await describeSelf(t, await tokenFor(t, user.id, user.partnershipId), 'admin');
  return partnershipOf(t, admin);
}

/** Another partnership, created the way the operator command creates one (PartnershipsService.createWithAdmin). */
export async function createPartnership(t: TestApp, name: string, adminEmail: string): Promise<Partnership> {
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const created = await t.get(PartnershipsService).createWithAdmin(name, { email: adminEmail, password });
  const admin = await describeSelf(t, await tokenFor(t, created.admin.id, created.partnership.id), 'admin');
  return partnershipOf(t, admin);
}

/** Creates a user through POST /users as the partnership's admin. */
export async function addMember(
  t: TestApp,
  p: Partnership,
  label: string,
  user: { email: string; roles: Role[]; agency?: Agency; name?: string },
): Promise<Member> {
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const res = await t.http
    .post('/users')
    .auth(p.admin.token, { type: 'bearer' })
    .send({ name: user.name ?? label, password, ...user });
  if (res.status !== 201) throw new Error(`creating ${user.email}: ${res.status} ${JSON.stringify(res.body)}`);
  return describeSelf(t, await tokenFor(t, res.body.id, p.id), label);
}

/**
 * The admin and one member for every role (a delegated partner for each agency), plus one holding every role that one
 * account may hold at once (INCOMPATIBLE_ROLE_PAIRS): whatever a role may do, someone in the list may do it. `only` keeps the members with those labels.
 */
/** As many roles as one account may hold together: each role in order, unless it clashes with one already taken. */
function compatibleRoles(): Role[] {
  return ROLES.reduce<Role[]>(
    (held, role) => (incompatibleRolePairs([...held, role]).length ? held : [...held, role]),
    [],
  );
}

export async function everyRole(t: TestApp, p: Partnership, domain: string, only?: string[]): Promise<Member[]> {
  const members: Member[] = [p.admin];
  const wanted = (label: string) => !only || only.includes(label);
  for (const role of ROLES) {
    if (role === 'admin') continue;
    const agencies: (Agency | undefined)[] =
      role === 'delegated-partner'
        ? [...AGENCIES]
        : ROLES_WITH_AGENCY.includes(role)
          ? ['local-authority']
          : [undefined];
    for (const agency of agencies) {
      const label = agency ? `${role} (${agency})` : role;
      if (wanted(label))
        members.push(
          await addMember(t, p, label, {
            email: `${role}${agency ? `.${agency}` : ''}@${domain}`,
            roles: [role],
            ...(agency ? { agency } : {}),
          }),
        );
    }
  }
  if (wanted('every role'))
    members.push(
      await addMember(t, p, 'every role', {
        email: `everything@${domain}`,
        roles: compatibleRoles(),
        agency: 'local-authority',
      }),
    );
  return members;
}

export const byLabel = (members: Member[], label: string): Member => {
  const found = members.find((m) => m.label === label);
  if (!found) throw new Error(`no member ${label}`);
  return found;
};
