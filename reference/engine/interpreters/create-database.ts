// CREATE DATABASE [IF NOT EXISTS] name [ENGINE = …]: the engines a database may have.

import { EngineError } from '../errors.ts';
import type { NoResult, QueryContext } from '../api.ts';
import { NONE } from '../results.ts';
import type { Statement } from '../parser/ast.ts';
import type { Engine } from '../index.ts';

const DATABASE_ENGINES = ['Atomic', 'Memory', 'Ordinary', 'Lazy'];

export function createDatabase(st: Statement & { kind: 'create_database' }, ctx: QueryContext, engine: Engine): NoResult {
  engine.accessFor(ctx).check('CREATE DATABASE', { db: st.name });
  if (st.engine && !DATABASE_ENGINES.includes(st.engine)) {
    throw new EngineError('UNKNOWN_DATABASE_ENGINE', `Unknown database engine: ${st.engine}`);
  }
  engine.catalog.createDatabase(st.name, st.engine ?? 'Atomic', st.ifNotExists);
  return NONE;
}
