// Several requests on one kept-alive connection, each sent once the answer
// to the one before it is complete, so that what the server says about the
// connection (Keep-Alive's max counting down, Connection: Close at the end)
// can be read answer by answer. Stops early when the server closes.

import { connect } from 'node:net';
import { parseRawResponse } from './raw_http.ts';
import type { RawResponse } from './raw_http.ts';

/** Where a complete answer ends in `data`, or -1 while it is still arriving. */
function answerEnd(data: Buffer): number {
  const headEnd = data.indexOf('\r\n\r\n');
  if (headEnd < 0) return -1;
  const head = data.subarray(0, headEnd).toString('latin1');
  const bodyStart = headEnd + 4;
  if (/^transfer-encoding:\s*chunked/im.test(head)) {
    const last = data.indexOf('\r\n0\r\n\r\n', bodyStart - 2);
    return last < 0 ? -1 : last + 7;
  }
  const length = /^content-length:\s*(\d+)/im.exec(head);
  const end = bodyStart + Number(length?.[1] ?? 0);
  return data.length >= end ? end : -1;
}

/** The answers of the scenario's requests on one connection, in order. */
export const oneConnectionAnswers = new WeakMap<object, RawResponse[]>();

export function sendOnOneConnection(baseUrl: string, requests: Buffer[], timeoutMs = 30_000): Promise<RawResponse[]> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 80) });
    const answers: RawResponse[] = [];
    let pending = Buffer.alloc(0);
    let next = 0;
    const sendNext = (): void => {
      if (next < requests.length) socket.write(requests[next++]!);
      else socket.end();
    };
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    socket.on('connect', sendNext);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      for (let end = answerEnd(pending); end >= 0; end = answerEnd(pending)) {
        answers.push(parseRawResponse(pending.subarray(0, end)));
        pending = pending.subarray(end);
        sendNext();
      }
    });
    socket.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code === 'ECONNRESET' || (err as NodeJS.ErrnoException).code === 'EPIPE') socket.destroy();
      else reject(err);
    });
    socket.on('close', () => resolve(answers));
  });
}
