// CREATE DATABASE/TABLE, DROP, TRUNCATE, EXISTS, SHOW, DESCRIBE, KILL
// QUERY, SET and RENAME.

import { EngineError } from '../errors.ts';
import type { AlterCommand, ColumnSpec, EngineSpec, Expr, Statement } from './ast.ts';
import { InsertParser } from './insert.ts';

/** CREATE TABLE clauses that take one expression, and where its text goes (TTL is parsed and dropped). */
const TABLE_EXPRESSION_CLAUSES: [string[], 'orderBy' | 'partitionBy' | 'primaryKey' | 'sampleBy' | undefined][] = [
  [['ORDER', 'BY'], 'orderBy'],
  [['PARTITION', 'BY'], 'partitionBy'],
  [['PRIMARY', 'KEY'], 'primaryKey'],
  [['SAMPLE', 'BY'], 'sampleBy'],
  [['TTL'], undefined],
];

export class DdlParser extends InsertParser {
  protected create(): Statement {
    this.advance();
    let orReplace = false;
    if (this.kw('OR')) {
      this.needKw('REPLACE');
      orReplace = true;
    }
    if (this.kw('DATABASE')) {
      let ifNotExists = false;
      if (this.kw('IF')) {
        this.needKw('NOT');
        this.needKw('EXISTS');
        ifNotExists = true;
      }
      const name = this.identifier('database name');
      let engine: string | undefined;
      if (this.kw('ENGINE')) {
        this.needOp('=');
        engine = this.identifier();
        if (this.isOp('(')) this.skipBalanced();
      }
      if (this.kw('COMMENT')) this.settingValue();
      return { kind: 'create_database', name, ifNotExists, ...(engine ? { engine } : {}) };
    }
    const temporary = this.kw('TEMPORARY');
    if (!temporary && (this.isKw('VIEW') || (this.isKw('MATERIALIZED') && this.isKw('VIEW', 1)))) return this.createViewStatement(orReplace);
    if (!this.kw('TABLE')) {
      this.expect('DATABASE');
      this.expect('TABLE');
      if (this.isKw('VIEW') || this.isKw('MATERIALIZED') || this.isKw('DICTIONARY') || this.isKw('FUNCTION') || this.isKw('USER') || this.isKw('ROLE')) {
        throw new EngineError('NOT_IMPLEMENTED', `CREATE ${this.tok.text.toUpperCase()} is not supported by this engine`);
      }
      throw this.fail();
    }
    // ParserCreateTableQuery: the one keyword IF NOT EXISTS, then a compound
    // identifier (db.t), which tries an identifier first.
    const ifNotExists = this.kw('IF', 'NOT', 'EXISTS');
    this.expect('compound identifier');
    const { db, name } = this.qualifiedName();
    const st: Statement & { kind: 'create_table' } = { kind: 'create_table', db, name, ifNotExists, orReplace, temporary, columns: [], tableSettings: [] };
    if (this.isOp('(')) {
      this.advance();
      do {
        if (this.isKw('INDEX') || this.isKw('CONSTRAINT') || this.isKw('PROJECTION')) {
          while (!this.isOp(',') && !this.isOp(')') && this.tok.type !== 'eof') {
            if (this.isOp('(')) this.skipBalanced();
            else this.advance();
          }
          continue;
        }
        if (this.isKw('PRIMARY') && this.isKw('KEY', 1)) {
          this.k += 2;
          st.primaryKey = this.exprText();
          continue;
        }
        st.columns.push(this.columnSpec());
      } while (this.op(','));
      this.needOp(')');
    }
    if (this.kw('AS')) {
      if (this.isKw('SELECT') || this.isKw('WITH') || this.isOp('(')) {
        st.asSelect = this.selectQuery();
        return st;
      }
      st.asTable = this.qualifiedName();
    }
    for (;;) {
      if (this.kw('ENGINE')) {
        this.op('=');
        const nameTok = this.tok;
        const engineName = this.identifier('engine name');
        const args: Expr[] = [];
        if (this.isOp('(')) {
          this.advance();
          args.push(...this.listUntil(')', () => this.expr()));
        }
        st.engine = { name: engineName, args, text: this.sql.slice(nameTok.begin, this.lx.at(this.k - 1).end) } satisfies EngineSpec;
        continue;
      }
      const clause = TABLE_EXPRESSION_CLAUSES.find(([words]) => this.kw(...words));
      if (clause) {
        const text = this.exprText();
        const [, field] = clause;
        if (field) st[field] = text;
        continue;
      }
      if (this.kw('SETTINGS')) {
        st.tableSettings.push(...this.settingsList());
        continue;
      }
      if (this.kw('COMMENT')) {
        st.comment = this.settingValue();
        continue;
      }
      break;
    }
    if (this.kw('AS')) {
      st.asSelect = this.selectQuery();
    }
    return st;
  }

