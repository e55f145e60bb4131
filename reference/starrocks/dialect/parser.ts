// The StarRocks statement parser: MySQL lexing (double quotes make strings),
// StarRocks DDL, INSERT ... WITH LABEL, SHOW LOAD, SET and `@@variables`.
// SELECT and expressions come from the engine's parser.

import { EngineError } from '../../engine/errors.ts';
import { Parser } from '../../engine/parser/parser.ts';
import { unquoteString } from '../../engine/parser/lexer.ts';
import type { Expr, SelectQuery, TableExpr } from '../../engine/parser/ast.ts';
import type { SrColumnDef, SrCreateTable, SrStatement, SrUserIdentity } from './ast.ts';
import type { StarRocksAggregate, StarRocksKeysType, StarRocksPartition, StarRocksPartitionDef } from './meta.ts';
import { parseStarRocksType } from './types.ts';
import { StarRocksError, analysisError, srErrors } from './errors.ts';
import { batchPartitions } from './partition-names.ts';
import type { DateUnit } from './partition-names.ts';

/** Function name the parser gives `@@[scope.]name`; the executor swaps in the variable's value. */
export const SYSVAR_FUNCTION = '__starrocks_sysvar';

/** Table-function name the parser gives `db.t PARTITION (p1, p2)`: args db, table, then the partition names. */
export const PARTITIONS_FUNCTION = '__starrocks_partitions';

const AGGREGATES = new Set(['SUM', 'MAX', 'MIN', 'REPLACE', 'REPLACE_IF_NOT_NULL']);
const KEYS: Record<string, StarRocksKeysType> = { DUPLICATE: 'DUP_KEYS', AGGREGATE: 'AGG_KEYS', UNIQUE: 'UNIQUE_KEYS', PRIMARY: 'PRIMARY_KEYS' };

export class StarRocksParser extends Parser {
  /** Source text of select-list items, to name result columns the way StarRocks does. */
  private readonly itemText = new Map<Expr, string>();

  constructor(sql: string) {
    super(sql, 0, { doubleQuotedStrings: true });
  }

  /** One statement; a trailing `;` is allowed. */
  statementSr(): SrStatement {
    try {
      if (this.tok.type === 'eof' || this.tok.type === 'semicolon') throw srErrors.syntax(1, 0, '<EOF>');
      const st = this.dispatch();
      const tokType = (): string => this.tok.type;
      while (tokType() === 'semicolon') this.advance();
      if (tokType() !== 'eof') {
        this.expect('end of query');
        throw this.fail();
      }
      return st;
    } catch (e) {
      if (e instanceof EngineError && !(e instanceof StarRocksError) && e.codeName === 'SYNTAX_ERROR') throw this.syntaxError();
      throw e;
    }
  }

  private syntaxError(): StarRocksError {
    const t = this.lx.at(this.maxK);
    const before = this.sql.slice(0, t.begin);
    const line = before.split('\n').length;
    const col = t.begin - (before.lastIndexOf('\n') + 1);
    return srErrors.syntax(line, col, t.type === 'eof' ? '<EOF>' : t.text);
  }

