// UNION DISTINCT, INTERSECT [DISTINCT] and EXCEPT [DISTINCT] over the
// materialised rows of a query's parts, as multisets: INTERSECT ALL keeps a
// row as often as both sides have it, EXCEPT ALL takes the right side's copies
// away; DISTINCT keeps one of each. INTERSECT binds tighter than UNION and
// EXCEPT, which go left to right (ClickHouse's SelectIntersectExceptQuery).

import { EngineError } from '../errors.ts';
import type { SetOperation } from '../parser/ast.ts';
import { rowKey } from '../values/compare.ts';

type Rows = unknown[][];

function distinct(rows: Rows): Rows {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = rowKey(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function counts(rows: Rows): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = rowKey(r);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

function apply(op: SetOperation, left: Rows, right: Rows): Rows {
  switch (op) {
    case 'UNION ALL': return [...left, ...right];
    case 'UNION DISTINCT': return distinct([...left, ...right]);
    case 'INTERSECT ALL':
    case 'INTERSECT DISTINCT': {
      const have = counts(right);
      const out = left.filter((r) => {
        const k = rowKey(r);
        const n = have.get(k) ?? 0;
        if (n === 0) return false;
        have.set(k, n - 1);
        return true;
      });
      return op === 'INTERSECT DISTINCT' ? distinct(out) : out;
    }
    case 'EXCEPT ALL': {
      const have = counts(right);
      return left.filter((r) => {
        const k = rowKey(r);
        const n = have.get(k) ?? 0;
        if (n === 0) return true;
        have.set(k, n - 1);
        return false;
      });
    }
    case 'EXCEPT DISTINCT': {
      const have = new Set(right.map(rowKey));
      return distinct(left).filter((r) => !have.has(rowKey(r)));
    }
    case 'UNION':
      throw new EngineError('LOGICAL_ERROR', 'UNION without ALL or DISTINCT reached execution');
  }
}

/** The rows of `parts` combined by `ops` (ops[i] between parts i and i + 1). */
export function combine(parts: Rows[], ops: SetOperation[]): Rows {
  // INTERSECT first: fold each run of INTERSECTs into one operand.
  const operands: Rows[] = [parts[0]!];
  const outer: SetOperation[] = [];
  ops.forEach((op, i) => {
    if (op.startsWith('INTERSECT')) operands.push(apply(op, operands.pop()!, parts[i + 1]!));
    else {
      outer.push(op);
      operands.push(parts[i + 1]!);
    }
  });
  let result = operands[0]!;
  outer.forEach((op, i) => {
    result = apply(op, result, operands[i + 1]!);
  });
  return result;
}
