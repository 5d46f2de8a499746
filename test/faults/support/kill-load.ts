import { AnswerLost, http, ServiceUnreachable } from './kill-service';

export type Member = 'bu' | 'subgroup' | 'la' | 'police' | 'health';
export type Tokens = Record<Member, string>;

interface Command {
  by: Member;
  type: string;
  payload: Record<string, unknown>;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const PARTNERS = ['la', 'police', 'health'] as const;

/**
 * An LCSPR case from notification to closure. The service runs on real time, so every date is today (or later where
 * a date must be in the future). Commands of one group are sent at once, as three partners signing together would.
 */
export function journey(today: string): Command[][] {
  const subgroup = (type: string, payload: Record<string, unknown> = {}): Command => ({
    by: 'subgroup',
    type,
    payload,
  });
  const bu = (type: string, payload: Record<string, unknown> = {}): Command => ({ by: 'bu', type, payload });
  return [
    [bu('notification.submitted', { submittedOn: today })],
    [bu('partners.informed', { informedOn: today })],
    ['local-authority', 'police', 'health'].map((agency) => subgroup('agency-return.received', { agency })),
    [subgroup('rapid-review.meeting-held', { heldOn: today })],
    [subgroup('rapid-review.recommended', { recommendation: 'lcspr', rationale: 'Criteria met (test).' })],
    PARTNERS.map((by) => ({ by, type: 'decision.signed-off', payload: { decision: 'agree' } })),
    [bu('rapid-review.submitted', { submittedOn: today })],
    [bu('panel.responded', { response: 'agrees', respondedOn: today })],
    [subgroup('lcspr.reviewer-appointed', { reviewerName: 'A. Reviewer', independent: true })],
    [subgroup('lcspr.terms-agreed', { agreedOn: today }), subgroup('lcspr.methodology-agreed', { agreedOn: today })],
    [subgroup('lcspr.paused', { reason: 'other', detail: 'Waiting for a report (test).' })],
    [subgroup('lcspr.resumed', { resumedOn: today })],
    [subgroup('lcspr.draft-received', { receivedOn: today })],
    PARTNERS.map((by) => ({ by, type: 'lcspr.final-report-signed-off', payload: { decision: 'agree' } })),
    [bu('publication.scheduled', { plannedOn: addDays(today, 30) })],
    [bu('publication.report-sent', { sentOn: today })],
    [bu('publication.published', { publishedOn: today, url: 'https://partnership.test/reports/1' })],
    [
      subgroup('action.added', {
        actionId: 'A1',
        description: 'Training (test).',
        owner: 'LA',
        dueOn: addDays(today, 60),
      }),
    ],
    [subgroup('action.completed', { actionId: 'A1', completedOn: today })],
    [subgroup('case.closed')],
  ];
}

export interface Acknowledged {
  caseId: string;
  type: string;
  /** The case version the command produced: its place in the history. */
  version: number;
}

/** What the clients were told, and what the kills left unanswered. */
export class Ledger {
  /** Every 2xx answer by idempotency key: a retry's replayed answer is the same acknowledgement. */
  readonly acknowledged = new Map<string, Acknowledged>();
  /** Commands sent whose answer a kill cut off (key -> case), until a retry with the same key answers them. */
  readonly unanswered = new Map<string, string>();
  unansweredOpens = 0;
  /** Unanswered commands whose retry was answered from the idempotency record: the kill came after the commit. */
  committedBeforeKill = 0;
  /** Unanswered commands the service had not committed, applied by their retry. */
  appliedOnRetry = 0;
  private versionsAtRestart = new Map<string, number>();

  acknowledge(key: string, ack: Acknowledged): void {
    if (this.unanswered.delete(key)) {
      if (ack.version <= (this.versionsAtRestart.get(ack.caseId) ?? 0)) this.committedBeforeKill++;
      else this.appliedOnRetry++;
    }
    this.acknowledged.set(key, ack);
  }

  /** Reads, before any client resumes, the version of each case with an unanswered command. */
  async noteVersionsAtRestart(baseUrl: string, token: string): Promise<void> {
    for (const caseId of new Set(this.unanswered.values())) {
      const res = await http(baseUrl, 'GET', `/cases/${caseId}`, { token });
      if (res.status !== 200) throw new Error(`GET /cases/${caseId} answered ${res.status}`);
      this.versionsAtRestart.set(caseId, res.body.version);
    }
  }