  private dispatch(): SrStatement {
    if (this.isKw('SELECT') || this.isKw('WITH') || this.isOp('(')) return { kind: 'select', query: this.namedSelect() };
    if (this.kw('CREATE')) {
      if (this.kw('USER')) return this.createUser();
      if (this.kw('VIEW')) return this.createView();
      if (this.kw('DATABASE') || this.kw('SCHEMA')) {
        const ifNotExists = this.kw('IF', 'NOT', 'EXISTS');
        const name = this.identifier('database name');
        if (this.kw('PROPERTIES')) this.properties();
        return { kind: 'create_database', name, ifNotExists };
      }
      this.kw('EXTERNAL');
      this.needKw('TABLE');
      return this.createTable();
    }
    if (this.kw('DROP')) {
      if (this.kw('USER')) {
        const ifExists = this.kw('IF', 'EXISTS');
        return { kind: 'drop_user', identity: this.userIdentity(), ifExists };
      }
      if (this.kw('VIEW')) {
        const ifExists = this.kw('IF', 'EXISTS');
        return { kind: 'drop_view', ...this.tableName(), ifExists };
      }
      if (this.kw('DATABASE') || this.kw('SCHEMA')) {
        const ifExists = this.kw('IF', 'EXISTS');
        const name = this.identifier('database name');
        return { kind: 'drop_database', name, ifExists, force: this.kw('FORCE') };
      }
      this.needKw('TABLE');
      const ifExists = this.kw('IF', 'EXISTS');
      return { kind: 'drop_table', ...this.tableName(), ifExists, force: this.kw('FORCE') };
    }
    if (this.kw('TRUNCATE')) {
      this.needKw('TABLE');
      return { kind: 'truncate', ...this.tableName() };
    }
    if (this.kw('SHOW')) return this.showSr();
    if (this.kw('DESC') || this.kw('DESCRIBE')) {
      const t = this.tableName();
      this.kw('ALL');
      return { kind: 'describe', ...t };
    }
    if (this.kw('USE')) {
      const { db, name } = this.tableName();
      // `USE catalog.db`: only the internal catalog exists here.
      return { kind: 'use', db: db !== undefined && db === 'default_catalog' ? name : db !== undefined ? `${db}.${name}` : name };
    }
    if (this.isKw('INSERT')) return this.insertSr();
    if (this.kw('SET')) return this.setSr();
    if (this.kw('GRANT')) return this.grant(false);
    if (this.kw('REVOKE')) return this.grant(true);
    if (this.kw('ADMIN')) {
      if (this.kw('SHOW', 'FRONTEND', 'CONFIG')) {
        const like = this.kw('LIKE') ? this.stringLiteral() : undefined;
        return { kind: 'show_frontend_config', ...(like !== undefined ? { like } : {}) };
      }
      this.needKw('SET', 'FRONTEND', 'CONFIG');
      return { kind: 'set_frontend_config', settings: this.properties() };
    }
    this.expect('SELECT');
    throw this.fail();
  }

  /** `[db.]name` with backquotes allowed. */
  private tableName(): { db?: string; name: string } {
    const a = this.identifier('table name');
    if (this.op('.')) return { db: a, name: this.identifier('table name') };
    return { name: a };
  }

  private stringOrIdentifier(): string {
    if (this.tok.type === 'string') return unquoteString(this.advance().text);
    return this.identifier();
  }

  private identifierList(): string[] {
    this.needOp('(');
    const out: string[] = [];
    do out.push(this.identifier('column name')); while (this.op(','));
    this.needOp(')');
    return out;
  }

  private properties(): [string, string][] {
    this.needOp('(');
    const out: [string, string][] = [];
    if (!this.isOp(')')) {
      do {
        const k = this.stringOrIdentifier();
        this.needOp('=');
        out.push([k, this.stringOrIdentifier()]);
      } while (this.op(','));
    }
    this.needOp(')');
    return out;
  }

  private intLiteral(): number {
    const t = this.tok;
    if (t.type !== 'number' || !/^\d+$/.test(t.text)) {
      this.expect('integer');
      throw this.fail();
    }
    this.advance();
    return Number(t.text);
  }

  // ------------------------------------------------------------ CREATE TABLE

  private createTable(): SrCreateTable {
    const ifNotExists = this.kw('IF', 'NOT', 'EXISTS');
    const st: SrCreateTable = { kind: 'create_table', ...this.tableName(), ifNotExists, columns: [], properties: [] };
    this.needOp('(');
    do {
      if (this.isKw('INDEX')) {
        while (!this.isOp(',') && !this.isOp(')') && this.tok.type !== 'eof') {
          if (this.isOp('(')) this.skipBalanced();
          else this.advance();
        }
        continue;
      }
      st.columns.push(this.columnDef());
    } while (this.op(','));
    this.needOp(')');
    for (;;) {
      if (this.kw('ENGINE')) {
        this.needOp('=');
        st.engine = this.identifier('engine name');
        continue;
      }
      const keyWord = this.tok.type === 'word' ? this.tok.text.toUpperCase() : '';
      if (KEYS[keyWord] && this.isKw('KEY', 1)) {
        this.advance();
        this.advance();
        st.keys = { type: KEYS[keyWord]!, columns: this.identifierList() };
        continue;
      }
      if (this.kw('COMMENT')) {
        st.comment = this.stringLiteral();
        continue;
      }
      if (this.kw('PARTITION', 'BY')) {
        st.partition = this.partitionDesc();
        continue;
      }
      if (this.kw('DISTRIBUTED', 'BY')) {
        if (this.kw('HASH')) st.distribution = { kind: 'HASH', columns: this.identifierList() };
        else {
          this.needKw('RANDOM');
          st.distribution = { kind: 'RANDOM' };
        }
        if (this.kw('BUCKETS')) st.buckets = this.intLiteral();
        continue;
      }
      if (this.kw('ORDER', 'BY')) {
        st.orderBy = this.identifierList();
        continue;
      }
      if (this.kw('PROPERTIES')) {
        st.properties = this.properties();
        continue;
      }
      break;
    }
    return st;
  }

