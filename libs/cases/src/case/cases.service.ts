import { isDeepStrictEqual } from 'node:util';
import { createHash, randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In, MoreThan, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  AuthenticatedUser,
  PartnershipEntity,
  PartnershipSettingsHook,
  PartnershipsService,
  UserEntity,
  assertHasRole,
} from '@app/auth';
import { todayInLondon } from '@app/calendar';
import { Clock, ConflictError, ForbiddenError, NotFoundError, RuleViolatedError } from '@app/common';
import { ReadSide, TransactionRunner, isUniqueViolation } from '@app/database';
import {
  CASE_MACHINE_ID,
  CASE_OPENERS,
  CASE_STAGES,
  CURRENT_RULEBOOK_VERSION,
  CaseMachineRegistry,
  allowedEvents,
  dispatch,
  eventsTheActorMaySendNow,
  openCase,
  readsOnlyAppointedCases,
  refusalFor,
  signOffsAwaited,
  stageOf,
  stateOf,
  type AwaitedSignOff,
  type Agency,
  type SignOffEventType,
  agenciesTheActorMaySignFor,
  isSignOffEvent,
  type CaseEventType,
  type PersistedCaseSnapshot,
  type SignOffRound,
} from '@app/workflows';
import { OpenCaseDto } from '../dto';
import {
  AwaitedSignOffEntity,
  CaseAuditEventEntity,
  CaseEntity,
  CaseReferenceCounterEntity,
  DeadlineEntity,
  IdempotencyRecordEntity,
} from '../entities';
import { actDateOf, type ParsedCaseEvent, type SystemAuditEventType } from '../events';
import type { ParsedImport } from '../import/parse-import';
import { auditPayloadOf, machineEventOf, prefixRefusal } from './dated-events';
import { CaseDeadlines } from './case-deadlines.service';
import { refusalToError, StaleCaseError } from './case.errors';
import { IdempotencyRecords, type IdempotentRequest } from './idempotency-records';
import { AuditEventView, CaseListView, CaseView } from './case-view';
import type { CaseRecordView } from './case-record-view';
import { actionsFirstEscalatedOn, recordUserIds, toCaseRecord } from './case-record';
import { lcsprServiceViolation } from './lcspr-checks';
import { detailsChangeOf, openingDetails, routeOf } from './notification-details';
import type { DeadlineLike } from './rapid-review-record';

const MAX_ATTEMPTS = 8;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The case page's read: see {@link CasesService.overview}. */
export interface CaseOverview {
  case: CaseView;
  record: CaseRecordView;
  eventsYouMaySendNow: CaseEventType[];
  /**
   * Item 6: for each sign-off the user may record on a delegated partner's behalf now (the business unit), the agencies
   * whose sign-off is still awaited; absent for a sign-off the user gives themselves.
   */
  onBehalfAgencies?: Partial<Record<SignOffEventType, Agency[]>>;
}

export interface DispatchOptions {
  idempotencyKey?: string;
  ifMatch?: number;
}

export interface CaseListFilter {
  stage?: string;
  /** Only cases not closed. */
  open?: boolean;
  overdue?: boolean;
  /** A running deadline due from today to this many calendar days ahead. */
  dueWithinDays?: number;
  /** A running deadline due from today to this many working days ahead, in the partnership's calendar. */
  dueWithinWorkingDays?: number;
  /** Only cases awaiting a sign-off from the caller's agency now (a delegated partner's; none for anyone else). */
  awaitingSignOff?: boolean;
  /** Only cases escalated to the lead partners now (state `decision.escalated`). */
  escalated?: boolean;
  /** 50 by default; 0 counts without listing. */
  limit?: number;
  offset?: number;
}

/** The state of a case escalated to the lead partners (issue 12 item 4, machine version 2). */
export const ESCALATED_STATE = 'decision.escalated';

/** Every stage but `closed`. */
const OPEN_STAGES = CASE_STAGES.filter((stage) => stage !== 'closed');

/** A case changed: what the reminders and mail features react to after the commit. */
export interface CaseChanged {
  caseId: string;
  partnershipId: string;
  type: string;
  from: string | null;
  to: string;
}

/** What was written for a case in one transaction; write hooks add their own rows in the same transaction. */
export interface CaseWritten {
  caseRow: CaseEntity;
  partnership: PartnershipEntity;
  deadlines: DeadlineEntity[];
  change: CaseChanged;
  now: Date;
}

export interface CaseWriteHook {
  afterCaseWritten(manager: EntityManager, written: CaseWritten): Promise<void>;
}

export const SYSTEM_ACTOR = {
  id: '00000000-0000-0000-0000-000000000000',
  partnershipId: '',
  email: 'system@practice-review',
  name: 'practice-review',
  roles: [],
} as unknown as AuthenticatedUser;

@Injectable()
export class CasesService implements OnModuleInit, PartnershipSettingsHook {
  private readonly listeners: ((change: CaseChanged) => void | Promise<void>)[] = [];
  private readonly writeHooks: CaseWriteHook[] = [];

  constructor(
    private readonly reads: ReadSide,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly partnerships: PartnershipsService,
    private readonly deadlines: CaseDeadlines,
    private readonly machines: CaseMachineRegistry,
    private readonly idempotency: IdempotencyRecords,
  ) {}

