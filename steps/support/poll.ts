// Waiting for something a server does on its own time (a query showing up in
// system.processes, a session expiring): ask again until it holds, within a bound.

import { setTimeout as sleep } from 'node:timers/promises';

/** Calls `check` every `everyMs` until it returns a value other than undefined; throws `what` after `withinMs`. */
export async function pollUntil<T>(what: string, withinMs: number, everyMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + withinMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= until) throw new Error(`${what}: still not so after ${withinMs} ms`);
    await sleep(everyMs);
  }
}