  private columnDef(): SrColumnDef {
    const name = this.identifier('column name');
    const typeTok = this.tok;
    if (typeTok.type !== 'word') {
      this.expect('data type');
      throw this.fail();
    }
    this.advance();
    if (this.isOp('<')) throw new EngineError('NOT_IMPLEMENTED', `Type ${typeTok.text.toUpperCase()}<...> is not supported by this reference`);
    const args: number[] = [];
    if (this.op('(')) {
      do args.push(this.intLiteral()); while (this.op(','));
      this.needOp(')');
    }
    const col: SrColumnDef = { name, type: parseStarRocksType(typeTok.text, args) };
    for (;;) {
      const w = this.tok.type === 'word' ? this.tok.text.toUpperCase() : '';
      if (AGGREGATES.has(w) && col.aggregate === undefined) {
        this.advance();
        col.aggregate = w as StarRocksAggregate;
        continue;
      }
      if (this.kw('NOT', 'NULL')) {
        col.nullable = false;
        continue;
      }
      if (this.kw('NULL')) {
        col.nullable = true;
        continue;
      }
      if (this.kw('DEFAULT')) {
        if (this.kw('CURRENT_TIMESTAMP')) {
          col.defaultValue = 'CURRENT_TIMESTAMP';
        } else if (this.isKw('NULL')) {
          this.advance();
        } else if (this.tok.type === 'string' || this.tok.type === 'number') {
          col.defaultValue = this.tok.type === 'string' ? unquoteString(this.advance().text) : this.advance().text;
        } else if (this.op('(')) {
          col.defaultExpr = this.expr();
          this.needOp(')');
        } else {
          this.expect('default value');
          throw this.fail();
        }
        continue;
      }
      if (this.kw('KEY')) continue;
      if (this.kw('COMMENT')) {
        col.comment = this.stringLiteral();
        continue;
      }
      break;
    }
    return col;
  }

  /** `RANGE(cols) (...)`, `LIST(cols) (...)` or expressions; the text is kept as written. */
  private partitionDesc(): StarRocksPartition {
    const start = this.tok.begin;
    let kind: StarRocksPartition['kind'] = 'EXPR';
    let columns: string[] = [];
    let partitions: StarRocksPartitionDef[] | undefined;
    if ((this.isKw('RANGE') || this.isKw('LIST')) && this.isOp('(', 1)) {
      kind = this.advance().text.toUpperCase() as 'RANGE' | 'LIST';
      columns = this.identifierList();
      if (this.isOp('(')) partitions = this.partitionList(kind);
    } else {
      const exprs: Expr[] = [];
      do exprs.push(this.expr()); while (this.op(','));
      columns = [...new Set(exprs.flatMap(identifiersOf))];
      const first = exprs[0];
      // date_trunc('unit', col): one range partition per unit; bare columns: one list partition per value.
      if (first?.t === 'fn' && /^date_?trunc$/i.test(first.name) && first.args[0]?.t === 'lit') {
        const unit = String(first.args[0].value).toUpperCase();
        if (!['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'].includes(unit)) throw analysisError(`Unsupported date_trunc unit: ${unit}`);
        return { kind, columns, text: this.sql.slice(start, this.lx.at(this.k - 1).end), partitions: [], auto: { unit: unit as DateUnit } };
      }
      return { kind, columns, text: this.sql.slice(start, this.lx.at(this.k - 1).end), partitions: [], auto: {} };
    }
    return { kind, columns, text: this.sql.slice(start, this.lx.at(this.k - 1).end), ...(partitions ? { partitions } : {}) };
  }