  onModuleInit(): void {
    this.partnerships.registerSettingsHook(this);
  }

  /** Called after each committed change; failures are the listener's own (a command never fails because of them). */
  onCaseChanged(listener: (change: CaseChanged) => void | Promise<void>): void {
    this.listeners.push(listener);
  }

  /** Lets another feature write its rows (reminders) in the same transaction as every case change. */
  registerWriteHook(hook: CaseWriteHook): void {
    this.writeHooks.push(hook);
  }

  /**
   * Appends an audit event that changes no state (for example `deadline.missed`), bumping the case version so the
   * history stays one event per version.
   */
  async recordSystemEvent(
    caseId: string,
    type: SystemAuditEventType,
    payload: Record<string, unknown>,
    options: { once?: boolean } = {},
  ): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        await this.tx.run(async (manager) => {
          const row = await manager.getRepository(CaseEntity).findOneBy({ id: caseId });
          if (!row) throw new NotFoundError('Case');
          if (options.once && (await this.hasSystemEvent(manager, caseId, type, payload))) return;
          await this.appendSystemEvent(manager, row, type, payload);
        });
        return;
      } catch (error) {
        if (!(error instanceof StaleCaseError) || attempt === MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Whether the case's history already holds this system event with this payload (a fact recorded once). */
  private async hasSystemEvent(
    manager: EntityManager,
    caseId: string,
    type: SystemAuditEventType,
    payload: Record<string, unknown>,
  ): Promise<boolean> {
    const recorded = await manager.getRepository(CaseAuditEventEntity).find({
      where: { caseId, type },
      select: { id: true, payload: true },
    });
    return recorded.some((event) => isDeepStrictEqual(event.payload, payload));
  }

  /** An audit event that keeps the state, with the version bump that keeps the history one event per version. */
  private async appendSystemEvent(
    manager: EntityManager,
    row: CaseEntity,
    type: SystemAuditEventType,
    payload: Record<string, unknown>,
  ): Promise<CaseEntity> {
    const updated = await manager
      .createQueryBuilder()
      .update(CaseEntity)
      .set({ version: row.version + 1 })
      .where('id = :id AND version = :version', { id: row.id, version: row.version })
      .execute();
    if (!updated.affected) throw new StaleCaseError();
    const bumped = Object.assign(new CaseEntity(), row, { version: row.version + 1 });
    await this.appendAudit(manager, bumped, SYSTEM_ACTOR, type, row.state, row.state, payload, bumped.version);
    return bumped;
  }

  private async runWriteHooks(manager: EntityManager, written: CaseWritten): Promise<void> {
    for (const hook of this.writeHooks) await hook.afterCaseWritten(manager, written);
  }

  private today(): string {
    return todayInLondon(this.clock.now());
  }

  async open(user: AuthenticatedUser, input: OpenCaseDto): Promise<CaseView> {
    assertHasRole(user.roles, CASE_OPENERS);
    const partnership = await this.partnerships.get(user.partnershipId);
    const today = this.today();
    const version = this.machines.currentVersion;
    const relevantAgencies = partnership.relevantAgencies.map(({ key, name }) => ({ key, name })); // issue 12 item 1
    // Issue 12 item 2: the agencies a child was known to are the case's; the nature of the notification is its path.
    assertKnownToRelevantAgencies(input, relevantAgencies);
    const details = openingDetails(input);
    const snapshot = openCase(this.machines.get(version), {
      laAwareOn: input.laAwareOn,
      signOffAgencies: partnership.signOffAgencies,
      relevantAgencies,
      ...routeOf(details.nature!, input),
      children: input.children.length,
    });
    const { row, change } = await this.tx.run(async (manager) => {
      const reference = await this.nextReference(manager, partnership.id, Number(today.slice(0, 4)));
      const entity = manager.getRepository(CaseEntity).create({
        id: randomUUID(),
        partnershipId: partnership.id,
        reference,
        machineId: CASE_MACHINE_ID,
        machineVersion: version,
        rulebookVersion: CURRENT_RULEBOOK_VERSION,
        snapshot,
        stage: stageOf(snapshot),
        state: stateOf(snapshot),
        details,
      });
      await manager.getRepository(CaseEntity).save(entity);
      const saved = await manager.getRepository(CaseEntity).findOneByOrFail({ id: entity.id });
      await this.appendAudit(
        manager,
        saved,
        user,
        'case.opened',
        null,
        saved.state,
        { laAwareOn: input.laAwareOn },
        1,
        {
          occurredOn: today,
        },
      );
      const change = await this.writeNewCaseRows(manager, saved, partnership, today, 'case.opened');
      return { row: saved, change };
    });
    this.notify(change);
    return this.toView(row, partnership, today);
  }

  /**
   * Item 6: brings in a running case with its history. Each event is replayed through the case's machine, oldest
   * first, as if received on the day it happened (so clocks, guards and dates are honest), with the importing user as
   * the actor; the case, its audit events (the opening `case.imported`, each replayed event flagged `imported` with its
   * original actor kept), its deadlines and reminders are written in one transaction. A refusal names the event.
   */
  async importCase(user: AuthenticatedUser, input: ParsedImport, label = ''): Promise<CaseView> {
    const { view, change } = await this.importOne(user, input, label);
    this.notify(change);
    return view;
  }

  /** One import, written (in the caller's transaction when there is one) but not yet announced to the listeners. */
  private async importOne(
    user: AuthenticatedUser,
    input: ParsedImport,
    label: string,
  ): Promise<{ view: CaseView; change: CaseChanged }> {
    assertHasRole(user.roles, CASE_OPENERS);
    const partnership = await this.partnerships.get(user.partnershipId);
    const today = this.today();
    const version = this.machines.currentVersion;
    const machine = this.machines.get(version);
    const { opening } = input;
    if (opening.laAwareOn > today) {
      throw new RuleViolatedError(`${label}laAwareOn (${opening.laAwareOn}) cannot be in the future`);
    }
    // Opened as POST /cases opens it (the partnership's agencies, the notification's path), then replayed.
    const relevantAgencies = partnership.relevantAgencies.map(({ key, name }) => ({ key, name }));
    assertKnownToRelevantAgencies(opening, relevantAgencies);
    let details = openingDetails(opening);
    let snapshot = openCase(machine, {
      laAwareOn: opening.laAwareOn,
      signOffAgencies: partnership.signOffAgencies,
      relevantAgencies,
      ...routeOf(details.nature!, opening),
      children: opening.children.length,
    });
    const openedState = stateOf(snapshot);
    const replayed: {
      type: string;
      from: string;
      to: string;
      payload: Record<string, unknown>;
      item: ParsedImport['history'][number];
    }[] = [];
    let previous: { name: string; on: string } | undefined;
    for (const item of input.history) {
      const { parsed, index, occurredOn } = item;
      const name = `${label}${item.source ?? `history[${index}]`} (${parsed.type})`;
      if (occurredOn > today) throw new RuleViolatedError(`${name}: its date (${occurredOn}) is in the future`);
      if (previous && occurredOn < previous.on) {
        throw new RuleViolatedError(
          `${name} is dated ${occurredOn}, before ${previous.name} (${previous.on}): list the events in the order they happened`,
        );
      }
      previous = { name, on: occurredOn };
      const event = machineEventOf(parsed, actorOf(user), occurredOn, details);
      const result = dispatch(machine, snapshot, event);
      if (!result.ok) throw refusalToError(prefixRefusal(result.refusal, name));
      // As a dispatched event: the details events change the row's details, and a child's never reach the history.
      const detailsChange = detailsChangeOf(details, parsed);
      replayed.push({
        type: parsed.type,
        from: result.from,
        to: result.to,
        payload: detailsChange?.auditPayload ?? auditPayloadOf(parsed, snapshot.context, event),
        item,
      });
      if (detailsChange) details = detailsChange.details;
      if (event.type === 'fact.corrected' && event.fact === 'incidentOn')
        details = { ...details, incidentOn: event.value };
      snapshot = result.snapshot;
    }
    const { row, change } = await this.tx.run(async (manager) => {
      // The checks that need the partnership's users (a lead reviewer's account), as a dispatched event has them.
      for (const { item } of replayed) {
        const event = machineEventOf(item.parsed, actorOf(user), item.occurredOn, details);
        const unmet = await lcsprServiceViolation(manager, event, {
          machineVersion: version,
          partnershipId: partnership.id,
        });
        if (unmet) throw new RuleViolatedError(`${label}${item.source ?? `history[${item.index}]`}: ${unmet}`);
      }
      const reference = await this.nextReference(manager, partnership.id, Number(today.slice(0, 4)));
      const repo = manager.getRepository(CaseEntity);
      const entity = repo.create({
        id: randomUUID(),
        partnershipId: partnership.id,
        reference,
        machineId: CASE_MACHINE_ID,
        machineVersion: version,
        rulebookVersion: CURRENT_RULEBOOK_VERSION,
        snapshot,
        stage: stageOf(snapshot),
        state: stateOf(snapshot),
        details,
        reviewerUserId: snapshot.context.lcspr.reviewer?.userId ?? null,
      });
      await repo.save(entity);
      // One audit event per version, as for every case: the opening and each replayed event.
      await manager
        .createQueryBuilder()
        .update(CaseEntity)
        .set({ version: 1 + replayed.length })
        .where('id = :id', { id: entity.id })
        .execute();
      const saved = await repo.findOneByOrFail({ id: entity.id });
      await this.appendAudit(
        manager,
        saved,
        user,
        'case.imported',
        null,
        openedState,
        { laAwareOn: opening.laAwareOn, events: replayed.length },
        1,
        { occurredOn: today },
      );
      for (const [i, event] of replayed.entries()) {
        await this.appendAudit(manager, saved, user, event.type, event.from, event.to, event.payload, i + 2, {
          occurredOn: event.item.occurredOn,
          imported: true,
          ...(event.item.actor ? { originalActor: event.item.actor } : {}),
        });
      }
      const change = await this.writeNewCaseRows(manager, saved, partnership, today, 'case.imported');
      return { row: saved, change };
    });
    return { view: this.toView(row, partnership, today), change };
  }

  /** What a new case (opened or imported) writes beside its row and history: deadlines, awaited sign-offs, hooks. */
  private async writeNewCaseRows(
    manager: EntityManager,
    saved: CaseEntity,
    partnership: PartnershipEntity,
    today: string,
    type: 'case.opened' | 'case.imported',
  ): Promise<CaseChanged> {
    const deadlines = await this.writeDeadlines(manager, saved, partnership, today);
    await this.writeAwaitedSignOffs(manager, saved, []);
    const change = { caseId: saved.id, partnershipId: saved.partnershipId, type, from: null, to: saved.state };
    await this.runWriteHooks(manager, { caseRow: saved, partnership, deadlines, change, now: this.clock.now() });
    return change;
  }

  /**
   * Item 6: several imports (the rows of a CSV file) in one transaction: all are brought in, or none. The reminder
   * jobs and other listeners hear of them only once that transaction has committed.
   */
  async importCases(
    user: AuthenticatedUser,
    inputs: readonly { input: ParsedImport; label: string }[],
  ): Promise<CaseView[]> {
    assertHasRole(user.roles, CASE_OPENERS);
    const imported = await this.tx.run(async () => {
      const done: { view: CaseView; change: CaseChanged }[] = [];
      for (const { input, label } of inputs) done.push(await this.importOne(user, input, label));
      return done;
    });
    imported.forEach(({ change }) => this.notify(change));
    return imported.map(({ view }) => view);
  }

  async get(user: AuthenticatedUser, caseId: string): Promise<CaseView> {
    const row = await this.load(this.reads.manager, user, caseId);
    const partnership = await this.partnerships.get(user.partnershipId);
    return this.toView(row, partnership, this.today());
  }

  /**
   * The whole record of one case, as the user's roles may read it (`RECORD_VISIBILITY`): the API's
   * `GET /cases/:id/record` and the case page both read it here.
   */
  async record(user: AuthenticatedUser, caseId: string): Promise<CaseRecordView> {
    const row = await this.load(this.reads.manager, user, caseId);
    return this.recordOf(user, row, await this.partnerships.get(user.partnershipId));
  }

  /**
   * What the case page reads, all of one version of the case: the case (as `get`), its record (as `record`) and the
   * events the user may send now (the state's allowed events that their role, and for a sign-off their agency, may
   * send: `eventsTheActorMaySendNow`), so the page offers a form only where the API would take the event.
   */
  async overview(user: AuthenticatedUser, caseId: string): Promise<CaseOverview> {
    const row = await this.load(this.reads.manager, user, caseId);
    const partnership = await this.partnerships.get(user.partnershipId);
    const view = this.toView(row, partnership, this.today());
    const allowed = allowedEvents(this.machines.get(row.machineVersion), row.snapshot);
    const actor = actorOf(user);
    const eventsYouMaySendNow = eventsTheActorMaySendNow(actor, row.snapshot.context, allowed);
    const onBehalfAgencies: NonNullable<CaseOverview['onBehalfAgencies']> = {};
    if (!user.roles.includes('delegated-partner')) {
      for (const type of eventsYouMaySendNow.filter(isSignOffEvent)) {
        onBehalfAgencies[type] = agenciesTheActorMaySignFor(actor, row.snapshot.context, type);
      }
    }
    return {
      case: view,
      record: await this.recordOf(user, row, partnership, view.deadlines),
      eventsYouMaySendNow,
      onBehalfAgencies,
    };
  }

  /** `deadlines`: the case's deadlines today, when the caller has them already (the agency returns' due dates). */
  private async recordOf(
    user: AuthenticatedUser,
    row: CaseEntity,
    partnership: PartnershipEntity,
    deadlines: readonly DeadlineLike[] = this.deadlines.compute(
      row.snapshot,
      row.rulebookVersion,
      partnership,
      this.today(),
    ),
  ): Promise<CaseRecordView> {
    const ids = recordUserIds(row.snapshot.context);
    const users = ids.length
      ? await this.reads.getRepository(UserEntity).find({
          where: { id: In(ids), partnershipId: user.partnershipId },
          select: { id: true, name: true },
        })
      : [];
    return toCaseRecord(row, user.roles, new Map(users.map((u) => [u.id, u.name])), {
      actionsEscalatedOn: await this.actionsEscalatedOn(row),
      deadlines,
    });
  }

  /**
   * Issue 12 item 3: the day each action was first escalated, from the case's `action.escalated` events (the service
   * records them as it sends the escalation; they change no state, so the snapshot does not hold them).
   */
  private async actionsEscalatedOn(row: CaseEntity): Promise<Map<string, string>> {
    if (Object.keys(row.snapshot.context.actions).length === 0) return new Map();
    const events = await this.reads.getRepository(CaseAuditEventEntity).find({
      where: { caseId: row.id, type: 'action.escalated' },
      select: { id: true, sequence: true, type: true, payload: true },
      order: { sequence: 'ASC' },
    });
    return actionsFirstEscalatedOn(events);
  }

  async history(user: AuthenticatedUser, caseId: string): Promise<AuditEventView[]> {
    await this.load(this.reads.manager, user, caseId);
    const events = await this.reads.getRepository(CaseAuditEventEntity).find({
      where: { caseId, partnershipId: user.partnershipId },
      order: { sequence: 'ASC' },
    });
    return events.map((e) => ({
      at: e.at.toISOString(),
      // Item 6: when it was recorded (`at`, also as `recordedAt`) and the day it happened.
      recordedAt: e.at.toISOString(),
      occurredOn: e.occurredOn ?? todayInLondon(e.at),
      ...(e.imported ? { imported: true } : {}),
      ...(e.originalActor ? { originalActor: e.originalActor } : {}),
      actor: {
        id: e.actorId,
        name: e.actorName,
        roles: e.actorRoles,
        ...(e.actorAgency ? { agency: e.actorAgency } : {}),
      },
      type: e.type,
      from: e.fromState,
      to: e.toState,
      payload: e.payload,
    }));
  }

  /**
   * One page of cases, newest first, with the number of all that match. Written so each step has one good plan on
   * both databases at 100,000 cases: deadline filters start from the running deadlines in range (their index holds
   * the case id), the page walks the (partnershipId, openedAt, reference, id) index without reading cases, and only
   * the page's rows are loaded.
   */
  async list(user: AuthenticatedUser, filter: CaseListFilter): Promise<CaseListView> {
    const today = this.today();
    const pid = user.partnershipId;
    const partnership = await this.partnerships.get(pid);
    const ranges: { sql: string; params: Record<string, string> }[] = [];
    if (filter.overdue) ranges.push({ sql: `d."dueOn" < :today`, params: { today } });
    if (filter.dueWithinDays !== undefined) {
      ranges.push({
        sql: `d."dueOn" >= :today AND d."dueOn" <= :untilDay`,
        params: { today, untilDay: addDays(today, filter.dueWithinDays) },
      });
    }
    if (filter.dueWithinWorkingDays !== undefined) {
      const calendar = this.deadlines.calendarOf(partnership);
      ranges.push({
        sql: `d."dueOn" >= :today AND d."dueOn" <= :untilWorkingDay`,
        params: { today, untilWorkingDay: calendar.addWorkingDays(today, filter.dueWithinWorkingDays) },
      });
    }
    // The cases awaiting the caller's sign-off are few (those in a sign-off round): their ids are read first, from
    // their own index, and the cases found by id, so no walk of the partnership's cases looks for them.
    let awaitedIds: string[] | undefined;
    if (filter.awaitingSignOff) {
      if (!user.roles.includes('delegated-partner') || !user.agency) return { items: [], total: 0 };
      const awaited = await this.reads
        .getRepository(AwaitedSignOffEntity)
        .find({ where: { partnershipId: pid, agency: user.agency }, select: { caseId: true } });
      awaitedIds = awaited.map((a) => a.caseId);
      if (awaitedIds.length === 0) return { items: [], total: 0 };
    }
    // Issue 12: a lead reviewer lists only the cases they review; `escalated` the cases with the lead partners.
    const reviewer = readsOnlyAppointedCases(user.roles) ? user.id : undefined;
    const otherFilters = Boolean(filter.stage || filter.open || ranges.length || filter.escalated || reviewer);
    const runningDeadlinesSql = (range: string) =>
      `SELECT d."caseId" FROM deadlines d WHERE d."partnershipId" = :pid AND d."clockState" = 'running' AND ${range}`;
    const matching = () => {
      const qb = this.reads.getRepository(CaseEntity).createQueryBuilder('c').setParameter('pid', pid);
      // The awaited ids are this partnership's: by id alone, SQLite finds each by its key.
      if (awaitedIds) qb.where('c.id IN (:...awaitedIds)', { awaitedIds });
      else qb.where('c.partnershipId = :pid');
      if (filter.stage) qb.andWhere('c.stage = :stage', { stage: filter.stage });
      if (filter.open) qb.andWhere('c.stage IN (:...openStages)', { openStages: OPEN_STAGES });
      for (const range of ranges) qb.andWhere(`c.id IN (${runningDeadlinesSql(range.sql)})`, range.params);
      if (filter.escalated) {
        qb.andWhere('c.stage = :decisionStage AND c.state = :escalatedState', {
          decisionStage: 'decision',
          escalatedState: ESCALATED_STATE,
        });
      }
      if (reviewer) qb.andWhere('c.reviewerUserId = :reviewer', { reviewer });
      return qb;
    };

    const limit = filter.limit ?? 50;
    // A limit of 0 asks only for the count (the home page's "needs you now"); TypeORM would read 0 as no limit.
    const page =
      limit === 0
        ? []
        : await matching()
            .select('c.id', 'id')
            .orderBy('c.openedAt', 'DESC')
            .addOrderBy('c.reference', 'DESC')
            .limit(limit)
            .offset(filter.offset ?? 0)
            .getRawMany<{ id: string }>();
    let counted: { n: string | number } | undefined;
    if (awaitedIds && !otherFilters) {
      counted = { n: awaitedIds.length };
    } else if (ranges.length === 1 && !filter.stage && !filter.open && !awaitedIds && !filter.escalated && !reviewer) {
      counted = await this.reads.manager
        .createQueryBuilder()
        .select('COUNT(DISTINCT m."caseId")', 'n')
        .from(`(${runningDeadlinesSql(ranges[0].sql)})`, 'm')
        .setParameters({ pid, ...ranges[0].params })
        .getRawOne();
    } else {
      counted = await matching().select('COUNT(*)', 'n').getRawOne();
    }
    const ids = page.map((r) => r.id);
    // By id alone: the ids come from this partnership's page, and a partnershipId term here lets SQLite pick the
    // partnership index and walk every case instead of fifty primary-key lookups.
    const rows = ids.length ? await this.reads.getRepository(CaseEntity).findBy({ id: In(ids) }) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return {
      items: ids.flatMap((id) => (byId.has(id) ? [this.toView(byId.get(id)!, partnership, today)] : [])),
      total: Number(counted?.n ?? 0),
    };
  }

  /**
   * Applies one event: 404, 403, If-Match, 409, 422 in the contract's order, then one transaction writes the
   * snapshot (optimistic version check), the audit event and the deadlines. A concurrent writer makes the version
   * check fail; the event is then retried on the fresh state, so simultaneous sign-offs are all kept.
   */
  async dispatch(
    user: AuthenticatedUser,
    caseId: string,
    parsed: ParsedCaseEvent,
    options: DispatchOptions = {},
  ): Promise<CaseView> {
    const requestHash = hashRequest(caseId, parsed);
    let idempotent: IdempotentRequest | undefined;
    if (options.idempotencyKey) {
      // A key is looked up only once the case is found (404) and the caller may send the event (403), as the
      // contract orders the checks; it belongs to this caller on this case.
      const row = await this.load(this.reads.manager, user, caseId);
      const forbidden = refusalFor(actorOf(user), parsed.type, row.snapshot.context, parsed.envelope);
      if (forbidden) throw new ForbiddenError(forbidden);
      idempotent = { userId: user.id, caseId: row.id, key: options.idempotencyKey };
      const previous = await this.idempotency.find(idempotent);
      if (previous) return this.replay(previous, requestHash);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dispatchOnce(user, caseId, parsed, options, requestHash, idempotent);
      } catch (error) {
        if (error instanceof StaleCaseError && options.ifMatch === undefined && attempt < MAX_ATTEMPTS) continue;
        if (idempotent && isUniqueViolation(error)) {
          const previous = await this.idempotency.find(idempotent);
          if (previous) return this.replay(previous, requestHash);
        }
        throw error;
      }
    }
  }

  private async dispatchOnce(
    user: AuthenticatedUser,
    caseId: string,
    parsed: ParsedCaseEvent,
    options: DispatchOptions,
    requestHash: string,
    idempotent: IdempotentRequest | undefined,
  ): Promise<CaseView> {
    const today = this.today();
    const { view, change } = await this.tx.run(async (manager) => {
      const row = await this.load(manager, user, caseId, true);
      const event = machineEventOf(parsed, actorOf(user), today, row.details);
      const forbidden = refusalFor(event.actor, event.type, row.snapshot.context, parsed.envelope);
      if (forbidden) throw new ForbiddenError(forbidden);
      if (options.ifMatch !== undefined && options.ifMatch !== row.version) {
        throw new ConflictError(
          `The case is at version ${row.version}, not ${options.ifMatch}: reload it and try again`,
        );
      }
      const result = dispatch(this.machines.get(row.machineVersion), row.snapshot, event);
      if (!result.ok) throw refusalToError(result.refusal);

      const partnership = await manager.getRepository(PartnershipEntity).findOneByOrFail({ id: row.partnershipId });
      // Issue 12 item 5: the rules that need the partnership's users or calendar (422), before anything is written.
      const unmet = await lcsprServiceViolation(manager, event, {
        machineVersion: row.machineVersion,
        partnershipId: row.partnershipId,
        reviewDeadline: this.deadlines
          .compute(row.snapshot, row.rulebookVersion, partnership, today)
          .find((d) => d.rule === 'lcspr-publish'),
      });
      if (unmet) throw new RuleViolatedError(unmet);
      // Issue 12 item 2: the notification's details live on the row; restricted values never reach the history.
      const detailsChange = detailsChangeOf(row.details, parsed);
      const changes = {
        snapshot: result.snapshot,
        stage: stageOf(result.snapshot),
        state: result.to,
        version: row.version + 1,
        reviewerUserId: result.snapshot.context.lcspr.reviewer?.userId ?? null,
        ...(detailsChange ? { details: detailsChange.details } : {}),
        // Item 6: the incident's date lives with its details, corrected in the same transaction.
        ...(event.type === 'fact.corrected' && event.fact === 'incidentOn'
          ? { details: { ...row.details, incidentOn: event.value } }
          : {}),
      };
      const updated = await manager
        .createQueryBuilder()
        .update(CaseEntity)
        .set(changes)
        .where('id = :id AND version = :version', { id: row.id, version: row.version })
        .execute();
      if (!updated.affected) throw new StaleCaseError();
      const fresh = Object.assign(new CaseEntity(), row, changes);
      await this.appendAudit(
        manager,
        fresh,
        user,
        parsed.type,
        result.from,
        result.to,
        detailsChange?.auditPayload ?? auditPayloadOf(parsed, row.snapshot.context, event),
        fresh.version,
        { occurredOn: actDateOf(parsed.type, parsed.payload, parsed.envelope, today) },
      );
      const deadlines = await this.writeDeadlines(manager, fresh, partnership, today);
      await this.writeAwaitedSignOffs(manager, fresh, this.awaitedSignOffs(row));
      const change = {
        caseId: row.id,
        partnershipId: row.partnershipId,
        type: parsed.type,
        from: result.from,
        to: result.to,
      };
      await this.runWriteHooks(manager, { caseRow: fresh, partnership, deadlines, change, now: this.clock.now() });
      const view = this.toView(fresh, partnership, today);
      if (idempotent) await this.idempotency.record(manager, idempotent, requestHash, view);
      return { view, change };
    });
    this.notify(change);
    return view;
  }

  private replay(previous: IdempotencyRecordEntity, requestHash: string): CaseView {
    if (previous.requestHash !== requestHash) {
      throw new ConflictError('This Idempotency-Key was already used for a different request');
    }
    return previous.body as CaseView;
  }

  /** A case of the reader's partnership; for a lead reviewer, only one they are appointed to (else 404). */
  private async load(
    manager: EntityManager,
    reader: AuthenticatedUser,
    caseId: string,
    forUpdate = false,
  ): Promise<CaseEntity> {
    if (!UUID.test(caseId)) throw new NotFoundError('Case');
    const repo = manager.getRepository(CaseEntity);
    const lock =
      forUpdate && manager.connection.options.type === 'postgres' ? { mode: 'pessimistic_write' as const } : undefined;
    const where = {
      id: caseId,
      partnershipId: reader.partnershipId,
      ...(readsOnlyAppointedCases(reader.roles) ? { reviewerUserId: reader.id } : {}),
    };
    const row = await repo.findOne({ where, ...(lock ? { lock } : {}) });
    if (!row) throw new NotFoundError('Case');
    return row;
  }

  private async nextReference(manager: EntityManager, partnershipId: string, year: number): Promise<string> {
    const repo = manager.getRepository(CaseReferenceCounterEntity);
    const counter = await repo.findOne({
      where: { partnershipId, year },
      ...(manager.connection.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const next = (counter?.lastNumber ?? 0) + 1;
    if (counter) await repo.update({ partnershipId, year }, { lastNumber: next });
    else await repo.insert({ partnershipId, year, lastNumber: next });
    return `CSPR-${year}-${String(next).padStart(4, '0')}`;
  }

  private async appendAudit(
    manager: EntityManager,
    row: CaseEntity,
    user: AuthenticatedUser,
    type: string,
    from: string | null,
    to: string,
    payload: Record<string, unknown>,
    sequence: number,
    dated: AuditDating = {},
  ): Promise<void> {
    await insertRows(manager, CaseAuditEventEntity, [
      {
        // The instant it is recorded, by the service's clock (as `today` is), beside the day the act happened.
        at: this.clock.now(),
        occurredOn: dated.occurredOn ?? this.today(),
        imported: dated.imported ?? false,
        originalActor: (dated.originalActor ?? null) as never,
        id: randomUUID(),
        caseId: row.id,
        partnershipId: row.partnershipId,
        sequence,
        actorId: user.id,
        actorName: user.name,
        actorRoles: user.roles,
        actorAgency: user.agency ?? null,
        type,
        fromState: from,
        toState: to,
        payload: payload as never,
      },
    ]);
  }

  private async writeDeadlines(
    manager: EntityManager,
    row: CaseEntity,
    partnership: PartnershipEntity,
    today: string,
  ): Promise<DeadlineEntity[] & { changed?: boolean }> {
    const repo = manager.getRepository(DeadlineEntity);
    const computed = this.deadlines.compute(row.snapshot, row.rulebookVersion, partnership, today);
    const keyOf = (d: { rule: string; subject?: string }) => `${d.rule}|${d.subject ?? ''}`;
    const rows = new Map((await repo.findBy({ caseId: row.id })).map((d) => [keyOf(d), d]));
    const added: DeadlineEntity[] = [];
    let changed = false;
    for (const deadline of computed) {
      const values = {
        startedOn: deadline.startedOn,
        dueOn: deadline.dueOn,
        stoppedOn: deadline.stoppedOn ?? null,
        clockState: this.deadlines.clockState(row.snapshot, deadline),
      };
      const current = rows.get(keyOf(deadline));
      if (!current) {
        const fresh = repo.create({
          id: randomUUID(),
          caseId: row.id,
          partnershipId: row.partnershipId,
          rule: deadline.rule,
          subject: deadline.subject ?? '',
          ...values,
        });
        added.push(fresh);
        rows.set(keyOf(deadline), fresh);
      } else if (
        current.startedOn !== values.startedOn ||
        current.dueOn !== values.dueOn ||
        current.stoppedOn !== values.stoppedOn ||
        current.clockState !== values.clockState
      ) {
        await repo.update({ id: current.id }, values);
        Object.assign(current, values);
        changed = true;
      }
    }
    await insertRows(manager, DeadlineEntity, added);
    return Object.assign([...rows.values()], { changed: changed || added.length > 0 });
  }

  private awaitedSignOffs(row: CaseEntity): AwaitedSignOff[] {
    const allowed = allowedEvents(this.machines.get(row.machineVersion), row.snapshot);
    return signOffsAwaited(row.snapshot.context, allowed);
  }

  /** Rewrites the case's awaited sign-offs when they differ from `before`, those of the snapshot it replaced. */
  private async writeAwaitedSignOffs(manager: EntityManager, row: CaseEntity, before: AwaitedSignOff[]): Promise<void> {
    const after = this.awaitedSignOffs(row);
    if (isDeepStrictEqual(before, after)) return;
    await manager.getRepository(AwaitedSignOffEntity).delete({ caseId: row.id });
    await insertRows(
      manager,
      AwaitedSignOffEntity,
      after.map(({ agency, event }) => ({ caseId: row.id, partnershipId: row.partnershipId, agency, event })),
    );
  }

  /**
   * New closure days, rule overrides or reminder offsets move due dates: every case of the partnership gets its
   * deadline rows rewritten where they differ (with a `deadlines.recomputed` audit event and a new version) and its
   * reminders re-planned, in the transaction that changed the settings.
   */
  async afterSettingsChanged(
    manager: EntityManager,
    partnership: PartnershipEntity,
    changedBy: string,
  ): Promise<() => void> {
    return (await this.recomputeDeadlines(manager, partnership, { reason: 'partnership-settings-changed', changedBy }))
      .notify;
  }

  /**
   * After an upgrade that corrects how due dates are computed (the calendar or a rule): every case of every
   * partnership gets the deadlines and reminders the running code gives, each partnership in one transaction, and an
   * audit event on each case whose deadlines moved. Returns how many cases moved.
   */
  async recomputeAllDeadlines(reason: string): Promise<number> {
    let moved = 0;
    for (const partnership of await this.partnerships.all()) {
      const recomputed = await this.tx.run((manager) => this.recomputeDeadlines(manager, partnership, { reason }));
      recomputed.notify();
      moved += recomputed.moved;
    }
    return moved;
  }

  private async recomputeDeadlines(
    manager: EntityManager,
    partnership: PartnershipEntity,
    why: Record<string, unknown>,
  ): Promise<{ notify: () => void; moved: number }> {
    const today = this.today();
    const now = this.clock.now();
    const changes: CaseChanged[] = [];
    let moved = 0;
    const repo = manager.getRepository(CaseEntity);
    const BATCH = 200;
    for (let after = ''; ;) {
      const rows = await repo.find({
        where: { partnershipId: partnership.id, ...(after ? { id: MoreThan(after) } : {}) },
        order: { id: 'ASC' },
        take: BATCH,
      });
      after = rows[rows.length - 1]?.id ?? after;
      for (const row of rows) {
        const deadlines = await this.writeDeadlines(manager, row, partnership, today);
        const change = {
          caseId: row.id,
          partnershipId: row.partnershipId,
          type: 'deadlines.recomputed' as const,
          from: row.state,
          to: row.state,
        };
        let caseRow = row;
        if (deadlines.changed) {
          caseRow = await this.appendSystemEvent(manager, row, change.type, why);
          moved++;
        }
        await this.runWriteHooks(manager, { caseRow, partnership, deadlines, change, now });
        changes.push(change);
      }
      if (rows.length < BATCH) break;
    }
    return { notify: () => changes.forEach((change) => this.notify(change)), moved };
  }

  private toView(row: CaseEntity, partnership: PartnershipEntity, today: string): CaseView {
    const context = row.snapshot.context;
    const signOffsOf = (rounds: SignOffRound[]) =>
      (rounds[rounds.length - 1]?.signOffs ?? []).map((s) => ({
        agency: s.agency,
        decision: s.decision,
        by: s.byName,
        at: s.at,
        ...(s.comment ? { comment: s.comment } : {}),
      }));
    return {
      id: row.id,
      reference: row.reference,
      stage: row.stage,
      state: row.state,
      machineVersion: row.machineVersion,
      version: row.version,
      openedAt: row.openedAt.toISOString(),
      ...(context.decision ? { decision: { ...context.decision } } : {}),
      signOffs: signOffsOf(context.decisionRounds),
      finalReportSignOffs: signOffsOf(context.finalReportRounds),
      deadlines: this.deadlines.compute(row.snapshot, row.rulebookVersion, partnership, today),
      allowedEvents: allowedEvents(this.machines.get(row.machineVersion), row.snapshot),
    };
  }

  private notify(change: CaseChanged): void {
    for (const listener of this.listeners) {
      Promise.resolve()
        .then(() => listener(change))
        .catch(() => undefined);
    }
  }
}

/**
 * A plain multi-row INSERT. `Repository.insert` reads every inserted row back for its database defaults, a second
 * statement per insert that nothing here needs.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
) {
  if (rows.length === 0) return;
  await manager.createQueryBuilder().insert().into(entity).values(rows).updateEntity(false).execute();
}

/** A child's `knownToAgencies` name agencies of the case's list (422 otherwise, as the events' rule says). */
function assertKnownToRelevantAgencies(input: OpenCaseDto, agencies: readonly { key: string }[]): void {
  const keys = new Set(agencies.map((agency) => agency.key));
  const unknown = input.children.flatMap((child) => (child.knownToAgencies ?? []).filter((key) => !keys.has(key)));
  if (unknown.length > 0) {
    throw new RuleViolatedError(
      `knownToAgencies must name the partnership's relevant agencies (not ${[...new Set(unknown)].join(', ')})`,
    );
  }
}

function actorOf(user: AuthenticatedUser) {
  return { id: user.id, name: user.name, roles: user.roles, ...(user.agency ? { agency: user.agency } : {}) };
}

/** Item 6: what an audit row says of the act beyond who recorded it and when. */
interface AuditDating {
  /** The day the act happened (default: the day it is recorded). */
  occurredOn?: string;
  imported?: boolean;
  originalActor?: { name: string; role?: string; agency?: string };
}

function hashRequest(caseId: string, parsed: ParsedCaseEvent): string {
  return createHash('sha256')
    .update(JSON.stringify([caseId, parsed.type, parsed.payload, ...(parsed.envelope ? [parsed.envelope] : [])]))
    .digest('hex');
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type { PersistedCaseSnapshot };
