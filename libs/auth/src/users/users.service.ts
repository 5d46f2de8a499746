import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, Not } from 'typeorm';
import { ConflictError, NotFoundError, validationFailed } from '@app/common';
import { isUniqueViolation, ReadSide, TransactionRunner } from '@app/database';
import type { Role } from '@app/workflows';
import type { AuthenticatedUser } from '../authenticated-user';
import { AccountLoginLimit } from '../authentication/account-login-limit';
import { PartnershipEntity } from '../partnerships/partnership.entity';
import { PasswordHasher } from '../password-hasher';
import { assertHasRole } from '../roles.decorator';
import { WebSessionStore } from '../sessions/web-session-store';
import { AGENCY_MESSAGE, CreateUserDto, needsAgency, UserView } from './dto/create-user.dto';
import type { UpdateUserDto } from './dto/update-user.dto';
import { UserEntity } from './user.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    ...(user.agency ? { agency: user.agency } : {}),
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}

/** What a change to a user did, for the log line (never a password, a hash or an email address). */
type UserChange = 'created' | 'updated' | 'password-reset' | 'password-changed';

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly reads: ReadSide,
    private readonly hasher: PasswordHasher,
    private readonly tx: TransactionRunner,
    private readonly sessions: WebSessionStore,
    private readonly accountLimit: AccountLoginLimit,
  ) {}

  private get users() {
    return this.reads.getRepository(UserEntity);
  }

  async create(partnershipId: string, input: CreateUserDto, manager?: EntityManager): Promise<UserEntity> {
    // Hashing (argon2, tens of milliseconds) is done before any transaction, so it never holds the writer.
    const passwordHash = await this.hasher.hash(input.password);
    const write = (into: EntityManager) => this.insert(into, partnershipId, input, passwordHash);
    // Without the caller's transaction, through the runner: on SQLite a save outside it would nest into an open batch.
    return manager ? write(manager) : this.tx.run(write);
  }

  private async insert(
    manager: EntityManager,
    partnershipId: string,
    input: CreateUserDto,
    passwordHash: string,
  ): Promise<UserEntity> {
    const repo = manager.getRepository(UserEntity);
    const email = input.email.trim().toLowerCase();
    if (await repo.existsBy({ email })) throw new ConflictError(`A user with email ${email} already exists`);
    const user = repo.create({
      partnershipId,
      email,
      name: input.name,
      passwordHash,
      roles: input.roles,
      agency: input.agency ?? null,
      active: true,
    });
    try {
      return await repo.save(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`A user with email ${email} already exists`);
      throw error;
    }
  }

  /** An admin adds a user to their partnership (the route checks the role). */
  async createBy(actor: AuthenticatedUser, input: CreateUserDto): Promise<UserEntity> {
    const user = await this.create(actor.partnershipId, input);
    this.audit('created', actor, user, { roles: user.roles, ...(user.agency ? { agency: user.agency } : {}) });
    return user;
  }

  /**
   * Changes a user of the admin's partnership (another partnership's, or an unknown id, is not found). The checks run
   * in the contract's order after the body's own validation: 404, 403 (admin only), 400 for the roles and agency
   * together after the change (a partner role needs an agency), 409 when it would leave the partnership without an
   * active admin. Deactivating ends the user's browser sessions in the same transaction; their bearer tokens are
   * refused from then on, because every request reads the user afresh.
   */
  async update(actor: AuthenticatedUser, id: string, changes: UpdateUserDto): Promise<UserEntity> {
    const { user, changed } = await this.tx.run(async (manager) => {
      const user = await this.lockedUserOf(manager, actor, id);
      assertHasRole(actor.roles, ['admin']);
      const roles = changes.roles ?? user.roles;
      const agency = changes.agency === undefined ? user.agency : changes.agency;
      if (needsAgency(roles) && !agency) throw validationFailed([{ field: 'agency', messages: [AGENCY_MESSAGE] }]);
      const active = changes.active ?? user.active;
      if (user.active && user.roles.includes('admin') && !(active && roles.includes('admin'))) {
        await this.keepAnActiveAdmin(manager, user);
      }
      const changed = (
        [
          ['name', changes.name !== undefined && changes.name !== user.name],
          ['roles', !sameRoles(roles, user.roles)],
          ['agency', agency !== user.agency],
          ['active', active !== user.active],
        ] as const
      )
        .filter(([, differs]) => differs)
        .map(([field]) => field);
      if (changed.length === 0) return { user, changed };
      const deactivated = user.active && !active;
      Object.assign(user, { name: changes.name ?? user.name, roles, agency: agency ?? null, active });
      const saved = await manager.getRepository(UserEntity).save(user);
      if (deactivated) await this.sessions.endSessionsOf(user.id);
      return { user: saved, changed };
    });
    if (changed.length > 0) {
      this.audit('updated', actor, user, {
        changed,
        ...(changed.includes('roles') ? { roles: user.roles } : {}),
        ...(changed.includes('agency') ? { agency: user.agency } : {}),
        ...(changed.includes('active') ? { active: user.active } : {}),
      });
    }
    return user;
  }

  /**
   * An admin sets a new password for a user of their partnership (404 otherwise, then 403 for a non-admin). The
   * user's browser sessions end, and the account's count of failed logins is cleared so the new password works at once.
   */
  async resetPassword(actor: AuthenticatedUser, id: string, password: string): Promise<void> {
    const found = await this.findInPartnership(actor.partnershipId, id);
    assertHasRole(actor.roles, ['admin']);
    const passwordHash = await this.hasher.hash(password);
    await this.tx.run(async (manager) => {
      await manager.getRepository(UserEntity).update({ id: found.id }, { passwordHash });
      await this.sessions.endSessionsOf(found.id);
    });
    await this.accountLimit.succeeded(found.email);
    this.audit('password-reset', actor, found);
  }

  /**
   * A user changes their own password. The current one is checked like a login (counted against the account's limit
   * of failed attempts: 429 past it; 400 on `currentPassword` when wrong). Every other browser session of the user
   * ends; `keepSessionId`'s (the page's own) is kept.
   */
  async changeOwnPassword(
    actor: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
    keepSessionId?: string,
  ): Promise<void> {
    await this.accountLimit.begin(actor.email);
    const user = await this.findForLogin(actor.email);
    if (!user || user.id !== actor.id || !(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw validationFailed([
        { field: 'currentPassword', messages: ['currentPassword is not your current password'] },
      ]);
    }
    await this.accountLimit.succeeded(actor.email);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.tx.run(async (manager) => {
      await manager.getRepository(UserEntity).update({ id: actor.id }, { passwordHash });
      await this.sessions.endSessionsOf(actor.id, keepSessionId);
    });
    this.audit('password-changed', actor, user);
  }

  /** A user of the partnership by id; a malformed id, an unknown one and another partnership's user alike: 404. */
  async findInPartnership(partnershipId: string, id: string): Promise<UserEntity> {
    const found = UUID.test(id) ? await this.users.findOneBy({ id, partnershipId }) : null;
    if (!found) throw new NotFoundError('User');
    return found;
  }

  /**
   * The user, found in the actor's partnership, with the partnership's row locked on PostgreSQL: changes to one
   * partnership's users take turns, so two admins demoting each other at once cannot leave it without one. (SQLite has
   * one writer: its transactions take turns anyway.)
   */
  private async lockedUserOf(manager: EntityManager, actor: AuthenticatedUser, id: string): Promise<UserEntity> {
    if (!UUID.test(id)) throw new NotFoundError('User');
    if (manager.connection.options.type === 'postgres') {
      await manager
        .getRepository(PartnershipEntity)
        .findOne({ where: { id: actor.partnershipId }, lock: { mode: 'pessimistic_write' } });
    }
    const user = await manager.getRepository(UserEntity).findOneBy({ id, partnershipId: actor.partnershipId });
    if (!user) throw new NotFoundError('User');
    return user;
  }

  private async keepAnActiveAdmin(manager: EntityManager, user: UserEntity): Promise<void> {
    const others = await manager
      .getRepository(UserEntity)
      .findBy({ partnershipId: user.partnershipId, active: true, id: Not(user.id) });
    if (!others.some((other) => other.roles.includes('admin'))) {
      throw new ConflictError(
        `${user.name} is the last active admin of the partnership: give another user the admin role first, ` +
          'so that someone can still manage its users',
      );
    }
  }

  /** A structured line for each change of a user: who changed whom, and what (never a password or an address). */
  private audit(
    change: UserChange,
    actor: AuthenticatedUser,
    user: UserEntity,
    details: Record<string, unknown> = {},
  ): void {
    this.logger.log({
      msg: 'User account changed',
      change,
      userId: user.id,
      byUserId: actor.id,
      partnershipId: user.partnershipId,
      ...details,
    });
  }

  list(partnershipId: string): Promise<UserEntity[]> {
    return this.users.find({ where: { partnershipId }, order: { createdAt: 'ASC', email: 'ASC' } });
  }

  findActiveById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id, active: true });
  }

  /** Includes the password hash, which is otherwise never selected. */
  findForLogin(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  count(): Promise<number> {
    return this.users.count();
  }

  /** The active users of a partnership: whom its mail can reach and which of its roles are held. */
  active(partnershipId: string): Promise<UserEntity[]> {
    return this.users.findBy({ partnershipId, active: true });
  }
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}
