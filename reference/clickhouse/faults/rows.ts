// error-after-rows: the result's blocks pass through until N rows have gone
// by (the block that crosses N is cut there), and the next pull throws. The
// query handler's streaming loop then reports it as any mid-stream error, in
// the format's and the version's way (query-response.ts), so a client sees
// exactly N rows and then the exception ClickHouse would send.

import type { Block, RowsResult } from '../../engine/api.ts';
import type { FaultErrorKind } from '../../http/faults/spec.ts';
import { injectedError } from './errors.ts';

export function failAfterRows(result: RowsResult, limit: number, kind: FaultErrorKind | undefined): RowsResult {
  const source = result.blocks;
  async function* blocks(): AsyncGenerator<Block> {
    let sent = 0;
    for await (const block of source) {
      const rows = block.length;
      if (rows === 0) continue;
      // Only a result with more than `limit` rows fails: one that ends in time is whole.
      if (sent + rows <= limit) {
        sent += rows;
        yield block;
        continue;
      }
      if (limit > sent) {
        yield block.slice(0, limit - sent);
        sent = limit;
      }
      throw injectedError(kind);
    }
  }
  return { ...result, blocks: blocks() };
}
