// SELECT: the rewritten query through the engine's planner, counted as result rows.

import type { QueryContext, RowsResult } from '../../../engine/api.ts';
import { planSelect } from '../../../engine/planner/plan.ts';
import type { SrStatement } from '../ast.ts';
import { execEnv } from '../host.ts';
import type { StarRocksHost } from '../host.ts';
import { Rewriter } from '../rewrite.ts';

export async function select(st: SrStatement & { kind: 'select' }, ctx: QueryContext, host: StarRocksHost): Promise<RowsResult> {
  const env = execEnv(host, ctx);
  const plan = await planSelect(new Rewriter(host, ctx).query(st.query), env);
  return {
    kind: 'rows',
    columns: plan.columns,
    blocks: {
      async *[Symbol.asyncIterator]() {
        for await (const b of plan.blocks()) {
          ctx.progress.resultRows += b.length;
          yield b;
        }
      },
    },
  };
}