  protected exprText(): string {
    const start = this.tok.begin;
    this.expr();
    return this.sql.slice(start, this.lx.at(this.k - 1).end);
  }

  protected columnSpec(): ColumnSpec {
    const col: ColumnSpec = { name: this.identifier('column name') };
    if (!this.isKw('DEFAULT') && !this.isKw('MATERIALIZED') && !this.isKw('ALIAS') && !this.isKw('EPHEMERAL') && (this.tok.type === 'word' || this.tok.type === 'quoted_id')) {
      col.type = this.typeText();
    }
    if (this.kw('NOT', 'NULL')) col.nullModifier = 'NOT NULL';
    else if (this.kw('NULL')) col.nullModifier = 'NULL';
    for (const kind of ['DEFAULT', 'MATERIALIZED', 'ALIAS', 'EPHEMERAL'] as const) {
      if (this.kw(kind)) {
        col.defaultKind = kind;
        const start = this.tok.begin;
        col.defaultExpr = this.expr();
        col.defaultText = this.sql.slice(start, this.lx.at(this.k - 1).end);
        break;
      }
    }
    if (col.type === undefined && col.defaultExpr === undefined) {
      this.expect('data type');
      throw this.fail();
    }
    if (this.kw('COMMENT')) col.comment = this.settingValue();
    if (this.kw('CODEC')) this.skipBalanced();
    if (this.kw('TTL')) this.expr();
    if (col.comment === undefined && this.kw('COMMENT')) col.comment = this.settingValue();
    return col;
  }

  /** After CREATE [OR REPLACE]: `[MATERIALIZED] VIEW [IF NOT EXISTS] [db.]v [TO t] [ENGINE = …] [POPULATE] AS SELECT …`. */
  protected createViewStatement(orReplace: boolean): Statement {
    const materialized = this.kw('MATERIALIZED');
    this.needKw('VIEW');
    const ifNotExists = this.kw('IF', 'NOT', 'EXISTS');
    const { db, name } = this.qualifiedName();
    const st: Statement & { kind: 'create_view' } = { kind: 'create_view', ...(db !== undefined ? { db } : {}), name, ifNotExists, orReplace, materialized, populate: false, query: { t: 'query', parts: [] } };
    if (materialized && this.kw('TO')) st.to = this.qualifiedName();
    if (materialized && this.kw('ENGINE')) {
      this.op('=');
      const nameTok = this.tok;
      const engineName = this.identifier('engine name');
      const args: Expr[] = [];
      if (this.isOp('(')) {
        this.advance();
        args.push(...this.listUntil(')', () => this.expr()));
      }
      st.engine = { name: engineName, args, text: this.sql.slice(nameTok.begin, this.lx.at(this.k - 1).end) };
      while (TABLE_EXPRESSION_CLAUSES.some(([words]) => this.kw(...words))) this.exprText();
    }
    if (materialized && this.kw('POPULATE')) st.populate = true;
    this.needKw('AS');
    st.query = this.selectQuery();
    return st;
  }

