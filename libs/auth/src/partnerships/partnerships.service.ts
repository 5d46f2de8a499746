import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, NotFoundError, ValidationFailedError } from '@app/common';
import { ReadSide, TransactionRunner } from '@app/database';
import {
  AGENCIES,
  DEFAULT_RELEVANT_AGENCIES,
  getRulebook,
  validateOverrides,
  type Role,
  type RuleOverrideInput,
} from '@app/workflows';
import { CreateUserDto } from '../users/dto/create-user.dto';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { PartnershipView, UnfilledRoleView, UpdatePartnershipDto } from './dto/update-partnership.dto';
import { PartnershipEntity } from './partnership.entity';

/** `unfilledRoles` is the reminders feature's to work out: it knows whom mail is addressed to. */
export function toPartnershipView(p: PartnershipEntity, unfilledRoles: UnfilledRoleView[]): PartnershipView {
  return {
    id: p.id,
    name: p.name,
    signOffAgencies: p.signOffAgencies,
    ruleOverrides: p.ruleOverrides,
    reminderOffsets: p.reminderOffsets,
    closureDays: p.closureDays,
    relevantAgencies: p.relevantAgencies.map(({ key, name }) => ({ key, name })),
    version: p.version,
    unfilledRoles,
  };
}

function sameOverride(a: RuleOverrideInput, b: RuleOverrideInput): boolean {
  return (
    a.rule === b.rule && a.anchor === b.anchor && a.length === b.length && a.unit === b.unit && a.reason === b.reason
  );
}

/** Runs in the transaction that changed a partnership's closure days, rule overrides or reminder offsets. */
export interface PartnershipSettingsHook {
  /** Returns what to do once the change has committed. */
  afterSettingsChanged(manager: EntityManager, partnership: PartnershipEntity, changedBy: string): Promise<() => void>;
}

/**
 * Issue 12 item 1: what is wrong with a partnership's list of relevant agencies beyond each entry's own form, as the
 * 400's field messages: a key or a name used twice (names compared without case), or a statutory agency removed
 * (sign-offs, partners' accounts and version-1 returns name them; they may be renamed).
 */
export function relevantAgencyProblems(agencies: readonly { key: string; name: string }[]) {
  const problems: { field: string; messages: string[] }[] = [];
  agencies.forEach(({ key, name }, index) => {
    if (agencies.findIndex((other) => other.key === key) < index) {
      problems.push({ field: `relevantAgencies.${index}.key`, messages: [`key ${key} is used by another agency`] });
    }
    const sameName = (other: { name: string }) => other.name.toLowerCase() === name.toLowerCase();
    if (agencies.findIndex(sameName) < index) {
      problems.push({ field: `relevantAgencies.${index}.name`, messages: [`name ${name} is used by another agency`] });
    }
  });
  const missing = AGENCIES.filter((statutory) => !agencies.some((agency) => agency.key === statutory));
  if (missing.length > 0) {
    problems.push({
      field: 'relevantAgencies',
      messages: [
        `relevantAgencies must keep the statutory agencies (${missing.join(', ')} missing): they may be renamed, not removed`,
      ],
    });
  }
  return problems;
}

@Injectable()
export class PartnershipsService {
  private readonly settingsHooks: PartnershipSettingsHook[] = [];
  private readonly logger = new Logger('Partnerships');

