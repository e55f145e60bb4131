// INSERT INTO t [(columns)] [SETTINGS …] VALUES | FORMAT name | SELECT …:
// where the data after the statement begins.

import { EngineError } from '../errors.ts';
import type { InsertColumn, Statement } from './ast.ts';
import type { ParseResult } from './result.ts';
import { SelectParser } from './select.ts';

export class InsertParser extends SelectParser {
  protected insert(): ParseResult {
    this.needKw('INSERT');
    this.needKw('INTO');
    this.kw('TABLE');
    if (this.kw('FUNCTION')) throw new EngineError('NOT_IMPLEMENTED', 'INSERT INTO FUNCTION is not supported by this engine');
    const { db, name } = this.qualifiedName();
    let columns: InsertColumn[] | undefined;
    if (this.isOp('(')) {
      this.advance();
      columns = this.listUntil(')', () => this.insertColumn());
    }
    const settings: [string, string][] = [];
    if (this.kw('SETTINGS')) settings.push(...this.settingsList());
    if (this.isKw('VALUES')) {
      this.advance();
      const next = this.tok;
      const statement: Statement = { kind: 'insert', db, table: name, columns, format: 'Values', hasData: true };
      const dataOffset = next.type === 'semicolon' ? this.sql.length : next.type === 'eof' ? this.sql.length : next.begin;
      return { statement, format: 'Values', settings, dataOffset, end: this.lx.at(this.k - 1).end };
    }
    if (this.isKw('FORMAT')) {
      this.advance();
      const format = this.identifier('format name');
      let end = this.lx.at(this.k - 1).end;
      if (this.isKw('SETTINGS')) {
        // SETTINGS after FORMAT belong to the query; data follows them.
        this.advance();
        settings.push(...this.settingsList());
        end = this.lx.at(this.k - 1).end;
      }
      let data = end;
      const s = this.sql;
      if (s[data] === ';') {
        throw new EngineError('SYNTAX_ERROR', "You have excessive ';' symbol before data for INSERT.\nExample:\n\nINSERT INTO t (x, y) FORMAT TabSeparated\n;\tHello\n2\tWorld\n\nNote that there is no ';' just after format name, you need to put at least one whitespace symbol before the data.");
      }
      while (data < s.length && (s[data] === ' ' || s[data] === '\t' || s[data] === '\f')) data++;
      if (s[data] === '\r') data++;
      if (s[data] === '\n') data++;
      const statement: Statement = { kind: 'insert', db, table: name, columns, format, hasData: true };
      return { statement, format, settings, dataOffset: data, end };
    }
    if (this.isKw('SELECT') || this.isKw('WITH') || this.isOp('(')) {
      const select = this.selectQuery();
      const last = select.parts[select.parts.length - 1]!;
      settings.push(...last.settings);
      if (this.kw('SETTINGS')) settings.push(...this.settingsList());
      return { statement: { kind: 'insert', db, table: name, columns, select, hasData: false }, settings, end: this.tok.begin };
    }
    this.expect('VALUES');
    this.expect('FORMAT');
    this.expect('SELECT');
    this.expect('WITH');
    this.expect('SETTINGS');
    throw this.fail();
  }

  /** A column name, or `*` [EXCEPT name | EXCEPT (names)] (the @clickhouse/client's `columns: { except }`). */
  private insertColumn(): InsertColumn {
    if (!this.isOp('*')) return this.identifier('column name');
    this.advance();
    if (!this.kw('EXCEPT')) return { except: [] };
    if (!this.isOp('(')) return { except: [this.identifier('column name')] };
    this.advance();
    return { except: this.listUntil(')', () => this.identifier('column name')) };
  }
}
