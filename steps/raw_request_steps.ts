// Requests written byte for byte, for what only shows below a client library:
// HTTP/1.0, the exact header lines of an answer (OPTIONS and CORS), a request
// line too long for any client, a request the server leaves without any answer.

import { Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { connect } from 'node:net';
import type { RawResponse } from './support/raw_http.ts';
import type { OlapWorld } from './support/world.ts';

When('I send the raw request {string}', async function (this: OlapWorld, request: string) {
  await this.sendRawBytes(this.bytes(request));
});

When('I send a raw GET request whose URI is {int} bytes long', async function (this: OlapWorld, length: number) {
  const head = '/?query=SELECT+1';
  const uri = head + '+'.repeat(Math.max(0, length - head.length));
  await this.sendRawBytes(Buffer.from(`GET ${uri} HTTP/1.1\r\nHost: olapspec\r\nConnection: close\r\n\r\n`, 'latin1'));
});

// Header lines in wire order; the named ones (Date, say) vary by nature and are left out.
Then('the header lines, apart from {string}, are:', function (this: OlapWorld, apart: string, expected: string) {
  const raw = this.response as Partial<RawResponse>;
  if (!raw.headerLines) throw new Error('only raw requests keep their header lines');
  const ignored = new Set(apart.split(',').map((name) => name.trim().toLowerCase()));
  const lines = raw.headerLines.filter((line) => !ignored.has(line.slice(0, line.indexOf(':')).trim().toLowerCase()));
  expect(lines).to.deep.equal(expected.split('\n'));
});

/** What the server sent before it closed the connection. */
const silentAnswers = new WeakMap<OlapWorld, Buffer>();

// Unlike a raw request, the client keeps its side open: only the server ends the connection.
function sendAndReadUntilClose(baseUrl: string, bytes: Buffer, timeoutMs = 30_000): Promise<Buffer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 80) });
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`the server kept the connection open for ${timeoutMs} ms`)));
    socket.on('data', (chunk) => chunks.push(chunk));
    // A connection closed with a reset still ends the answer; what arrived counts.
    socket.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code === 'ECONNRESET') resolve(Buffer.concat(chunks));
      else reject(err);
    });
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    socket.write(bytes);
  });
}

When('I send the raw request {string} and wait until the server closes the connection', async function (this: OlapWorld, request: string) {
  silentAnswers.set(this, await sendAndReadUntilClose(this.target.url, this.bytes(request)));
});

Then('the server closed the connection without sending anything', function (this: OlapWorld) {
  const answer = silentAnswers.get(this);
  if (answer === undefined) throw new Error('no request was sent with "… and wait until the server closes the connection"');
  expect(answer.toString('latin1'), 'bytes the server sent').to.equal('');
});
