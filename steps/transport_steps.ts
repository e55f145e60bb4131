// HTTPS, and what HEAD answers next to GET.

import { Before, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { HttpResponse } from './support/http.ts';
import type { OlapWorld } from './support/world.ts';

// A target without an HTTPS endpoint cannot show HTTPS behaviour: skipped, never passed.
Before({ tags: '@https' }, function (this: OlapWorld) {
  return this.target.httpsUrl ? undefined : 'skipped';
});

function httpsUrl(world: OlapWorld): string {
  if (!world.target.httpsUrl) throw new Error('the target has no HTTPS endpoint');
  return world.target.httpsUrl;
}

When('I GET {string} over HTTPS', async function (this: OlapWorld, path: string) {
  await this.sendTo(httpsUrl(this), 'GET', path);
});

When('I POST {string} to {string} over HTTPS', async function (this: OlapWorld, body: string, path: string) {
  await this.sendTo(httpsUrl(this), 'POST', path, this.bytes(body));
});

const lastGet = new WeakMap<OlapWorld, HttpResponse>();

When('I GET {string} and then HEAD it', async function (this: OlapWorld, path: string) {
  lastGet.set(this, await this.send('GET', path));
  await this.send('HEAD', path);
});

// Date, query id and summary differ from one request to the next by nature.
Then('the HEAD answer carries the headers of the GET answer, apart from {string}', function (this: OlapWorld, apart: string) {
  const get = lastGet.get(this);
  if (!get) throw new Error('no GET was sent first');
  const ignored = new Set(['date', ...apart.split(',').map((name) => name.trim().toLowerCase())]);
  const pick = (res: HttpResponse) => Object.fromEntries(Object.entries(res.headers).filter(([name]) => !ignored.has(name)));
  expect(pick(this.response), 'HEAD headers').to.deep.equal(pick(get));
});
