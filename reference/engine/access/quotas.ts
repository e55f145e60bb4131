// Quotas from users.xml (ClickHouse's EnabledQuota): usage is counted per
// quota and per key — the user name, the quota key a client sends when the
// quota is <keyed/>, or the client address for <keyed_by_ip/> — in intervals
// that end on multiples of their duration since the epoch. Only the `queries`
// limit is enforced, at the start of each query, as ClickHouse does.

import { EngineError } from '../errors.ts';
import { formatDateTime } from '../time.ts';
import { defaultTimezone } from '../types.ts';
import type { QuotaConfig, QuotaInterval } from './config.ts';

interface Counter {
  endMs: number;
  queries: number;
}

export interface QuotaSubject {
  user: string;
  quota?: string | undefined;
  quotaKey?: string | undefined;
  address?: string | undefined;
}

export class QuotaUsage {
  private readonly configs: Map<string, QuotaConfig>;
  private readonly counters = new Map<string, Counter>();

  constructor(configs: Record<string, QuotaConfig>) {
    this.configs = new Map(Object.entries(configs));
  }

  keys(): IterableIterator<string> {
    return this.configs.keys();
  }

  /** Counts one query; QUOTA_EXCEEDED (201) when an interval's `queries` limit is passed. */
  chargeQuery(subject: QuotaSubject, nowMs = Date.now()): void {
    if (subject.quota === undefined) return;
    const config = this.configs.get(subject.quota);
    if (!config) return;
    const key = config.keyed ? (subject.quotaKey || subject.user) : config.keyedByIp ? (subject.address ?? '') : subject.user;
    (config.intervals ?? []).forEach((interval, i) => {
      if (!interval.queries || interval.duration <= 0) return;
      const counter = this.counter(`${subject.quota}\u0000${key}\u0000${i}`, interval, nowMs);
      counter.queries++;
      if (counter.queries > interval.queries) {
        throw new EngineError('QUOTA_EXCEEDED', `Quota for user \`${subject.user}\` for ${interval.duration}s has been exceeded: `
          + `queries = ${counter.queries}/${interval.queries}. Interval will end at ${formatDateTime(Math.floor(counter.endMs / 1000), defaultTimezone())}. `
          + `Name of quota template: \`${subject.quota}\``);
      }
    });
  }

  private counter(id: string, interval: QuotaInterval, nowMs: number): Counter {
    let counter = this.counters.get(id);
    if (!counter || counter.endMs <= nowMs) {
      const durationMs = interval.duration * 1000;
      counter = { endMs: (Math.floor(nowMs / durationMs) + 1) * durationMs, queries: 0 };
      this.counters.set(id, counter);
    }
    return counter;
  }
}
