// Requests to a StarRocks node as a curl user writes them: to the FE, a BE or
// a CN, with the target's credentials, other ones, or none.

import { defineParameterType, When } from '@cucumber/cucumber';
import { setTimeout as sleep } from 'node:timers/promises';
import { starrocks, type Auth } from './support/session.ts';
import type { NodeKind } from './support/nodes.ts';
import { clientAddress } from './support/fe_hosts.ts';
import type { OlapWorld } from '../support/world.ts';

defineParameterType({ name: 'starrocks_node', regexp: /FE|BE|CN/, transformer: (kind: string) => kind as NodeKind });

async function request(world: OlapWorld, kind: NodeKind, method: string, path: string, auth: Auth, body?: string) {
  await starrocks(world).send(kind, method, path, { auth, ...(body !== undefined ? { body: world.bytes(body) } : {}) });
}

When('I {word} {string} on the {starrocks_node}', async function (this: OlapWorld, method: string, path: string, kind: NodeKind) {
  await request(this, kind, method, path, 'target');
});

When('I {word} {string} on the {starrocks_node} without credentials', async function (this: OlapWorld, method: string, path: string, kind: NodeKind) {
  await request(this, kind, method, path, 'none');
});

When('I {word} {string} on the {starrocks_node} as {string} with the password {string}',
  async function (this: OlapWorld, method: string, path: string, kind: NodeKind, user: string, password: string) {
    await request(this, kind, method, path, { user: this.resolve(user), password });
  });

When('I {word} {string} on the {starrocks_node} with the body {string}',
  async function (this: OlapWorld, method: string, path: string, kind: NodeKind, body: string) {
    await request(this, kind, method, path, 'target', body);
  });

When('I {word} {string} on the {starrocks_node} without credentials with the body {string}',
  async function (this: OlapWorld, method: string, path: string, kind: NodeKind, body: string) {
    await request(this, kind, method, path, 'none', body);
  });

// Some state lives in the connection (the FE's compressor remembers a /metrics request), so a
// step can ask for a connection that carried nothing before.
When('I {word} {string} on the {starrocks_node} without credentials over a new connection',
  async function (this: OlapWorld, method: string, path: string, kind: NodeKind) {
    await starrocks(this).send(kind, method, path, { auth: 'none', newConnection: true });
  });

When('I {word} {string} on the FE from an FE host', async function (this: OlapWorld, method: string, path: string) {
  const local = await clientAddress(starrocks(this), true);
  if (local === undefined) return 'skipped';
  await starrocks(this).send('FE', method, path, { auth: 'none', localAddress: local });
  return undefined;
});

When('I {word} {string} on the FE from a host that is not an FE', async function (this: OlapWorld, method: string, path: string) {
  const local = await clientAddress(starrocks(this), false);
  if (local === undefined) return 'skipped';
  await starrocks(this).send('FE', method, path, { auth: 'none', localAddress: local });
  return undefined;
});

// Some answers are made in the background (a query profile); poll for them, never sleep blind.
When('I {word} {string} on the FE until it answers {int}',
  async function (this: OlapWorld, method: string, path: string, status: number) {
    const until = Date.now() + 60_000;
    for (;;) {
      const res = await starrocks(this).send('FE', method, path, { auth: 'target' });
      if (res.status === status || Date.now() > until) return;
      await sleep(500);
    }
  });

When('I {word} the ErrorURL of the answer without credentials', async function (this: OlapWorld, method: string) {
  const session = starrocks(this);
  const body = JSON.parse(this.response.body.toString('utf8')) as { ErrorURL?: string };
  if (!body.ErrorURL) throw new Error(`the answer has no ErrorURL: ${this.response.body.toString('utf8')}`);
  await session.sendTo(body.ErrorURL, method, { auth: 'none' });
});
