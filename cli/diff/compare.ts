// Sends a case to two servers and compares what came back: the status, the
// headers that carry meaning, and the body bytes, after normalising only what
// must differ between two servers (the version, timings, query ids, tags).

import { request } from 'undici';
import type { DiffCase, DiffRequest } from './cases.ts';

export interface Endpoint {
  name: string;
  url: string;
  user: string;
  password: string;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The headers compared: what a client reads to decide what it got. */
const COMPARED_HEADERS = ['content-type', 'x-clickhouse-format', 'x-clickhouse-exception-code', 'content-encoding'];

const NORMALISE: [RegExp, string][] = [
  [/\(version [0-9][0-9.]*(?: \([^)]*\))?\)/g, '(version …)'],
  [/"elapsed": ?[0-9.e+-]+/g, '"elapsed": …'],
  [/<elapsed>[0-9.e+-]+<\/elapsed>/g, '<elapsed>…</elapsed>'],
  [/"elapsed_ns":"[0-9]+"/g, '"elapsed_ns":"…"'],
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>'],
];

export function normalise(body: string): string {
  let text = body;
  for (const [pattern, replacement] of NORMALISE) text = text.replace(pattern, replacement);
  return text;
}

async function send(endpoint: Endpoint, req: DiffRequest): Promise<Answer> {
  const headers: Record<string, string> = { ...(req.headers ?? {}) };
  if (endpoint.user !== 'default' || endpoint.password) {
    headers.authorization = `Basic ${Buffer.from(`${endpoint.user}:${endpoint.password}`).toString('base64')}`;
  }
  try {
    const res = await request(`${endpoint.url}${req.path}`, {
      method: req.method, headers, ...(req.body !== undefined ? { body: req.body } : {}),
      headersTimeout: 30_000, bodyTimeout: 30_000,
    });
    const bytes = Buffer.from(await res.body.arrayBuffer());
    const picked: Record<string, string> = {};
    for (const name of COMPARED_HEADERS) {
      const value = res.headers[name];
      if (value !== undefined) picked[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return { status: res.statusCode, headers: picked, body: normalise(bytes.toString('latin1')) };
  } catch (err) {
    return { status: 0, headers: {}, body: `(no answer: ${(err as Error).message})` };
  }
}

export interface CaseOutcome {
  case: DiffCase;
  agreed: boolean;
  /** The first request whose answers differ, with both answers. */
  difference?: { step: number; request: DiffRequest; a: Answer; b: Answer; what: string };
}

function differenceOf(a: Answer, b: Answer): string | undefined {
  if (a.status !== b.status) return `status ${a.status} vs ${b.status}`;
  for (const name of COMPARED_HEADERS) {
    if (a.headers[name] !== b.headers[name]) return `${name}: ${a.headers[name] ?? '(none)'} vs ${b.headers[name] ?? '(none)'}`;
  }
  if (a.body !== b.body) {
    const linesA = a.body.split('\n');
    const linesB = b.body.split('\n');
    const at = linesA.findIndex((line, i) => line !== linesB[i]);
    const i = at === -1 ? linesA.length : at;
    return `body line ${i + 1}: ${JSON.stringify((linesA[i] ?? '(end)').slice(0, 160))} vs ${JSON.stringify((linesB[i] ?? '(end)').slice(0, 160))}`;
  }
  return undefined;
}

export async function runCase(c: DiffCase, a: Endpoint, b: Endpoint): Promise<CaseOutcome> {
  for (const endpoint of [a, b]) for (const req of c.setup) await send(endpoint, req);
  try {
    for (const [step, req] of c.requests.entries()) {
      const [answerA, answerB] = [await send(a, req), await send(b, req)];
      const what = differenceOf(answerA, answerB);
      if (what !== undefined) return { case: c, agreed: false, difference: { step, request: req, a: answerA, b: answerB, what } };
    }
    return { case: c, agreed: true };
  } finally {
    for (const endpoint of [a, b]) for (const req of c.cleanup) await send(endpoint, req);
  }
}
