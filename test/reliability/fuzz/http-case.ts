// One fuzz case against an HTTP server: a few pipelined requests, sent whole,
// in pieces, or cut short and half-closed; what came back, read strictly; and
// the rules every answer must keep whatever was sent. The product decides
// only what its error bodies look like (`Dialect`).

import http from 'node:http';
import fc from 'fast-check';
import { readResponses, endsConnection, header, type WireResponse } from '../wire/http-response.ts';
import { exchange } from '../wire/tcp.ts';
import { show, toWire, waitsForMore, wellFramed, type RawRequest } from './raw-request.ts';

export interface HttpCase {
  requests: RawRequest[];
  /** Send only this many bytes (modulo the length), then half-close. */
  cutAt?: number;
  /** Write in pieces of this size with a pause between. */
  pieceSize?: number;
}

export function httpCaseArb(request: fc.Arbitrary<RawRequest>): fc.Arbitrary<HttpCase> {
  return fc.record({
    requests: fc.oneof({ weight: 8, arbitrary: fc.tuple(request).map((r) => [...r]) }, { weight: 2, arbitrary: fc.array(request, { minLength: 2, maxLength: 3 }) }),
    cutAt: fc.option(fc.nat(), { nil: undefined, freq: 8 }),
    pieceSize: fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined, freq: 12 }),
  }, { requiredKeys: ['requests'] });
}

export interface Dialect {
  name: string;
  /** Whether a final answer's body is in the product's own format for its status; a reason when not. */
  judge(r: WireResponse, request: RawRequest | undefined): string | undefined;
}

export interface HttpOutcome {
  responses: WireResponse[];
  /** Problems found; empty when the case passed. */
  problems: string[];
  sent: Buffer;
  received: Buffer;
  ms: number;
}

/** A request a correct server must parse: framing right, every byte of the head legal. */
export function clean(r: RawRequest): boolean {
  const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  // Node's parser knows only its own list of methods (Poco, Netty and libevent take any token): a known limit, not fuzzed.
  return wellFramed(r) && http.METHODS.includes(r.method) && r.method !== 'CONNECT' && /^[\x21-\x7e]+$/.test(r.target) && r.target.startsWith('/')
    && r.headers.every(([k, v]) => token.test(k) && /^[\t \x21-\x7e]*$/.test(v) && v.length < 60_000) && r.headers.length < 90;
}

export async function runHttpCase(port: number, c: HttpCase, dialect: Dialect, timeoutMs = 4000): Promise<HttpOutcome> {
  const wire = Buffer.concat(c.requests.map(toWire));
  const cut = c.cutAt !== undefined && wire.length > 0;
  const sent = cut ? wire.subarray(0, c.cutAt! % wire.length) : wire;
  const pieces: Buffer[] = [];
  // At most 8 pieces, so that the pauses stay well inside the time allowed.
  const pieceLength = c.pieceSize ? Math.max(c.pieceSize * 97, Math.ceil(sent.length / 8)) : sent.length;
  if (c.pieceSize) for (let i = 0; i < sent.length; i += pieceLength) pieces.push(sent.subarray(i, i + pieceLength));
  else pieces.push(sent);
  const endAfter = cut || c.requests.some((r) => waitsForMore(r.framing));
  const heads = c.requests.map((r) => r.method === 'HEAD');
  const expected = c.requests.length;
  const ex = await exchange({
    port, pieces, pauseMs: c.pieceSize ? 2 : 0, endAfter, timeoutMs,
    enough: (data) => {
      const r = readResponses(data, false, heads);
      if (r.error) return true;
      const finals = r.responses.filter((x) => x.status >= 200);
      return !r.pending && finals.length >= expected && !endsConnection(finals[finals.length - 1]!);
    },
  });
  const reading = readResponses(ex.data, ex.closed, heads);
  const problems: string[] = [];
  if (reading.error) problems.push(`not HTTP: ${reading.error}`);
  if (ex.timedOut) problems.push(`neither a complete answer nor a close within ${timeoutMs} ms (${ex.data.length} bytes came)`);
  const finals = reading.responses.filter((r) => r.status >= 200);
  for (const r of reading.responses) {
    if (r.status < 200 && r.status !== 100) problems.push(`interim status ${r.status}`);
  }
  // A request whose framing lies leaves bytes that read as one more (bad) request: one more answer, a bare 400.
  const extra = finals.length - expected;
  if (extra > 0 && (c.requests.every(wellFramed) || extra > 1 || finals[finals.length - 1]!.status !== 400)) {
    problems.push(`${finals.length} answers to ${expected} requests`);
  }
  finals.forEach((r, i) => {
    const why = dialect.judge(r, c.requests[i]);
    if (why) problems.push(`answer ${i + 1} (${r.status}): ${why}`);
  });
  // Every well-formed request in front gets its own answer, until one of those answers ends the connection.
  if (!reading.error && !ex.timedOut && !cut && !ex.reset) {
    const firstBad = c.requests.findIndex((r) => !clean(r));
    const leading = firstBad < 0 ? expected : firstBad;
    for (let i = 0; i < Math.min(leading, finals.length); i++) {
      const r = finals[i]!;
      if (r.status === 400 && r.body.length === 0 && header(r, 'content-type') === undefined) problems.push(`well-formed request ${i + 1} got the bare 400 of a request that does not parse`);
    }
    if (finals.length < leading) {
      const last = finals[finals.length - 1];
      if (!last) problems.push(`no answer to ${leading} well-formed request(s), only a close`);
      else if (!endsConnection(last)) problems.push(`${finals.length} answers to ${leading} well-formed requests, then a close the last answer did not announce`);
    }
  }
  return { responses: finals, problems, sent, received: ex.data, ms: ex.ms };
}

export function describeCase(c: HttpCase, o: HttpOutcome): string {
  const SHOW = Number(process.env.FUZZ_SHOW ?? 1500);
  return [
    `sent (${o.sent.length} bytes${c.cutAt !== undefined ? ', cut and half-closed' : ''}${c.pieceSize ? `, in pieces` : ''}): ${show(o.sent, SHOW)}`,
    `received: ${show(o.received, SHOW)}`,
    ...o.problems.map((p) => `  - ${p}`),
  ].join('\n');
}

/** written_rows of an acknowledged ClickHouse query (X-ClickHouse-Summary), 0 when it states none. */
export function writtenRows(r: WireResponse): number {
  const summary = header(r, 'x-clickhouse-summary');
  if (!summary) return 0;
  try {
    return Number((JSON.parse(summary) as { written_rows?: string }).written_rows ?? 0);
  } catch {
    return 0;
  }
}