  /**
   * `(PARTITION p VALUES LESS THAN ("10"), PARTITION q VALUES [("10"), ("20")), …)` or
   * `(PARTITION p VALUES IN ("a", "b"), …)`. A `START … END … EVERY` batch makes the
   * list unknown here (undefined).
   */
  private partitionList(kind: 'RANGE' | 'LIST'): StarRocksPartitionDef[] | undefined {
    this.needOp('(');
    const out: StarRocksPartitionDef[] = [];
    if (!this.isOp(')')) {
      do {
        if (!this.kw('PARTITION')) {
          // START (…) END (…) EVERY (…): StarRocks makes and names those partitions itself.
          this.needKw('START');
          const start = this.boundTuple()[0] ?? '';
          this.needKw('END');
          const end = this.boundTuple()[0] ?? '';
          this.needKw('EVERY');
          this.needOp('(');
          let unit: DateUnit | undefined;
          const interval = this.kw('INTERVAL');
          const n = Number(this.boundValue() ?? '0');
          if (interval) {
            const word = this.advance().text.toUpperCase();
            if (!['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'].includes(word)) throw analysisError(`Batch build partition does not support time interval type: ${word}`);
            unit = word as DateUnit;
          }
          this.needOp(')');
          out.push(...batchPartitions(start, end, n, unit));
          continue;
        }
        this.kw('IF', 'NOT', 'EXISTS');
        const name = this.identifier('partition name');
        this.needKw('VALUES');
        const def: StarRocksPartitionDef = { name };
        if (kind === 'LIST') {
          this.needKw('IN');
          this.needOp('(');
          def.values = [];
          do {
            if (this.isOp('(')) def.values.push(this.boundTuple()[0] ?? '');
            else def.values.push(this.boundValue() ?? '');
          } while (this.op(','));
          this.needOp(')');
        } else if (this.kw('LESS', 'THAN')) {
          const previous = out[out.length - 1];
          if (previous?.upper !== undefined) def.lower = previous.upper;
          const upper = this.kw('MAXVALUE') ? undefined : this.boundTuple()[0];
          if (upper !== undefined) def.upper = upper;
        } else {
          this.needOp('[');
          const lower = this.boundTuple()[0];
          this.needOp(',');
          const upper = this.boundTuple()[0];
          this.needOp(')');
          if (lower !== undefined) def.lower = lower;
          if (upper !== undefined) def.upper = upper;
        }
        if (this.isOp('(')) this.skipBalanced();
        out.push(def);
      } while (this.op(','));
    }
    this.needOp(')');
    return out;
  }

  /** `("v1", "v2")`: the values, undefined for MAXVALUE / MINVALUE. */
  private boundTuple(): (string | undefined)[] {
    this.needOp('(');
    const out: (string | undefined)[] = [];
    do out.push(this.boundValue()); while (this.op(','));
    this.needOp(')');
    return out;
  }

  private boundValue(): string | undefined {
    if (this.kw('MAXVALUE') || this.kw('MINVALUE')) return undefined;
    if (this.tok.type === 'string') return unquoteString(this.advance().text);
    const negative = this.op('-');
    if (this.tok.type === 'number') return `${negative ? '-' : ''}${this.advance().text}`;
    this.expect('partition value');
    throw this.fail();
  }

  // ------------------------------------------------------------ SHOW

  private showSr(): SrStatement {
    const likeOpt = (): string | undefined => (this.kw('LIKE') ? this.stringLiteral() : undefined);
    if (this.kw('PROC')) return { kind: 'show_proc', path: this.stringLiteral() };
    if (this.kw('FRONTENDS')) return { kind: 'show_nodes', nodes: 'FRONTENDS' };
    if (this.kw('BACKENDS')) return { kind: 'show_nodes', nodes: 'BACKENDS' };
    if (this.kw('COMPUTE', 'NODES')) return { kind: 'show_nodes', nodes: 'COMPUTE NODES' };
    if (this.kw('DATABASES') || this.kw('SCHEMAS')) {
      const like = likeOpt();
      return { kind: 'show_databases', ...(like !== undefined ? { like } : {}) };
    }
    const full = this.kw('FULL');
    if (this.kw('TABLES')) {
      let db: string | undefined;
      if (this.kw('FROM') || this.kw('IN')) db = this.identifier('database name');
      const like = likeOpt();
      return { kind: 'show_tables', full, ...(db !== undefined ? { db } : {}), ...(like !== undefined ? { like } : {}) };
    }
    if (this.kw('CREATE')) {
      this.needKw('TABLE');
      return { kind: 'show_create_table', ...this.tableName() };
    }
    if (this.kw('LOAD')) return this.showLoad();
    if (this.kw('WARNINGS') || this.kw('ERRORS')) {
      if (this.kw('LIMIT')) this.intLiteral();
      return { kind: 'show_warnings' };
    }
    const global = this.kw('GLOBAL');
    if (!global) this.kw('SESSION');
    if (this.kw('VARIABLES')) {
      const like = likeOpt();
      return { kind: 'show_variables', global, ...(like !== undefined ? { like } : {}) };
    }
    this.expect('DATABASES');
    this.expect('TABLES');
    this.expect('CREATE');
    this.expect('LOAD');
    this.expect('VARIABLES');
    throw this.fail();
  }