  constructor(
    private readonly reads: ReadSide,
    private readonly users: UsersService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  private get partnerships() {
    return this.reads.getRepository(PartnershipEntity);
  }

  /**
   * The partnership made when the deployment was first started (the operator's own): its admins run the deployment,
   * e.g. the queue dashboard, which shows every partnership's jobs.
   */
  isOperatorPartnership(id: string): Promise<boolean> {
    return this.partnerships.existsBy({ id, operator: true });
  }

  /** Every partnership of the deployment, oldest first. */
  all(): Promise<PartnershipEntity[]> {
    return this.partnerships.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async get(id: string): Promise<PartnershipEntity> {
    const found = await this.partnerships.findOneBy({ id });
    if (!found) throw new NotFoundError('Partnership');
    return found;
  }

  /** Lets the cases feature bring stored deadlines and reminders in line with new settings, in the same transaction. */
  registerSettingsHook(hook: PartnershipSettingsHook): void {
    this.settingsHooks.push(hook);
  }

  async update(id: string, changes: UpdatePartnershipDto, changedBy: string): Promise<PartnershipEntity> {
    const afterCommit: (() => void)[] = [];
    const saved = await this.tx.run(async (manager) => {
      const repo = manager.getRepository(PartnershipEntity);
      const partnership = await repo.findOneBy({ id });
      if (!partnership) throw new NotFoundError('Partnership');
      if (changes.name !== undefined) partnership.name = changes.name;
      if (changes.signOffAgencies !== undefined) partnership.signOffAgencies = changes.signOffAgencies;
      if (changes.reminderOffsets !== undefined)
        partnership.reminderOffsets = [...changes.reminderOffsets].sort((a, b) => a - b);
      if (changes.closureDays !== undefined) partnership.closureDays = [...changes.closureDays].sort();
      if (changes.ruleOverrides !== undefined) {
        const problems = validateOverrides(getRulebook(), changes.ruleOverrides);
        if (problems.length > 0) {
          throw new ValidationFailedError(
            `Invalid rule overrides: ${problems.map((p) => p.message).join('; ')}`,
            problems.map((p) => ({ field: `ruleOverrides.${p.index}.${p.field}`, messages: [p.message] })),
          );
        }
        const today = this.clock.now().toISOString().slice(0, 10);
        // An override sent back as it was keeps who set it and when: a list is sent whole to change one rule.
        partnership.ruleOverrides = changes.ruleOverrides.map((o) => {
          const kept = partnership.ruleOverrides.find((stored) => sameOverride(stored, o));
          return { ...o, changedBy: kept?.changedBy ?? changedBy, changedOn: kept?.changedOn ?? today };
        });
      }
      if (changes.relevantAgencies !== undefined) {
        const problems = relevantAgencyProblems(changes.relevantAgencies);
        if (problems.length > 0) {
          throw new ValidationFailedError(`Invalid input: ${problems.map((p) => p.field).join(', ')}`, problems);
        }
        partnership.relevantAgencies = changes.relevantAgencies.map(({ key, name }) => ({ key, name }));
      }
      const saved = await repo.save(partnership);
      const clocksChanged =
        changes.closureDays !== undefined ||
        changes.ruleOverrides !== undefined ||
        changes.reminderOffsets !== undefined;
      if (clocksChanged) {
        for (const hook of this.settingsHooks)
          afterCommit.push(await hook.afterSettingsChanged(manager, saved, changedBy));
      }
      return saved;
    });
    for (const run of afterCommit) run();
    this.logger.log({
      msg: 'Partnership settings changed',
      partnershipId: id,
      byUserId: changedBy,
      settings: Object.keys(changes).filter((key) => changes[key as keyof UpdatePartnershipDto] !== undefined),
      ...(changes.relevantAgencies ? { relevantAgencies: saved.relevantAgencies.map((agency) => agency.key) } : {}),
    });
    return saved;
  }

  /**
   * Creates a partnership with its first admin, in one transaction. Used by the first start (the operator's own
   * partnership) and the operator command (every other one).
   */
  async createWithAdmin(
    name: string,
    admin: { email: string; password: string; name?: string },
    options: { operator?: boolean } = {},
  ): Promise<{ partnership: PartnershipEntity; admin: UserEntity }> {
    return this.tx.run(async (manager) => {
      const partnership = await manager.getRepository(PartnershipEntity).save(
        manager.getRepository(PartnershipEntity).create({
          name,
          signOffAgencies: [...AGENCIES],
          ruleOverrides: [],
          reminderOffsets: null,
          closureDays: [],
          relevantAgencies: DEFAULT_RELEVANT_AGENCIES.map((agency) => ({ ...agency })),
          operator: options.operator ?? false,
        }),
      );
      const input: CreateUserDto = {
        email: admin.email,
        name: admin.name ?? 'Administrator',
        password: admin.password,
        roles: ['admin'] as Role[],
      };
      const user = await this.users.create(partnership.id, input, manager);
      return { partnership, admin: user };
    });
  }
}