  /** Acknowledged commands missing from their case's history, described; empty when none was lost. */
  async lostAcknowledgements(baseUrl: string, token: string): Promise<string[]> {
    const byCase = new Map<string, Acknowledged[]>();
    for (const ack of this.acknowledged.values()) byCase.set(ack.caseId, [...(byCase.get(ack.caseId) ?? []), ack]);
    const lost: string[] = [];
    const caseIds = [...byCase.keys()];
    const readers = Array.from({ length: 8 }, async () => {
      for (let caseId = caseIds.pop(); caseId; caseId = caseIds.pop()) {
        const res = await http(baseUrl, 'GET', `/cases/${caseId}/history`, { token });
        if (res.status !== 200) {
          lost.push(`${caseId}: history answered ${res.status}`);
          continue;
        }
        for (const ack of byCase.get(caseId)!) {
          const event = res.body[ack.version - 1];
          if (event?.type !== ack.type)
            lost.push(`${caseId} version ${ack.version} ${ack.type}: the history has ${event?.type ?? 'nothing'}`);
        }
      }
    });
    await Promise.all(readers);
    return lost;
  }
}

/**
 * One user agent working through cases: opens a case, takes it along the journey to closure, opens the next. Every
 * event carries an Idempotency-Key, so after a kill the client resends exactly what went unanswered.
 */
export class JourneyClient {
  private caseId?: string;
  private group = 0;
  private opened = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly tokens: Tokens,
    private readonly ledger: Ledger,
    private readonly today: string,
    private readonly steps: Command[][] = journey(today),
  ) {}

  /** Sends commands until `stop()`, or until the service goes away. */
  async run(stop: () => boolean): Promise<void> {
    try {
      while (!stop()) await this.next();
    } catch (error) {
      if (!(error instanceof AnswerLost || error instanceof ServiceUnreachable)) throw error;
    }
  }

  /** Opens a case, or sends the next group of the journey (again, with the same keys, if its answers were lost). */
  async next(): Promise<void> {
    if (!this.caseId) return this.open();
    const caseId = this.caseId;
    const results = await Promise.allSettled(
      this.steps[this.group].map((command, i) => this.send(caseId, command, `${caseId}/${this.group}/${i}`)),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    this.group++;
    if (this.group === this.steps.length) {
      this.caseId = undefined;
      this.group = 0;
    }
  }

  private async open(): Promise<void> {
    // Every other case became known two weeks ago: its reminders are due, so the service's own sender records
    // deadline.missed events among the commands.
    const laAwareOn = this.opened++ % 2 === 0 ? this.today : addDays(this.today, -14);
    let res;
    try {
      res = await http(this.baseUrl, 'POST', '/cases', {
        token: this.tokens.bu,
        body: {
          laAwareOn,
          incidentOn: laAwareOn,
          incidentType: 'serious-harm',
          abuseOrNeglect: 'suspected',
          lookedAfter: false,
          children: [{ ageYears: 4, sex: 'unknown' }],
          summary: 'Summary of the incident (test data).',
        },
      });
    } catch (error) {
      if (error instanceof AnswerLost) this.ledger.unansweredOpens++;
      throw error;
    }
    if (res.status !== 201) throw new Error(`POST /cases answered ${res.status}: ${JSON.stringify(res.body)}`);
    this.ledger.acknowledge(`open/${res.body.id}`, { caseId: res.body.id, type: 'case.opened', version: 1 });
    this.caseId = res.body.id;
    this.group = 0;
  }

  private async send(caseId: string, command: Command, key: string): Promise<void> {
    let res;
    try {
      res = await http(this.baseUrl, 'POST', `/cases/${caseId}/events`, {
        token: this.tokens[command.by],
        body: { type: command.type, ...command.payload },
        headers: { 'Idempotency-Key': key },
      });
    } catch (error) {
      if (error instanceof AnswerLost) this.ledger.unanswered.set(key, caseId);
      throw error;
    }
    if (res.status !== 200)
      throw new Error(`${command.type} on ${caseId} answered ${res.status}: ${JSON.stringify(res.body)}`);
    this.ledger.acknowledge(key, { caseId, type: command.type, version: res.body.version });
  }
}