  private showLoad(): SrStatement {
    const st: SrStatement & { kind: 'show_load' } = { kind: 'show_load' };
    if (this.kw('FROM')) st.db = this.identifier('database name');
    if (this.kw('WHERE')) {
      do {
        const field = this.identifier().toUpperCase();
        if (field === 'LABEL' && this.kw('LIKE')) st.labelLike = this.stringLiteral();
        else {
          this.needOp('=');
          const v = this.stringLiteral();
          if (field === 'LABEL') st.label = v;
          else if (field === 'STATE') st.state = v.toUpperCase();
          else throw this.fail();
        }
      } while (this.kw('AND'));
    }
    if (this.kw('ORDER', 'BY')) {
      do {
        this.identifier();
        if (!this.kw('ASC')) this.kw('DESC');
      } while (this.op(','));
    }
    if (this.kw('LIMIT')) {
      this.intLiteral();
      if (this.op(',') || this.kw('OFFSET')) this.intLiteral();
    }
    return st;
  }

  // ------------------------------------------------------------ INSERT

  private insertSr(): SrStatement {
    this.needKw('INSERT');
    let overwrite = false;
    if (this.kw('OVERWRITE')) overwrite = true;
    else this.needKw('INTO');
    this.kw('TABLE');
    const target = this.tableName();
    let label: string | undefined;
    if (this.kw('WITH', 'LABEL')) label = this.identifier('label');
    let columns: string[] | undefined;
    if (this.isOp('(') && !(this.isKw('SELECT', 1) || this.isKw('WITH', 1))) columns = this.identifierList();
    if (this.kw('VALUES') || this.kw('VALUE')) {
      const rows: Expr[][] = [];
      do {
        this.needOp('(');
        const row: Expr[] = [];
        if (!this.isOp(')')) {
          do row.push(this.isKw('DEFAULT') ? (this.advance(), { t: 'id', parts: ['DEFAULT'] }) : this.expr()); while (this.op(','));
        }
        this.needOp(')');
        rows.push(row);
      } while (this.op(','));
      return { kind: 'insert', ...target, table: target.name, ...(columns ? { columns } : {}), ...(label !== undefined ? { label } : {}), rows, overwrite };
    }
    const select = this.namedSelect();
    return { kind: 'insert', ...target, table: target.name, ...(columns ? { columns } : {}), ...(label !== undefined ? { label } : {}), select, overwrite };
  }

  // ------------------------------------------------------------ SET

  private setSr(): SrStatement {
    if (this.isKw('DEFAULT') && this.isKw('ROLE', 1)) {
      this.advance();
      this.advance();
      let roles: 'ALL' | 'NONE' | string[];
      if (this.kw('ALL')) roles = 'ALL';
      else if (this.kw('NONE')) roles = 'NONE';
      else {
        roles = [];
        do roles.push(this.stringOrIdentifier()); while (this.op(','));
      }
      this.needKw('TO');
      return { kind: 'set_default_role', roles, identity: this.userIdentity() };
    }
    if (this.kw('NAMES')) {
      this.stringOrIdentifier();
      if (this.kw('COLLATE')) this.stringOrIdentifier();
      return { kind: 'set', assignments: [] };
    }
    if (this.kw('CHARACTER', 'SET') || this.kw('CHARSET')) {
      this.stringOrIdentifier();
      return { kind: 'set', assignments: [] };
    }
    const assignments: { name: string; global: boolean; value: Expr }[] = [];
    do {
      let global = false;
      if (this.isOp('@') && this.isOp('@', 1)) {
        this.advance();
        this.advance();
        const first = this.identifier('variable name');
        if (this.op('.')) {
          global = first.toLowerCase() === 'global';
          assignments.push({ name: this.identifier('variable name').toLowerCase(), global, value: this.assignedValue() });
          continue;
        }
        assignments.push({ name: first.toLowerCase(), global, value: this.assignedValue() });
        continue;
      }
      if (this.kw('GLOBAL')) global = true;
      else this.kw('SESSION') || this.kw('LOCAL');
      const name = this.identifier('variable name').toLowerCase();
      assignments.push({ name, global, value: this.assignedValue() });
    } while (this.op(','));
    return { kind: 'set', assignments };
  }

