// A SELECT query: one core, or a UNION ALL of cores whose columns take the
// least supertype of each position.

import { EngineError } from '../errors.ts';
import type { SelectQuery } from '../parser/ast.ts';
import { convertValue, leastSupertype } from '../values/convert.ts';
import type { ExecEnv, Plan } from './env.ts';
import { planCore } from './core.ts';
import { Block } from '../columns/block.ts';

export async function planSelect(q: SelectQuery, env: ExecEnv): Promise<Plan> {
  if (q.parts.length === 1) return planCore(q.parts[0]!, env);
  const plans: Plan[] = [];
  for (const p of q.parts) plans.push(await planCore(p, env));
  const n = plans[0]!.columns.length;
  for (const p of plans) {
    if (p.columns.length !== n) {
      throw new EngineError('NUMBER_OF_COLUMNS_DOESNT_MATCH', `Different number of columns in UNION ALL elements: ${plans.map((x) => x.columns.length).join(', ')}`);
    }
  }
  const columns = plans[0]!.columns.map((c, i) => ({ name: c.name, type: leastSupertype(plans.map((p) => p.columns[i]!.type)) }));
  return {
    columns,
    blocks: async function* () {
      for (const p of plans) {
        for await (const b of p.blocks()) {
          const same = p.columns.every((c, i) => c.type.name === columns[i]!.type.name);
          yield same ? b : Block.ofRows(columns.map((c) => c.type), b.rows.map((r) => r.map((v, i) => convertValue(v, p.columns[i]!.type, columns[i]!.type))));
        }
      }
    },
  };
}
