// A tiny stand-in for the SQL engine, so the HTTP layer's tests do not depend
// on SQL coverage: it understands just the statements these tests send.

import { Block } from '../../reference/engine/api.ts';
import type { ColumnDef, ExecResult, QueryContext } from '../../reference/engine/api.ts';
import { EngineError } from '../../reference/engine/errors.ts';
import { T } from '../../reference/engine/types.ts';
import type { ParsedQuery } from '../../reference/engine/api.ts';
import type { EngineUser, QueryEngine } from '../../reference/clickhouse/engine-port.ts';
import { SessionScope } from '../../reference/engine/session.ts';
import { Settings } from '../../reference/engine/settings.ts';
import type { DataType } from '../../reference/engine/types.ts';

export class FakeEngine implements QueryEngine {
  table: unknown[][] = [];
  /** name → password */
  users = new Map([['default', ''], ['alice', 'p:w']]);
  profiles: Record<string, [string, string][]> = { default: [], readonly: [['readonly', '1']] };
  external = new Map<string, unknown[][]>();
  readonly columns: ColumnDef[] = [{ name: 'a', type: T.UInt8 }];

  parse(sql: string): ParsedQuery {
    const text = sql.trim().replace(/;$/, '');
    if (text === '') throw new EngineError('SYNTAX_ERROR', 'Empty query');
    if (text.includes(';')) throw new EngineError('SYNTAX_ERROR', 'Syntax error (Multi-statements are not allowed): failed at position 1');
    const format = /\sFORMAT\s+(\w+)\s*$/i.exec(text)?.[1];
    const insert = /^INSERT INTO t (?:FORMAT (\w+)|(VALUES))\s?/i.exec(text);
    if (insert) {
      return { sql: text, kind: 'insert', modifies: true, settings: [],
        insertData: { format: insert[1] ?? 'Values', offset: sql.indexOf(insert[0]) + insert[0].length } };
    }
    if (/^(CREATE|DROP)/i.test(text)) return { sql: text, kind: 'ddl', modifies: true, settings: [] };
    if (!/^SELECT/i.test(text)) throw new EngineError('SYNTAX_ERROR', `Syntax error: failed at position 1 (${text.split(/\s/)[0]})`);
    return { sql: text, kind: 'select', modifies: false, settings: [], ...(format ? { format } : {}) };
  }

  insertTarget(_q: ParsedQuery, ctx: QueryContext): ColumnDef[] {
    if (ctx.readonly) throw new EngineError('READONLY', `${ctx.user}: Cannot execute query in readonly mode${ctx.readonlyHint ?? ''}`);
    return this.columns;
  }

  parseValues(text: string): unknown[][] {
    return [...text.matchAll(/\((\d+)\)/g)].map((m) => [Number(m[1])]);
  }

  async insert(_q: ParsedQuery, data: unknown[][] | Block, ctx: QueryContext): Promise<void> {
    const rows = data instanceof Block ? data.rows : data;
    this.table.push(...rows);
    ctx.progress.writtenRows += rows.length;
  }

  async execute(q: ParsedQuery, ctx: QueryContext): Promise<ExecResult> {
    const sql = q.sql;
    if (q.modifies) {
      if (ctx.readonly) throw new EngineError('READONLY', `${ctx.user}: Cannot execute query in readonly mode${ctx.readonlyHint ?? ''}`);
      return { kind: 'none' };
    }
    if (/FROM nosuch/.test(sql)) throw new EngineError('UNKNOWN_TABLE', 'Table default.nosuch does not exist');
    const numbers = /numbers\((\d+)\)(?:.*throw at (\d+))?/.exec(sql);
    if (numbers) {
      const n = Number(numbers[1]);
      const throwAt = numbers[2] === undefined ? -1 : Number(numbers[2]);
      const blockSize = 65409;
      async function* blocks(): AsyncGenerator<Block> {
        for (let start = 0; start < n; start += blockSize) {
          if (ctx.signal?.aborted) return;
          const rows: unknown[][] = [];
          for (let i = start; i < Math.min(n, start + blockSize); i++) {
            if (i === throwAt) throw new EngineError('FUNCTION_THROW_IF_VALUE_IS_NON_ZERO', "Value passed to 'throwIf' function is non-zero");
            rows.push([BigInt(i)]);
          }
          ctx.progress.readRows += rows.length;
          ctx.progress.readBytes += rows.length * 8;
          yield Block.ofRows([T.UInt64], rows);
        }
      }
      return { kind: 'rows', columns: [{ name: 'number', type: T.UInt64 }], blocks: blocks() };
    }
    if (/FROM t/.test(sql)) {
      const rows = this.table;
      return { kind: 'rows', columns: this.columns, blocks: (async function* () { yield Block.ofRows([T.UInt8], rows); })() };
    }
    const value = /^SELECT\s+(\d+)/i.exec(sql)?.[1] ?? "1";
    ctx.progress.readRows += 1;
    ctx.progress.readBytes += 1;
    return { kind: 'rows', columns: [{ name: value, type: T.UInt8 }], blocks: (async function* () { yield Block.ofRows([T.UInt8], [[Number(value)]]); })() };
  }

  authenticate(user: string, password: string): EngineUser {
    if (this.users.get(user) !== password) {
      throw new EngineError('AUTHENTICATION_FAILED', `${user}: Authentication failed: password is incorrect, or there is no user with such name`);
    }
    return { name: user, defaultDatabase: '' };
  }

  applyUserSettings(): void {}

  newSettings(): Settings {
    return new Settings();
  }

  applyProfile(settings: Settings, name: string): void {
    const p = this.profiles[name];
    if (!p) throw new EngineError('THERE_IS_NO_PROFILE', `There is no settings profile \`${name}\` in user directories`);
    for (const [k, v] of p) settings.setUnchecked(k, v);
  }

  checkRoles(_user: string, roles: readonly string[]): string[] {
    throw new EngineError('UNKNOWN_ROLE', `There is no role \`${roles[0]}\` in user directories`);
  }

  createSessionScope(id?: string): SessionScope {
    return new SessionScope(id);
  }

  createTemporaryTable(_scope: SessionScope, name: string, _columns: { name: string; type: DataType }[], rows: unknown[][]): void {
    this.external.set(name, rows);
  }

  assertDatabase(name: string): void {
    if (name !== 'default' && name !== 'system') throw new EngineError('UNKNOWN_DATABASE', `Database ${name} does not exist`);
  }
}
