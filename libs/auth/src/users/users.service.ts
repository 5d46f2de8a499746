import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConflictError } from '@app/common';
import { isUniqueViolation, ReadSide, TransactionRunner } from '@app/database';
import { PasswordHasher } from '../password-hasher';
import { CreateUserDto, UserView } from './dto/create-user.dto';
import { UserEntity } from './user.entity';

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

@Injectable()
export class UsersService {
  constructor(
    private readonly reads: ReadSide,
    private readonly hasher: PasswordHasher,
    private readonly tx: TransactionRunner,
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