  /** `= value` (or `:=`); bare words such as ON or utf8 are strings. */
  private assignedValue(): Expr {
    if (!this.op('=')) {
      this.needOp(':');
      this.needOp('=');
    }
    const t = this.tok;
    if (t.type === 'word' && !this.isOp('(', 1) && !['TRUE', 'FALSE', 'NULL'].includes(t.text.toUpperCase())) {
      this.advance();
      return { t: 'lit', value: t.text, raw: `'${t.text}'` };
    }
    return this.expr();
  }

  // ------------------------------------------------------------ users, roles, views

  /** `'user'@'host'`, `user@'host'`, `'user'` or `user`. */
  private userIdentity(): SrUserIdentity {
    const user = this.stringOrIdentifier();
    const host = this.op('@') ? this.stringOrIdentifier() : '%';
    return { user, host };
  }

  /** CREATE USER [IF NOT EXISTS] ui [IDENTIFIED BY [PASSWORD] 'p' | IDENTIFIED WITH plugin [BY|AS 'x']] [DEFAULT ROLE r, …] */
  private createUser(): SrStatement {
    const ifNotExists = this.kw('IF', 'NOT', 'EXISTS');
    const identity = this.userIdentity();
    let password: string | undefined;
    if (this.kw('IDENTIFIED')) {
      if (this.kw('WITH')) {
        this.stringOrIdentifier();
        if (this.kw('BY') || this.kw('AS')) password = this.stringLiteral();
      } else {
        this.needKw('BY');
        this.kw('PASSWORD');
        password = this.stringLiteral();
      }
    }
    const roles: string[] = [];
    if (this.kw('DEFAULT', 'ROLE')) {
      do roles.push(this.stringOrIdentifier()); while (this.op(','));
    }
    return { kind: 'create_user', identity, ifNotExists, roles, ...(password !== undefined ? { password } : {}) };
  }

  /**
   * GRANT r1, r2 TO [USER] ui · GRANT priv, … ON {TABLE db.t | db.t | db.* | *.* | ALL TABLES IN DATABASE d |
   * ALL TABLES IN ALL DATABASES} TO [USER] ui; REVOKE the same with FROM.
   */
  private grant(revoke: boolean): SrStatement {
    const words: string[] = [];
    do {
      let w = this.stringOrIdentifier().toUpperCase();
      while (this.tok.type === 'word' && !this.isKw('ON') && !this.isKw('TO') && !this.isKw('FROM')) w += ` ${this.advance().text.toUpperCase()}`;
      words.push(w);
    } while (this.op(','));
    const target = (): SrUserIdentity => {
      this.needKw(revoke ? 'FROM' : 'TO');
      this.kw('USER');
      return this.userIdentity();
    };
    if (!this.kw('ON')) {
      return { kind: revoke ? 'revoke_roles' : 'grant_roles', roles: words.map((w) => w.toLowerCase()), identity: target() };
    }
    let db = '*';
    let table = '*';
    if (this.kw('ALL', 'TABLES', 'IN')) {
      if (!this.kw('ALL', 'DATABASES')) {
        this.needKw('DATABASE');
        db = this.identifier('database name');
      }
    } else {
      this.kw('TABLE');
      const first = this.op('*') ? '*' : this.identifier('database name');
      if (this.op('.')) {
        db = first;
        table = this.op('*') ? '*' : this.identifier('table name');
      } else {
        table = first;
      }
    }
    return { kind: 'grant_privileges', revoke, privileges: words, db, table, identity: target() };
  }

