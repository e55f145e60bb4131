// Quotas from users.xml (ClickHouse's EnabledQuota): usage is counted per
// quota and per key — the user name, the quota key a client sends when the
// quota is <keyed/>, or the client address for <keyed_by_ip/> — in intervals
// that end on multiples of their duration since the epoch. Each limit is
// checked where ClickHouse checks it: `queries` as a query starts (and the
// `errors` already made, then), `result_rows`, `read_rows` and
// `execution_time` as the query runs, block by block; an error is counted
// without a check. A limit of 0 is no limit.

import { EngineError } from '../errors.ts';
import { formatDateTime } from '../time.ts';
import type { QuotaConfig, QuotaInterval } from './config.ts';

/** QuotaType, by the names ClickHouse prints (QuotaTypeInfo). */
export type QuotaType = 'queries' | 'errors' | 'result_rows' | 'read_rows' | 'execution_time';

const LIMIT_OF: Record<QuotaType, keyof QuotaInterval> = {
  queries: 'queries', errors: 'errors', result_rows: 'resultRows', read_rows: 'readRows', execution_time: 'executionTime',
};

/** execution_time is counted in nanoseconds and configured and printed in seconds (output_denominator). */
const DENOMINATOR: Partial<Record<QuotaType, number>> = { execution_time: 1e9 };

interface Counter {
  endMs: number;
  used: Record<QuotaType, number>;
}

export interface QuotaSubject {
  user: string;
  quota?: string | undefined;
  quotaKey?: string | undefined;
  address?: string | undefined;
}

function zero(): Record<QuotaType, number> {
  return { queries: 0, errors: 0, result_rows: 0, read_rows: 0, execution_time: 0 };
}

/** The configured maximum in counting units (0: none). */
function maxOf(interval: QuotaInterval, type: QuotaType): number {
  const limit = Number(interval[LIMIT_OF[type]] ?? 0);
  return limit > 0 ? Math.round(limit * (DENOMINATOR[type] ?? 1)) : 0;
}

/** QuotaTypeInfo::valueToString: whole units as integers, else the fraction. */
function valueToString(type: QuotaType, value: number): string {
  return String(value / (DENOMINATOR[type] ?? 1));
}

export class QuotaUsage {
  private readonly configs: Map<string, QuotaConfig>;
  private readonly counters = new Map<string, Counter>();
  /** The server's timezone: ClickHouse prints the interval's end in it. */
  private readonly timezone: string;

  constructor(configs: Record<string, QuotaConfig>, timezone = 'UTC') {
    this.configs = new Map(Object.entries(configs));
    this.timezone = timezone;
  }

  keys(): IterableIterator<string> {
    return this.configs.keys();
  }

  /** A query starts: counts it (QUOTA_EXCEEDED past `queries`) and fails if `errors` is already past its limit. */
  chargeQuery(subject: QuotaSubject, nowMs = Date.now()): void {
    this.used(subject, 'queries', 1, true, nowMs);
    this.checkExceeded(subject, 'errors', nowMs);
  }

  /** A query failed: counted, never checked (the error that is being reported wins). */
  chargeError(subject: QuotaSubject, nowMs = Date.now()): void {
    this.used(subject, 'errors', 1, false, nowMs);
  }

  /**
   * Adds `value` to the usage of `type` in every interval; with `check`,
   * QUOTA_EXCEEDED (201) when the usage is then over an interval's limit.
   */
  used(subject: QuotaSubject, type: QuotaType, value: number, check = true, nowMs = Date.now()): void {
    this.eachInterval(subject, nowMs, (counter, interval, config) => {
      counter.used[type] += value;
      const max = maxOf(interval, type);
      if (check && max > 0 && counter.used[type] > max) this.exceeded(subject, config, interval, type, counter, max);
    });
  }

  /** EnabledQuota::checkExceeded(type): fails when an interval's usage is already over its limit. */
  checkExceeded(subject: QuotaSubject, type: QuotaType, nowMs = Date.now()): void {
    this.eachInterval(subject, nowMs, (counter, interval, config) => {
      const max = maxOf(interval, type);
      if (max > 0 && counter.used[type] > max) this.exceeded(subject, config, interval, type, counter, max);
    });
  }

  private exceeded(subject: QuotaSubject, _config: QuotaConfig, interval: QuotaInterval, type: QuotaType,
    counter: Counter, max: number): never {
    throw new EngineError('QUOTA_EXCEEDED', `Quota for user \`${subject.user}\` for ${interval.duration}s has been exceeded: `
      + `${type} = ${valueToString(type, counter.used[type])}/${valueToString(type, max)}. `
      + `Interval will end at ${formatDateTime(Math.floor(counter.endMs / 1000), this.timezone)}. `
      + `Name of quota template: \`${subject.quota}\``);
  }

  private eachInterval(subject: QuotaSubject, nowMs: number,
    visit: (counter: Counter, interval: QuotaInterval, config: QuotaConfig) => void): void {
    if (subject.quota === undefined) return;
    const config = this.configs.get(subject.quota);
    if (!config) return;
    const key = config.keyed ? (subject.quotaKey || subject.user) : config.keyedByIp ? (subject.address ?? '') : subject.user;
    (config.intervals ?? []).forEach((interval, i) => {
      if (interval.duration <= 0) return;
      visit(this.counter(`${subject.quota}\u0000${key}\u0000${i}`, interval, nowMs), interval, config);
    });
  }

  private counter(id: string, interval: QuotaInterval, nowMs: number): Counter {
    let counter = this.counters.get(id);
    // The interval's end moves on by whole durations and the counters start again.
    if (!counter || counter.endMs <= nowMs) {
      const durationMs = interval.duration * 1000;
      counter = { endMs: (Math.floor(nowMs / durationMs) + 1) * durationMs, used: zero() };
      this.counters.set(id, counter);
    }
    return counter;
  }
}
