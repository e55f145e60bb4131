// Progress as ClickHouse writes it in headers (Progress::writeJSON):
// fixed key order, every value a decimal string, no spaces. The summary
// (X-ClickHouse-Summary) is verbose — every key, zeros included —; the
// progress headers (X-ClickHouse-Progress) are minimal and leave zeros out.

import type { Progress } from '../../engine/api.ts';

function progressJson(p: Progress | undefined, elapsedNs: bigint, minimal: boolean, memoryUsage?: number): string {
  const fields: [string, number | bigint][] = [
    ['read_rows', p?.readRows ?? 0], ['read_bytes', p?.readBytes ?? 0],
    ['written_rows', p?.writtenRows ?? 0], ['written_bytes', p?.writtenBytes ?? 0],
    ['total_rows_to_read', p?.totalRowsToRead ?? 0], ['result_rows', p?.resultRows ?? 0],
    ['result_bytes', p?.resultBytes ?? 0], ['elapsed_ns', elapsedNs],
  ];
  if (memoryUsage !== undefined) fields.push(['memory_usage', memoryUsage]);
  const parts: string[] = [];
  for (const [key, value] of fields) {
    const v = typeof value === 'bigint' ? value : BigInt(Math.max(0, Math.trunc(value)));
    if (minimal && v === 0n) continue;
    parts.push(`"${key}":"${v}"`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * `memoryUsage` (25.11+, PR #88393) is the query's memory as the last progress
 * report saw it; the reference tracks none, which is what a quick query shows.
 */
export function summaryJson(p: Progress | undefined, elapsedNs: bigint, memoryUsage?: number): string {
  return progressJson(p, elapsedNs, false, memoryUsage);
}

export function progressHeaderJson(p: Progress | undefined, elapsedNs: bigint): string {
  return progressJson(p, elapsedNs, true);
}

/** A key to tell whether anything moved since the last progress header. */
export function progressKey(p: Progress): string {
  return `${p.readRows}/${p.readBytes}/${p.writtenRows}/${p.writtenBytes}/${p.totalRowsToRead}/${p.resultRows}/${p.resultBytes}`;
}