  /** CREATE VIEW [IF NOT EXISTS] [db.]v [(c1, …)] [COMMENT '…'] AS SELECT … */
  private createView(): SrStatement {
    const ifNotExists = this.kw('IF', 'NOT', 'EXISTS');
    const name = this.tableName();
    let columns: string[] | undefined;
    if (this.isOp('(')) {
      this.needOp('(');
      columns = [];
      do {
        columns.push(this.identifier('column name'));
        if (this.kw('COMMENT')) this.stringLiteral();
      } while (this.op(','));
      this.needOp(')');
    }
    const comment = this.kw('COMMENT') ? this.stringLiteral() : undefined;
    this.needKw('AS');
    const start = this.tok.begin;
    const query = this.namedSelect();
    const text = this.sql.slice(start, this.lx.at(this.k - 1).end);
    return { kind: 'create_view', ...name, ifNotExists, query, text, ...(columns ? { columns } : {}), ...(comment !== undefined ? { comment } : {}) };
  }

  /** `[db.]t PARTITION (p1, p2)` reads only those partitions; everything else as the engine parses it. */
  protected override tableExpr(): TableExpr {
    const save = this.k;
    if (this.tok.type === 'word' || this.tok.type === 'quoted_id') {
      const a = this.identifier('table name');
      let db: string | undefined;
      let name = a;
      if (this.op('.') && (this.tok.type === 'word' || this.tok.type === 'quoted_id')) {
        db = a;
        name = this.identifier('table name');
      }
      if ((this.isKw('PARTITION') || this.isKw('PARTITIONS')) && this.isOp('(', 1)) {
        this.advance();
        const parts = this.identifierList();
        const lit = (v: string): Expr => ({ t: 'lit', value: v, raw: `'${v}'` });
        const te: TableExpr = { t: 'func', name: PARTITIONS_FUNCTION, args: [lit(db ?? ''), lit(name), ...parts.map(lit)] };
        if (this.kw('AS') || (this.tok.type === 'word' && !['WHERE', 'GROUP', 'ORDER', 'LIMIT', 'JOIN', 'LEFT', 'RIGHT', 'INNER', 'UNION', 'HAVING', 'ON', 'CROSS', 'FULL'].includes(this.tok.text.toUpperCase()))) {
          te.alias = this.identifier();
        } else {
          te.alias = name;
        }
        return te;
      }
    }
    this.k = save;
    return super.tableExpr();
  }

  // ------------------------------------------------------------ SELECT

  /** A SELECT whose unaliased items are named by their text, as StarRocks names result columns. */
  private namedSelect(): SelectQuery {
    const q = this.selectQuery();
    for (const part of q.parts) {
      for (const c of part.columns) {
        if (c.alias !== undefined || c.t === 'star' || (c.t === 'id' && !c.parts[0]!.startsWith('@@'))) continue;
        const text = this.itemText.get(c);
        if (text !== undefined) c.alias = text;
      }
    }
    return q;
  }

  override exprWithAlias(): Expr {
    const start = this.tok.begin;
    const e = super.exprWithAlias();
    if (e.alias === undefined) this.itemText.set(e, this.sql.slice(start, this.lx.at(this.k - 1).end).trim());
    return e;
  }

  /** `@@[session.|global.]name` is a system variable. */
  protected override primary(): Expr {
    if (this.isOp('@') && this.isOp('@', 1)) {
      this.advance();
      this.advance();
      let name = this.identifier('variable name');
      let scope = '';
      if (['SESSION', 'GLOBAL', 'LOCAL'].includes(name.toUpperCase()) && this.op('.')) {
        scope = name.toLowerCase();
        name = this.identifier('variable name');
      }
      return { t: 'fn', name: SYSVAR_FUNCTION, args: [{ t: 'lit', value: name.toLowerCase(), raw: `'${name}'` }, { t: 'lit', value: scope, raw: `'${scope}'` }] };
    }
    return super.primary();
  }
}

function identifiersOf(e: Expr): string[] {
  if (e.t === 'id') return [e.parts[e.parts.length - 1]!];
  if (e.t === 'fn') return e.args.flatMap(identifiersOf);
  return [];
}

export function parseStarRocksStatement(sql: string): SrStatement {
  return new StarRocksParser(sql).statementSr();
}
