// The three documented ways to name a user, always with the target's own
// credentials so that the same scenarios run against any server.

import { When } from '@cucumber/cucumber';
import type { OlapWorld } from './support/world.ts';

When('I POST {string} to {string} with the credentials in HTTP basic authentication', async function (this: OlapWorld, body: string, path: string) {
  const token = Buffer.from(`${this.target.user}:${this.target.password}`).toString('base64');
  await this.send('POST', path, this.bytes(body), { authorization: `Basic ${token}` });
});

When('I POST {string} to {string} with the credentials in the user and password URL parameters', async function (this: OlapWorld, body: string, path: string) {
  const join = path.includes('?') ? '&' : '?';
  const params = `user=${encodeURIComponent(this.target.user)}&password=${encodeURIComponent(this.target.password)}`;
  await this.send('POST', `${path}${join}${params}`, this.bytes(body));
});

When('I POST {string} to {string} with the credentials in the X-ClickHouse-User and X-ClickHouse-Key headers', async function (this: OlapWorld, body: string, path: string) {
  await this.send('POST', path, this.bytes(body), { 'x-clickhouse-user': this.target.user, 'x-clickhouse-key': this.target.password });
});