  /** ALTER TABLE [db.]t command, …: columns added, dropped, modified, renamed; DELETE and UPDATE mutations. */
  protected alter(): Statement {
    this.needKw('ALTER');
    this.needKw('TABLE');
    const { db, name } = this.qualifiedName();
    const commands: AlterCommand[] = [];
    do commands.push(this.alterCommand()); while (this.op(','));
    return { kind: 'alter_table', ...(db !== undefined ? { db } : {}), name, commands };
  }

  protected alterCommand(): AlterCommand {
    if (this.kw('ADD', 'COLUMN')) {
      const ifNotExists = this.kw('IF', 'NOT', 'EXISTS');
      const column = this.columnSpec();
      if (this.kw('FIRST')) return { t: 'add_column', column, ifNotExists, first: true };
      if (this.kw('AFTER')) return { t: 'add_column', column, ifNotExists, after: this.identifier('column name') };
      return { t: 'add_column', column, ifNotExists };
    }
    if (this.kw('DROP', 'COLUMN')) {
      const ifExists = this.ifExists();
      return { t: 'drop_column', ifExists, name: this.identifier('column name') };
    }
    if (this.kw('MODIFY', 'COLUMN')) {
      const ifExists = this.ifExists();
      return { t: 'modify_column', ifExists, column: this.columnSpec() };
    }
    if (this.kw('RENAME', 'COLUMN')) {
      const ifExists = this.ifExists();
      const from = this.identifier('column name');
      this.needKw('TO');
      return { t: 'rename_column', ifExists, from, to: this.identifier('column name') };
    }
    if (this.kw('DELETE')) {
      this.needKw('WHERE');
      return { t: 'delete', where: this.expr() };
    }
    if (this.kw('UPDATE')) {
      const assignments: [string, Expr][] = [];
      do {
        const column = this.identifier('column name');
        this.needOp('=');
        assignments.push([column, this.expr()]);
      } while (this.op(','));
      this.needKw('WHERE');
      return { t: 'update', assignments, where: this.expr() };
    }
    for (const w of ['ADD COLUMN', 'DROP COLUMN', 'MODIFY COLUMN', 'RENAME COLUMN', 'DELETE WHERE', 'UPDATE']) this.expect(w);
    throw this.fail();
  }

  /** `IF EXISTS`, when it comes next. */
  protected ifExists(): boolean {
    if (!this.kw('IF')) return false;
    this.needKw('EXISTS');
    return true;
  }

  /** DATABASE, VIEW, DICTIONARY or TABLE after DROP/EXISTS; TABLE may be left out where `tableRequired` is false. */
  protected objectKind(tableRequired: boolean): 'table' | 'database' | 'view' | 'dictionary' {
    if (this.kw('DATABASE')) return 'database';
    if (this.kw('VIEW')) return 'view';
    if (this.kw('DICTIONARY')) return 'dictionary';
    if (tableRequired) this.needKw('TABLE');
    else this.kw('TABLE');
    return 'table';
  }

  protected drop(): Statement {
    this.advance();
    const temporary = this.kw('TEMPORARY');
    const what = this.objectKind(true);
    const ifExists = this.ifExists();
    const q = what === 'database' ? { name: this.identifier('database name') } : this.qualifiedName();
    this.kw('SYNC') || this.kw('NO', 'DELAY');
    return { kind: 'drop', what, ...q, ifExists, temporary };
  }

  protected truncate(): Statement {
    this.advance();
    this.kw('TEMPORARY');
    this.kw('TABLE');
    const ifExists = this.ifExists();
    return { kind: 'truncate', ...this.qualifiedName(), ifExists };
  }

  protected exists(): Statement {
    this.advance();
    const temporary = this.kw('TEMPORARY');
    const what = this.objectKind(false);
    const q = what === 'database' ? { name: this.identifier('database name') } : this.qualifiedName();
    return { kind: 'exists', what, ...q, temporary };
  }

