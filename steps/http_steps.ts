// Requests as a curl user writes them, and checks on status and headers.

import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { OlapWorld } from './support/world.ts';

Given('the request header {string} is {string}', function (this: OlapWorld, name: string, value: string) {
  this.nextHeaders[name] = this.bytes(value).toString('utf8');
});

When('I GET {string}', async function (this: OlapWorld, path: string) {
  await this.send('GET', path);
});

When('I HEAD {string}', async function (this: OlapWorld, path: string) {
  await this.send('HEAD', path);
});

When('I send a {word} request to {string}', async function (this: OlapWorld, method: string, path: string) {
  await this.send(method, path);
});

When('I POST {string} to {string}', async function (this: OlapWorld, body: string, path: string) {
  await this.send('POST', path, this.bytes(body));
});

When('I GET {string} with the body {string}', async function (this: OlapWorld, path: string, body: string) {
  await this.send('GET', path, this.bytes(body));
});

// Like `echo '…' | curl --data-binary @-`: each line of the doc string, each ending in a newline.
When('I POST to {string} the lines:', async function (this: OlapWorld, path: string, lines: string) {
  await this.send('POST', path, Buffer.from(this.resolve(`${lines}\n`), 'utf8'));
});

When('I send the raw request {string}', async function (this: OlapWorld, request: string) {
  await this.sendRawBytes(this.bytes(request));
});

When('I send a raw GET request whose URI is {int} bytes long', async function (this: OlapWorld, length: number) {
  const head = '/?query=SELECT+1';
  const uri = head + '+'.repeat(Math.max(0, length - head.length));
  await this.sendRawBytes(Buffer.from(`GET ${uri} HTTP/1.1\r\nHost: olapspec\r\nConnection: close\r\n\r\n`, 'latin1'));
});

Then('the status is {int}', function (this: OlapWorld, status: number) {
  this.outcomeChecked = true;
  expect(this.response.status, `status (body: ${this.response.body.toString('utf8').slice(0, 300)})`).to.equal(status);
});

Then('the header {string} is {string}', function (this: OlapWorld, name: string, value: string) {
  expect(this.response.headers[name.toLowerCase()], `header ${name}`).to.equal(this.resolve(value));
});

Then('the header {string} is absent', function (this: OlapWorld, name: string) {
  expect(this.response.headers, `headers`).not.to.have.property(name.toLowerCase());
});

Then('the header {string} is present', function (this: OlapWorld, name: string) {
  expect(this.response.headers, `headers`).to.have.property(name.toLowerCase());
});

Then('the header {string} matches {string}', function (this: OlapWorld, name: string, pattern: string) {
  const value = this.response.headers[name.toLowerCase()];
  expect(value, `header ${name}`).to.be.a('string');
  expect(value).to.match(new RegExp(pattern));
});

Then('the header {string} is not empty', function (this: OlapWorld, name: string) {
  const value = this.response.headers[name.toLowerCase()];
  expect(value, `header ${name}`).to.be.a('string').and.not.equal('');
});

// The summary is JSON whose values are decimal integers written as strings.
Then('the header {string} is a JSON object with the keys {string} in that order, each a decimal string',
  function (this: OlapWorld, name: string, keys: string) {
    const value = this.response.headers[name.toLowerCase()];
    expect(value, `header ${name}`).to.be.a('string');
    const parsed = JSON.parse(value!) as Record<string, unknown>;
    expect(Object.keys(parsed)).to.deep.equal(keys.split(',').map((key) => key.trim()));
    for (const [key, item] of Object.entries(parsed)) expect(item, key).to.be.a('string').and.match(/^\d+$/);
    expect(value).not.to.match(/\s/);
  });

Then('the status line is {string}', function (this: OlapWorld, line: string) {
  const raw = this.response as { statusLine?: string };
  expect(raw.statusLine, 'status line (only raw requests have one)').to.equal(line);
});
