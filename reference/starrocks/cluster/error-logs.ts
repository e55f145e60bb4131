// The BE's load error logs: one file per failed-row-producing load, named
// `error_log_<hi>_<lo>` from the fragment instance id, kept
// `load_error_log_reserve_hours`, at most MAX_ERROR_NUM row lines each.

import { randomBytes } from 'node:crypto';

export const MAX_ERROR_NUM = 50;

export interface ErrorLogFile {
  name: string;
  createdAt: number;
  lines: string[];
}

export class ErrorLogStore {
  private readonly files = new Map<string, ErrorLogFile>();
  private readonly now: () => number;
  private readonly reserveHours: () => number;

  constructor(now: () => number, reserveHours: () => number) {
    this.now = now;
    this.reserveHours = reserveHours;
  }

  /** A fresh file name: `error_log_` + the two halves of a random instance id in hex. */
  newName(): string {
    const b = randomBytes(16).toString('hex');
    return `error_log_${b.slice(0, 16).replace(/^0+(?=.)/, '')}_${b.slice(16).replace(/^0+(?=.)/, '')}`;
  }

  save(name: string, lines: string[]): void {
    this.files.set(name, { name, createdAt: this.now(), lines });
  }

  get(name: string): ErrorLogFile | undefined {
    this.expire();
    return this.files.get(name);
  }

  list(): ErrorLogFile[] {
    this.expire();
    return [...this.files.values()];
  }

  private expire(): void {
    const limit = this.reserveHours() * 3600 * 1000;
    for (const [k, f] of this.files) if (this.now() - f.createdAt > limit) this.files.delete(k);
  }
}
