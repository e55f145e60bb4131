import { request } from 'undici';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `url` until it answers 200, or `deadlineMs` passes, or `gaveUp()` names
 * a reason to stop early (the server process died, say).
 */
export async function waitForOk(url: string, deadlineMs: number, gaveUp: () => string | undefined): Promise<void> {
  const until = Date.now() + deadlineMs;
  let last = 'no answer yet';
  while (Date.now() < until) {
    const reason = gaveUp();
    if (reason !== undefined) throw new Error(reason);
    try {
      const res = await request(url, { headersTimeout: 2000, bodyTimeout: 2000 });
      await res.body.dump();
      if (res.statusCode === 200) return;
      last = `status ${res.statusCode}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${deadlineMs} ms (${last})`);
}
