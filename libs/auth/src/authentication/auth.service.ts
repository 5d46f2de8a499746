import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from '@app/common';
import { AuthenticatedUser, markAuthenticated } from '../authenticated-user';
import { PasswordHasher } from '../password-hasher';
import { UsersService } from '../users/users.service';
import { LoginResult } from './dto/login.dto';

interface TokenClaims {
  sub: string;
  pid: string;
}

const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

/** A hash of a random password, verified when the email is unknown so both failures take the same time. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$1mjbBV3sQYqyhpNmb8Ohx5QkMLe0M+AGUDnzQ5EmRro';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
  ) {}

  async login(email: string, password: string): Promise<LoginResult> {
    const user = await this.users.findForLogin(email);
    const valid = await this.hasher.verify(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !user.active || !valid) throw new UnauthenticatedError('Email or password is wrong');
    const claims: TokenClaims = { sub: user.id, pid: user.partnershipId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: TOKEN_LIFETIME_SECONDS });
    return { accessToken, tokenType: 'Bearer', expiresIn: TOKEN_LIFETIME_SECONDS };
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
    // undefined conditions), and a token with no expiry would never lapse.
    const { sub, pid, exp } = claims as TokenClaims & { exp?: unknown };
    if (typeof sub !== 'string' || !sub || typeof pid !== 'string' || !pid || typeof exp !== 'number') {
      throw new UnauthenticatedError('The token is invalid or has expired');
    }
    const user = await this.users.findActiveById(claims.sub);
    if (!user || user.partnershipId !== claims.pid) throw new UnauthenticatedError('The token is invalid or has expired');
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
