// HTTPS, what HEAD answers next to GET, and what a kept-alive connection is told.

import { Before, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { HttpResponse } from './support/http.ts';
import { sendOnOneConnection } from './support/one_connection.ts';
import type { RawResponse } from './support/raw_http.ts';
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

// A value drawn afresh for every answer (the exception tag): present on both, never the same.
Then('the HEAD answer\'s header {string} matches {string} and differs from the GET answer\'s', function (this: OlapWorld, name: string, pattern: string) {
  const get = lastGet.get(this);
  if (!get) throw new Error('no GET was sent first');
  const head = this.response.headers[name.toLowerCase()];
  expect(head, `header ${name} of the HEAD answer`).to.be.a('string').and.match(new RegExp(pattern));
  expect(get.headers[name.toLowerCase()], `header ${name} of the GET answer`).to.be.a('string').and.not.equal(head);
});

const connectionAnswers = new WeakMap<OlapWorld, RawResponse[]>();

// A fresh connection, so the count of requests it carried starts at zero.
When('I run {string} {int} times on one connection', async function (this: OlapWorld, sql: string, times: number) {
  const path = `/?query=${encodeURIComponent(this.resolve(sql))}`;
  const request = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: olapspec\r\n\r\n`, 'latin1');
  connectionAnswers.set(this, await sendOnOneConnection(this.target.url, Array.from({ length: times }, () => request)));
});

function answersOf(world: OlapWorld): RawResponse[] {
  const answers = connectionAnswers.get(world);
  if (!answers) throw new Error('no requests were sent on one connection in this scenario');
  return answers;
}

Then('the connection carried {int} answers', function (this: OlapWorld, count: number) {
  expect(answersOf(this).map((a) => a.statusLine)).to.have.lengthOf(count);
});

Then('answer {int} has the header {string} set to {string}', function (this: OlapWorld, n: number, name: string, value: string) {
  const answer = answersOf(this)[n - 1];
  if (!answer) throw new Error(`there is no answer ${n}`);
  expect(answer.headers[name.toLowerCase()], `header ${name} of answer ${n}`).to.equal(value);
});

Then('answer {int} has no header {string}', function (this: OlapWorld, n: number, name: string) {
  const answer = answersOf(this)[n - 1];
  if (!answer) throw new Error(`there is no answer ${n}`);
  expect(answer.headers, `headers of answer ${n}`).not.to.have.property(name.toLowerCase());
});
