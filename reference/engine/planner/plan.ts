// A SELECT query: one core, or a UNION ALL of cores whose columns take the
// least supertype of each position.

import { EngineError } from '../errors.ts';
import type { SelectQuery } from '../parser/ast.ts';
import { convertValue, leastSupertype } from '../values/convert.ts';
import type { ExecEnv, Plan } from './env.ts';
import { planCore } from './core.ts';
import { Block } from '../columns/block.ts';
import { combine } from './set-operations.ts';
import { formatQuery } from '../parser/format.ts';

export async function planSelect(q: SelectQuery, env: ExecEnv): Promise<Plan> {
  if (q.parts.length === 1) return planCore(q.parts[0]!, env);
  const bare = q.ops?.indexOf('UNION') ?? -1;
  if (bare >= 0) {
    throw new EngineError('EXPECTED_ALL_OR_DISTINCT', `Expected ALL or DISTINCT in SelectWithUnion query, because setting (union_default_mode) is empty: While processing ${formatQuery(q)}`);
  }
  const plans: Plan[] = [];
  for (const p of q.parts) plans.push(await planCore(p, env));
  const n = plans[0]!.columns.length;
  for (const [i, p] of plans.entries()) {
    if (p.columns.length === n) continue;
    const op = q.ops?.[i - 1] ?? 'UNION ALL';
    if (op.startsWith('UNION')) throw new EngineError('NUMBER_OF_COLUMNS_DOESNT_MATCH', `Different number of columns in UNION ALL elements: ${plans.map((x) => x.columns.length).join(', ')}`);
    throw new EngineError('INTERSECT_OR_EXCEPT_RESULT_STRUCTURES_MISMATCH', `Different number of columns in ${op.replace(' ', '_')} elements: ${plans[i - 1]!.columns.map((c) => c.name).join(', ')} and ${p.columns.map((c) => c.name).join(', ')}`);
  }
  const columns = plans[0]!.columns.map((c, i) => ({ name: c.name, type: leastSupertype(plans.map((p) => p.columns[i]!.type)) }));
  const converted = async (p: Plan): Promise<unknown[][]> => {
    const rows: unknown[][] = [];
    for await (const b of p.blocks()) for (const r of b.rows) rows.push(r.map((v, i) => convertValue(v, p.columns[i]!.type, columns[i]!.type)));
    return rows;
  };
  if (q.ops) {
    const ops = q.ops;
    return {
      columns,
      blocks: async function* () {
        const parts: unknown[][][] = [];
        for (const p of plans) parts.push(await converted(p));
        const rows = combine(parts, ops);
        if (rows.length) yield Block.ofRows(columns.map((c) => c.type), rows);
      },
    };
  }
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
