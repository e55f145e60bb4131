import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClickHouseEngine } from './helpers.ts';

const engine = createClickHouseEngine();
const syntaxError = (sql: string, message: RegExp | string, maxQuerySize?: number): void => {
  assert.throws(() => engine.parse(sql, maxQuerySize === undefined ? {} : { maxQuerySize }), (e: { code: number; message: string }) => {
    assert.equal(e.code, 62);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  });
};

test('empty and whitespace-only queries are "Empty query"', () => {
  syntaxError('', 'Empty query');
  syntaxError('  \n -- comment\n', 'Empty query');
});

test('a trailing semicolon is accepted, a second statement is not', () => {
  assert.equal(engine.parse('SELECT 1;').kind, 'select');
  assert.equal(engine.parse('SELECT 1 ; ;\n').kind, 'select');
  syntaxError('SELECT 1; SELECT 2', 'Syntax error (Multi-statements are not allowed): failed at position 9 (end of query): ; SELECT 2. ');
});

test('syntax errors name the position, the token and what was expected', () => {
  syntaxError('SELEC 1', /^Syntax error: failed at position 1 \(SELEC\): SELEC 1\. Expected one of: .*SELECT/);
  syntaxError('SEL\nECT 1\n', /^Syntax error: failed at position 1 \(SEL\) \(line 1, col 1\): SEL\nECT 1\n\. Expected one of/);
  syntaxError('SELECT 1 +', /failed at position 11 \(end of query\)/);
});

test('max_query_size counts the query text, not INSERT data', () => {
  assert.equal(engine.parse('select 1\n', { maxQuerySize: 8 }).kind, 'select');
  syntaxError('select 1111111111111', /Max query size exceeded/, 8);
  const q = engine.parse('INSERT INTO t VALUES (1), (2), (3), (4), (5)', { maxQuerySize: 22 });
  assert.deepEqual(q.insertData, { format: 'Values', offset: 21 });
});

test('INSERT data offsets follow ClickHouse rules', () => {
  const values = 'INSERT INTO t VALUES\n(4),(5)\n';
  assert.equal(values.slice(engine.parse(values).insertData!.offset), '(4),(5)\n');
  const tsv = 'INSERT INTO t FORMAT TabSeparated\n10\n11\n';
  const q = engine.parse(tsv);
  assert.equal(q.format, 'TabSeparated');
  assert.equal(tsv.slice(q.insertData!.offset), '10\n11\n');
  assert.equal(engine.parse('INSERT INTO t SELECT 1').insertData, undefined);
});

test('FORMAT and SETTINGS clauses are reported to the caller', () => {
  const q = engine.parse('SELECT 1 SETTINGS max_block_size = 10 FORMAT JSON');
  assert.equal(q.format, 'JSON');
  assert.deepEqual(q.settings, [['max_block_size', '10']]);
  assert.deepEqual(engine.parse("SELECT 1 FORMAT CSV SETTINGS format_csv_delimiter = ';'").settings, [['format_csv_delimiter', ';']]);
});

test('statements are classified and flagged as modifying', () => {
  const kinds = ['CREATE TABLE t (a UInt8) ENGINE = Memory', 'DROP TABLE IF EXISTS t', 'TRUNCATE TABLE t', 'EXISTS TABLE t',
    'SHOW TABLES FROM system LIKE \'n%\'', 'SHOW DATABASES', 'DESCRIBE TABLE t', 'SET max_threads = 1', 'USE system']
    .map((s) => { const q = engine.parse(s); return `${q.kind}:${q.modifies}`; });
  assert.deepEqual(kinds, ['create:true', 'drop:true', 'truncate:true', 'exists:false', 'show:false', 'show:false', 'describe:false', 'set:false', 'use:false']);
});

test('comments and quoted identifiers', () => {
  assert.equal(engine.parse('/* a */ SELECT `x y`, "z" -- c\n FROM t # d').kind, 'select');
});

test('unmatched brackets are reported before what the parser expected, at the first one on the stack', () => {
  syntaxError('SELECT [1, 2', 'Syntax error: failed at position 8 ([): [1, 2. Unmatched parentheses: [');
  syntaxError('SELECT (1', 'Syntax error: failed at position 8 ((): (1. Unmatched parentheses: (');
  syntaxError('SELECT ((1)', 'Syntax error: failed at position 8 ((): ((1). Unmatched parentheses: (');
  // A closing bracket that matches nothing ends the scan, on the stack itself.
  syntaxError('SELECT 1)', 'Syntax error: failed at position 9 ()): ). Unmatched parentheses: )');
  syntaxError('SELECT (1]', 'Syntax error: failed at position 8 ((): (1]. Unmatched parentheses: (]');
  // The scan ends where the lexer ends: a bad token or an unclosed quote after the bracket (this once hung the server).
  for (const sql of ["SELECT (1 'never closed", 'SELECT (1 \x01', 'SELECT [ 2 "x']) {
    assert.throws(() => engine.parse(sql), { code: 62 });
  }
});

test('CREATE TABLE without a name expects IF NOT EXISTS (one keyword) or a compound identifier', () => {
  syntaxError('CREATE TABLE', 'Syntax error: failed at position 13 (end of query): . Expected one of: IF NOT EXISTS, compound identifier, identifier');
});
