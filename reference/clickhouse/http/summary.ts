// X-ClickHouse-Summary: the verbose progress JSON of 24.8 — fixed key order,
// every value a decimal string, no spaces.

import type { Progress } from '../../engine/api.ts';

export function summaryJson(p: Progress | undefined, elapsedNs: bigint): string {
  const v = (n: number | undefined): string => `"${Math.max(0, Math.trunc(n ?? 0))}"`;
  return `{"read_rows":${v(p?.readRows)},"read_bytes":${v(p?.readBytes)},` +
    `"written_rows":${v(p?.writtenRows)},"written_bytes":${v(p?.writtenBytes)},` +
    `"total_rows_to_read":${v(p?.totalRowsToRead)},"result_rows":${v(p?.resultRows)},` +
    `"result_bytes":${v(p?.resultBytes)},"elapsed_ns":"${elapsedNs}"}`;
}
