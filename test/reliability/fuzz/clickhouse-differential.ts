// The differential side of the ClickHouse HTTP fuzzer: the same generated
// hostile-but-survivable requests sent to the reference and to real ClickHouse
// 26.7 (libchdb), compared on what a client acts on: the status, the
// X-ClickHouse-Exception-Code header and the error code in the body.
//
// Only cases that make sense for a real server go in: one request, framed
// correctly, with a head every HTTP parser accepts (http-case.ts `clean`),
// sent whole. libchdb (clickhouse-local) aborts on some half-sent heads and
// lying framings, which says nothing about ClickHouse, so those kinds are
// left out; timing-dependent settings too, since two servers' clocks never agree.

import fc from 'fast-check';
import { header, type WireResponse } from '../wire/http-response.ts';
import { clean, runHttpCase, type Dialect } from './http-case.ts';
import { show, toWire, type RawRequest } from './raw-request.ts';

/** Why a request is left out of the comparison, or undefined when it is compared. */
export function notComparable(r: RawRequest): string | undefined {
  if (!clean(r)) return 'a head or framing that only tests the HTTP parser (libchdb may abort on it)';
  if (r.version !== 'HTTP/1.1' && r.version !== 'HTTP/1.0') return 'an HTTP version other than 1.0/1.1';
  // Poco answers HTTP/1.0 keep-alive with a body of no length on a connection it keeps open: no client can read that.
  if (r.version === 'HTTP/1.0' && r.headers.some(([k, v]) => k.toLowerCase() === 'connection' && /keep-alive/i.test(v))) return 'HTTP/1.0 keep-alive (unframed on 26.7)';
  // Two servers never take the same time: a deadline or a sleep decides by the clock.
  if (/max_execution_time|sleep|session_timeout/i.test(r.target) || /sleep/i.test(r.body.toString('latin1'))) return 'timing-dependent';
  // version(), now() and the like differ by design; the status and code still compare, so these stay in.
  return undefined;
}

/** What is compared of one answer. */
export interface Verdict {
  status: number;
  /** X-ClickHouse-Exception-Code, when sent. */
  headerCode?: string;
  /** The N of the first `Code: N. DB::Exception` in a plain (not encoded) body. */
  bodyCode?: string;
  /** No answer at all: the connection closed or the time ran out. */
  none?: string;
}

export function verdictOf(responses: WireResponse[], request: RawRequest, problems: string[]): Verdict {
  const r = responses[0];
  if (!r) return { status: 0, none: problems.join('; ') || 'closed without an answer' };
  const v: Verdict = { status: r.status };
  const h = header(r, 'x-clickhouse-exception-code');
  if (h !== undefined) v.headerCode = h;
  const encoded = header(r, 'content-encoding') !== undefined || /[?&]compress=1/.test(request.target);
  if (!encoded) {
    const m = /Code: (\d+)\. DB::Exception/.exec(r.body.toString('latin1'));
    if (m) v.bodyCode = m[1];
  }
  return v;
}

export const sameVerdict = (a: Verdict, b: Verdict): boolean =>
  a.status === b.status && a.headerCode === b.headerCode && a.bodyCode === b.bodyCode && (a.none === undefined) === (b.none === undefined);

const showVerdict = (v: Verdict): string =>
  v.none !== undefined ? `no answer (${v.none})` : `${v.status}${v.headerCode !== undefined ? ` header ${v.headerCode}` : ''}${v.bodyCode !== undefined ? ` body Code ${v.bodyCode}` : ''}`;

/** The server's answers, unjudged: the comparison is the judge here. */
const anyDialect: Dialect = { name: 'any', judge: () => undefined };

export interface Side {
  port(): number;
  /** Why the server died during the last exchange (then it is restarted and the case not counted). */
  death?(): string | undefined;
  restart?(): Promise<void>;
}

export interface DiffCaseResult {
  index: number;
  request: RawRequest;
  skipped?: string;
  agreed?: boolean;
  reference?: Verdict;
  real?: Verdict;
  /** The real server crashed on the case (libchdb's abort): neither agreement nor disagreement. */
  crashed?: string;
}

export interface DiffReport {
  seed: number;
  compared: number;
  agreed: number;
  skipped: number;
  crashed: number;
  percent: number;
  mismatches: DiffCaseResult[];
}

async function answer(side: Side, r: RawRequest): Promise<Verdict> {
  const o = await runHttpCase(side.port(), { requests: [r] }, anyDialect, 5000);
  return verdictOf(o.responses, r, o.problems);
}

/** The cases of a run: fast-check's own seeded sample, so a seed and an index name one case for good. */
export function sampleCases(arb: fc.Arbitrary<RawRequest>, seed: number, cases: number): RawRequest[] {
  return fc.sample(arb, { seed, numRuns: cases });
}

export async function runDifferential(requests: RawRequest[], seed: number, reference: Side, real: Side,
  only?: number): Promise<DiffReport> {
  const results: DiffCaseResult[] = [];
  for (let index = 0; index < requests.length; index++) {
    if (only !== undefined && index !== only) continue;
    const request = requests[index]!;
    const skipped = notComparable(request);
    if (skipped) {
      results.push({ index, request, skipped });
      continue;
    }
    // One case at a time on both, so that sessions and the probe table go through the same states.
    const [a, b] = await Promise.all([answer(reference, request), answer(real, request)]);
    const died = real.death?.();
    if (died) {
      results.push({ index, request, crashed: died });
      await real.restart!();
      continue;
    }
    results.push({ index, request, agreed: sameVerdict(a, b), reference: a, real: b });
  }
  const compared = results.filter((r) => r.agreed !== undefined);
  const agreed = compared.filter((r) => r.agreed).length;
  return {
    seed, compared: compared.length, agreed,
    skipped: results.filter((r) => r.skipped).length, crashed: results.filter((r) => r.crashed).length,
    percent: Math.floor((agreed / Math.max(1, compared.length)) * 1000) / 10,
    mismatches: compared.filter((r) => !r.agreed),
  };
}

export function describeMismatch(m: DiffCaseResult, seed: number): string {
  return `#${m.index} (DIFF_SEED=${seed} DIFF_CASE=${m.index}): reference ${showVerdict(m.reference!)}, 26.7 ${showVerdict(m.real!)}\n    ${show(toWire(m.request), 600)}`;
}
