// HTTP sessions: state kept per user and session_id between requests, until the
// session has been idle for its timeout.

import { When } from '@cucumber/cucumber';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseClickHouseError } from './support/clickhouse_error.ts';
import { basicAuth, sendHttp } from './support/http.ts';
import type { OlapWorld } from './support/world.ts';

const SESSION_NOT_FOUND = 372;

// Nothing shows whether a session still exists except asking for it, and a
// question that finds it also renews it. So ask with the same short timeout,
// and leave more than that timeout (plus the server's one-second clean-up tick)
// between questions.
When('the session {string} has been idle for longer than its timeout of {int} second(s)', async function (this: OlapWorld, session: string, seconds: number) {
  const id = encodeURIComponent(this.resolve(session));
  const gapMs = seconds * 1000 + 1500;
  const until = Date.now() + 4 * gapMs;
  for (;;) {
    await sleep(gapMs);
    const res = await sendHttp(this.target.url, {
      method: 'POST',
      path: `/?session_id=${id}&session_check=1&session_timeout=${seconds}`,
      headers: basicAuth(this.target.user, this.target.password),
      body: Buffer.from('SELECT 1'),
    });
    if (parseClickHouseError(res.body.toString('utf8'))?.code === SESSION_NOT_FOUND) return;
    if (Date.now() > until) throw new Error(`session ${this.resolve(session)} was still there after ${4 * gapMs} ms`);
  }
});
