// HTTPS, what HEAD answers next to GET, and what a kept-alive connection is told.

import { Before, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { HttpResponse } from './support/http.ts';
import { oneConnectionAnswers, sendOnOneConnection } from './support/one_connection.ts';
import type { OlapWorld } from './support/world.ts';

// A target without an HTTPS endpoint cannot show HTTPS behaviour: skipped, never passed.
Before({ tags: '@https' }, function (this: OlapWorld) {
  return this.target.httpsUrl ? undefined : 'skipped';
});

const lastGet = new WeakMap<OlapWorld, HttpResponse>();

When('I GET {string} and then HEAD it', async function (this: OlapWorld, path: string) {
  lastGet.set(this, await this.send('GET', path));
  await this.send('HEAD', path);
});

function getAnswer(world: OlapWorld): HttpResponse {
  const get = lastGet.get(world);
  if (!get) throw new Error('no GET was sent first');
  return get;
}

// Date, query id and summary differ from one request to the next by nature.
Then('the HEAD answer carries the headers of the GET answer, apart from {string}', function (this: OlapWorld, apart: string) {
  const ignored = new Set(['date', ...apart.split(',').map((name) => name.trim().toLowerCase())]);
  const pick = (res: HttpResponse) => Object.fromEntries(Object.entries(res.headers).filter(([name]) => !ignored.has(name)));
  expect(pick(this.response), 'HEAD headers').to.deep.equal(pick(getAnswer(this)));
});

// A value drawn afresh for every answer (the exception tag): present on both, never the same.
Then('the HEAD answer\'s header {string} matches {string} and differs from the GET answer\'s', function (this: OlapWorld, name: string, pattern: string) {
  const head = this.response.headers[name.toLowerCase()];
  expect(head, `header ${name} of the HEAD answer`).to.be.a('string').and.match(new RegExp(pattern));
  expect(getAnswer(this).headers[name.toLowerCase()], `header ${name} of the GET answer`).to.be.a('string').and.not.equal(head);
});

// A fresh connection, so the count of requests it carried starts at zero; the
// headers of each answer are texts (`the header "Keep-Alive" of answer 2`).
When('I run {string} {int} times on one connection', async function (this: OlapWorld, sql: string, times: number) {
  const path = `/?query=${encodeURIComponent(this.resolve(sql))}`;
  const request = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: olapspec\r\n\r\n`, 'latin1');
  oneConnectionAnswers.set(this, await sendOnOneConnection(this.target.url, Array.from({ length: times }, () => request)));
});

Then('the connection carried {int} answers', function (this: OlapWorld, count: number) {
  const answers = oneConnectionAnswers.get(this);
  if (!answers) throw new Error('no requests were sent on one connection in this scenario');
  expect(answers.map((a) => a.statusLine)).to.have.lengthOf(count);
});