  protected likeClause(): { pattern: string; not: boolean; ilike: boolean } | undefined {
    const not = this.kw('NOT');
    if (this.kw('LIKE')) return { pattern: this.stringLiteral(), not, ilike: false };
    if (this.kw('ILIKE')) return { pattern: this.stringLiteral(), not, ilike: true };
    if (not) throw this.fail();
    return undefined;
  }

  protected limitClause(): number | undefined {
    if (!this.kw('LIMIT')) return undefined;
    const t = this.tok;
    if (t.type !== 'number') {
      this.expect('number');
      throw this.fail();
    }
    this.advance();
    return Number(t.text);
  }

  protected show(): Statement {
    this.advance();
    const temporary = this.isKw('TEMPORARY') && this.isKw('TABLES', 1) && this.kw('TEMPORARY');
    if (this.kw('TABLES')) {
      if (temporary) {
        const like = this.likeClause();
        const limit = this.limitClause();
        return { kind: 'show_tables', temporary, ...(like ? { like } : {}), ...(limit !== undefined ? { limit } : {}) };
      }
      let db: string | undefined;
      if (this.kw('FROM') || this.kw('IN')) db = this.identifier('database name');
      const like = this.likeClause();
      const limit = this.limitClause();
      return { kind: 'show_tables', ...(db !== undefined ? { db } : {}), ...(like ? { like } : {}), ...(limit !== undefined ? { limit } : {}) };
    }
    if (this.kw('DATABASES')) {
      const like = this.likeClause();
      const limit = this.limitClause();
      return { kind: 'show_databases', ...(like ? { like } : {}), ...(limit !== undefined ? { limit } : {}) };
    }
    if (this.kw('CREATE')) {
      if (this.kw('DATABASE')) return { kind: 'show_create', what: 'database', name: this.identifier() };
      if (this.kw('VIEW')) return { kind: 'show_create', what: 'table', ...this.qualifiedName() };
      this.kw('TABLE') || this.kw('TEMPORARY', 'TABLE');
      return { kind: 'show_create', what: 'table', ...this.qualifiedName() };
    }
    this.expect('TABLES');
    this.expect('DATABASES');
    this.expect('CREATE');
    this.expect('GRANTS');
    this.expect('ROLES');
    this.expect('USERS');
    throw this.fail();
  }

  protected describe(): Statement {
    this.advance();
    this.kw('TABLE');
    if (this.isOp('(')) {
      this.advance();
      const query = this.selectQuery();
      this.needOp(')');
      return { kind: 'describe', query };
    }
    const a = this.identifier('table name');
    if (this.isOp('(')) {
      this.advance();
      return { kind: 'describe', func: { name: a, args: this.listUntil(')', () => this.expr()) } };
    }
    if (this.isOp('.')) {
      this.advance();
      return { kind: 'describe', db: a, name: this.identifier('table name') };
    }
    return { kind: 'describe', name: a };
  }

  /** KILL QUERY WHERE expr [SYNC | ASYNC | TEST] */
  protected kill(): Statement {
    this.advance();
    this.needKw('QUERY');
    this.needKw('WHERE');
    const where = this.expr();
    let mode: 'sync' | 'async' | 'test' = 'async';
    if (this.kw('SYNC')) mode = 'sync';
    else if (this.kw('ASYNC')) mode = 'async';
    else if (this.kw('TEST')) mode = 'test';
    return { kind: 'kill_query', where, mode };
  }

  protected set(): Statement {
    this.advance();
    return { kind: 'set', pairs: this.settingsList() };
  }

  protected rename(): Statement {
    this.advance();
    this.needKw('TABLE');
    const pairs: { from: { db?: string; name: string }; to: { db?: string; name: string } }[] = [];
    do {
      const from = this.qualifiedName();
      this.needKw('TO');
      pairs.push({ from, to: this.qualifiedName() });
    } while (this.op(','));
    return { kind: 'rename', pairs };
  }
}
