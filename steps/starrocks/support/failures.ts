// Whether a StarRocks answer reports a failure, in any of its envelopes, so that
// an error no step looked at fails the scenario (most StarRocks errors are 200).

import type { HttpResponse } from '../../support/http.ts';

const OK_STATUS = new Set(['OK', 'Success']);

export function starrocksFailure(res: HttpResponse): string | undefined {
  if (res.status >= 400) return `HTTP ${res.status}`;
  const text = res.body.toString('utf8').trim();
  if (!text.startsWith('{')) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const fields = body as Record<string, unknown>;
  // FE v1 / RestResult {"status":"FAILED"}, BE to_json {"status": "Fail"}, update_config {"status": "BAD"}.
  if (typeof fields.status === 'string' && ['FAILED', 'Fail', 'BAD'].includes(fields.status)) {
    return `status ${fields.status}: ${String(fields.msg ?? fields.message ?? '')}`;
  }
  // Stream load (Success/Publish Timeout/…), transactions (OK/FAILED/TStatusCode names).
  if (typeof fields.Status === 'string' && !OK_STATUS.has(fields.Status)) return `Status ${fields.Status}: ${String(fields.Message ?? '')}`;
  // BE cache actions {"error": …}; connector actions {"exception": …, "status": 4xx/5xx}.
  if ('error' in fields) return `error: ${String(fields.error)}`;
  if ('exception' in fields) return `exception: ${String(fields.exception)}`;
  return undefined;
}
