import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from '@app/common';
import { AuthenticatedUser, markAuthenticated } from '../authenticated-user';
import { PasswordHasher } from '../password-hasher';
import { UsersService } from '../users/users.service';
import { AccountLoginLimit } from './account-login-limit';
import { LoginResult } from './dto/login.dto';

interface TokenClaims {
  sub: string;
  pid: string;
}

const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;
/** The queue dashboard's own token: good for nothing else, and short-lived because it lives in a cookie. */
const DASHBOARD_AUDIENCE = 'queue-dashboard';
export const DASHBOARD_TOKEN_LIFETIME_SECONDS = 30 * 60;

interface DashboardClaims {
  dsh: string;
  pid: string;
}

/** A hash of a random password, verified when the email is unknown so both failures take the same time. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$1mjbBV3sQYqyhpNmb8Ohx5QkMLe0M+AGUDnzQ5EmRro';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly accountLimit: AccountLoginLimit,
  ) {}

  /** The per-address limit (the throttler, before this) and the per-account one are both checked before hashing. */
  async login(email: string, password: string): Promise<LoginResult> {
    const user = await this.verifyCredentials(email, password);
    const claims: TokenClaims = { sub: user.id, pid: user.partnershipId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: TOKEN_LIFETIME_SECONDS });
    return { accessToken, tokenType: 'Bearer', expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  /**
   * The one check of an email and password, for the API's login and the sign-in page alike: the per-account limit
   * first, then the hash (also for an unknown email, so both failures take the same time).
   *
   * @throws TooManyRequestsError when the account has used up its window; UnauthenticatedError, never saying which
   * of the two was wrong.
   */
  async verifyCredentials(email: string, password: string): Promise<AuthenticatedUser> {
    await this.accountLimit.begin(email);
    const user = await this.users.findForLogin(email);
    const valid = await this.hasher.verify(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !user.active || !valid) throw new UnauthenticatedError('Email or password is wrong');
    await this.accountLimit.succeeded(email);
    return this.activeUser(user.id, user.partnershipId);
  }

  /** The user a browser session belongs to, if still active: roles are read fresh, like a token's. */
  async sessionUser(userId: string, partnershipId: string): Promise<AuthenticatedUser> {
    return this.activeUser(userId, partnershipId);
  }

  /** Resolves a bearer token to the current, active user. Roles are read fresh, so a change takes effect at once. */
  async authenticate(token: string): Promise<AuthenticatedUser> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthenticatedError('The token is invalid or has expired');
    }
    // Only tokens shaped as login() signs them: a lookup by a missing id would match any user (TypeORM drops
    // undefined conditions), a token with no expiry would never lapse, and one with an audience is for something else.
    const { sub, pid, exp, aud } = claims as TokenClaims & { exp?: unknown; aud?: unknown };
    if (
      typeof sub !== 'string' ||
      !sub ||
      typeof pid !== 'string' ||
      !pid ||
      typeof exp !== 'number' ||
      aud !== undefined
    ) {
      throw new UnauthenticatedError('The token is invalid or has expired');
    }
    return this.activeUser(sub, pid);
  }

  /**
   * A token for the queue dashboard's cookie, so the bearer token itself never sits in a cookie. It carries no `sub`,
   * so {@link authenticate} refuses it, and {@link authenticateDashboard} refuses anything without its audience.
   */
  issueDashboardToken(user: AuthenticatedUser): Promise<string> {
    const claims: DashboardClaims = { dsh: user.id, pid: user.partnershipId };
    return this.jwt.signAsync(claims, { expiresIn: DASHBOARD_TOKEN_LIFETIME_SECONDS, audience: DASHBOARD_AUDIENCE });
  }

  async authenticateDashboard(token: string): Promise<AuthenticatedUser> {
    let claims: DashboardClaims;
    try {
      claims = await this.jwt.verifyAsync<DashboardClaims>(token, { audience: DASHBOARD_AUDIENCE });
    } catch {
      throw new UnauthenticatedError('The dashboard session is invalid or has expired');
    }
    const { dsh, pid } = claims;
    if (typeof dsh !== 'string' || !dsh || typeof pid !== 'string' || !pid) {
      throw new UnauthenticatedError('The dashboard session is invalid or has expired');
    }
    return this.activeUser(dsh, pid);
  }

  private async activeUser(userId: string, partnershipId: string): Promise<AuthenticatedUser> {
    const user = await this.users.findActiveById(userId);
    if (!user || user.partnershipId !== partnershipId)
      throw new UnauthenticatedError('The token is invalid or has expired');
    return markAuthenticated({
      id: user.id,
      partnershipId: user.partnershipId,
      email: user.email,
      name: user.name,
      roles: user.roles,
      ...(user.agency ? { agency: user.agency } : {}),
    });
  }
}
