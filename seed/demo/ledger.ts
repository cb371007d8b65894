/**
 * The money's books: the city's allocations to the unions and the unions' (or, under an agency
 * agreement, the school's: R3) payments to the workers, each movement appended to the audit chain
 * (I7). Refunds and fund returns are kept here too, filled by the money phase.
 */
import { addMs, DAY, HOUR, iso, maxDate, ymd, type Ctx } from './context';
import type { Allocation, App, FundReturn, Org, Payment, Refund, Round, Stage } from './model';
import { hasCard } from './people';

const FAIL_REASONS = ['账户户名与身份证姓名不一致，银行退票', '银行卡已销户', '卡号有误，银行退票'];

type Outcome = 'paid' | 'pending' | 'failed' | 'cancelled';

export class Ledger {
  readonly allocations: Allocation[] = [];
  readonly payments: Payment[] = [];
  readonly refunds: Refund[] = [];
  readonly fundReturns: FundReturn[] = [];
  private readonly refSeq = new Map<string, number>();

  constructor(
    private readonly ctx: Ctx,
    private readonly rounds: Round[],
    private readonly school: Org,
    private readonly agencyStages: Map<number, string>,
  ) {}

  /** A bank reference: prefix, date, and a number counting up per prefix and day. */
  reference(prefix: string, at: Date): string {
    const key = `${prefix}-${ymd(at).replace(/-/g, '')}`;
    const n = (this.refSeq.get(key) ?? 0) + 1;
    this.refSeq.set(key, n);
    return `${key}-${String(n).padStart(4, '0')}`;
  }

  /** An allocation of a stage's amount for each of `list`; `dates` are [created, transferred, received]. */
  allocate(
    round: number,
    org: Org,
    stage: Stage,
    list: App[],
    status: Allocation['status'],
    dates: [Date, Date | null, Date | null],
  ): Allocation {
    const r = this.rounds[round];
    const amount = stage === 'process' ? r.processAmountFen : r.resultAmountFen;
    const al: Allocation = {
      id: 0,
      round: r,
      org,
      stage,
      amountFen: amount * list.length,
      apps: list,
      status,
      createdAt: dates[0],
      transferredAt: dates[1],
      receivedAt: dates[2],
    };
    this.allocations.push(al);
    this.auditAllocation(al);
    return al;
  }

  private auditAllocation(al: Allocation): void {
    const { event } = this.ctx;
    const after = (status: string) => () => ({
      roundId: al.round.id,
      organizationId: al.org.id,
      stage: al.stage,
      amountFen: al.amountFen,
      applicationCount: al.apps.length,
      status,
    });
    event(al.createdAt, 'allocations', 'create', () => al.id, after('created'));
    if (al.transferredAt)
      event(al.transferredAt, 'allocations', 'transfer', () => al.id, after('transferred'));
    if (al.receivedAt) event(al.receivedAt, 'allocations', 'receive', () => al.id, after('received'));
  }

  /**
   * A payment created at `created` with the given outcome; a paid one is paid within `paidWindow`
   * (or a few days after creation). Now and then a city payment bounced first and was reissued.
   */
  pay(
    a: App,
    al: Allocation | null,
    stage: Stage,
    source: 'city' | 'matching',
    amountFen: number,
    created: Date,
    outcome: Outcome,
    paidWindow?: [Date, Date],
    cancelReason?: string,
  ): Payment {
    const { rng } = this.ctx;
    const agency = source === 'city' && this.agencyFor(a, stage);
    const mk = (status: Payment['status'], createdAt: Date): Payment => ({
      id: 0,
      app: a,
      allocation: al,
      org: a.l2,
      stage,
      source,
      amountFen,
      channel: agency ? 'agency' : 'direct',
      payer: agency ? this.school : a.l2,
      status,
      reference: null,
      failureReason: null,
      reissueOf: null,
      paidAt: null,
      createdAt,
    });
    if (outcome === 'paid' && source === 'city' && rng.chance(0.04))
      return this.bounced(a, agency, mk, created);
    const p = mk(outcome, created);
    if (outcome === 'paid') {
      p.paidAt = paidWindow
        ? maxDate(this.ctx.between(paidWindow[0], paidWindow[1]), addMs(created, 6 * HOUR))
        : addMs(created, rng.int(1, 4) * DAY);
      p.reference = this.reference(
        agency
          ? 'ZGXX-DF'
          : source === 'matching'
            ? `${a.l2.code.toUpperCase()}-PT`
            : a.l2.code.toUpperCase(),
        p.paidAt,
      );
    } else if (outcome === 'failed') {
      p.failedAt = addMs(created, rng.int(3, 10) * DAY);
      p.failureReason = rng.pick(FAIL_REASONS);
    } else if (outcome === 'cancelled') {
      p.failedAt = addMs(created, rng.int(3, 15) * DAY);
      p.failureReason = cancelReason ?? '不符合发放条件';
    }
    this.record(p);
    return p;
  }

  /** A first attempt bounced; the union reissued it, and the reissue was paid. */
  private bounced(
    a: App,
    agency: boolean,
    mk: (status: Payment['status'], createdAt: Date) => Payment,
    created: Date,
  ): Payment {
    const { rng } = this.ctx;
    const failed = mk('failed', created);
    failed.failedAt = addMs(created, rng.int(2, 6) * DAY);
    failed.failureReason = rng.pick(FAIL_REASONS);
    this.record(failed);
    const again = mk('paid', addMs(failed.failedAt, rng.int(1, 4) * DAY));
    again.reissueOf = failed;
    again.paidAt = addMs(again.createdAt, rng.int(1, 5) * DAY + rng.int(0, 3) * HOUR);
    again.reference = this.reference(agency ? 'ZGXX-DF' : a.l2.code.toUpperCase(), again.paidAt);
    this.record(again);
    return again;
  }

  /** R3: the school pays the stages of the union's agreement, to a worker with a card. */
  private agencyFor(a: App, stage: Stage): boolean {
    return (this.agencyStages.get(a.l2.id)?.split(',').includes(stage) ?? false) && hasCard(a.worker);
  }

  private record(p: Payment): void {
    this.payments.push(p);
    const base = () => ({
      applicationId: p.app.id,
      stage: p.stage,
      source: p.source,
      amountFen: p.amountFen,
      channel: p.channel,
      payerOrganizationId: p.payer.id,
    });
    const { event } = this.ctx;
    if (p.status === 'paid')
      event(
        p.paidAt!,
        'payments',
        'pay',
        () => p.id,
        () => ({ ...base(), status: 'paid', reference: p.reference, paidAt: iso(p.paidAt!) }),
      );
    if (p.status === 'failed')
      event(
        p.failedAt!,
        'payments',
        'fail',
        () => p.id,
        () => ({ ...base(), status: 'failed', reason: p.failureReason }),
      );
    if (p.status === 'cancelled')
      event(
        p.failedAt!,
        'payments',
        'cancel',
        () => p.id,
        () => ({ ...base(), status: 'cancelled', reason: p.failureReason }),
      );
  }
}
