import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Settings } from '../../reference/engine/settings.ts';
import { T, arrayOf, nullable } from '../../reference/engine/types.ts';
import type { ColumnDef } from '../../reference/engine/api.ts';
import { outputFormat } from '../../reference/clickhouse/formats/index.ts';
import type { FormatContext } from '../../reference/clickhouse/formats/index.ts';
import { escapingRuleOf, serializeByEscapingRule } from '../../reference/clickhouse/formats/escaping-rules.ts';
import { TemplateFormatString, verbosePrint } from '../../reference/clickhouse/formats/template-string.ts';
import { exceptionText } from '../../reference/clickhouse/errors.ts';
import { METRICS_TABLE } from '../../reference/engine/system-metrics.ts';
import { holdMetric } from '../../reference/engine/current-metrics.ts';

function ctx(changes: Record<string, string> = {}, formatSchemaPath?: string): FormatContext {
  const settings = new Settings();
  for (const [k, v] of Object.entries(changes)) settings.set(k, v);
  return { settings, timezone: 'UTC', ...(formatSchemaPath ? { formatSchemaPath } : {}) };
}

const stats = { elapsedSeconds: 0.5, rowsRead: 7, bytesRead: 56 };

function render(columns: ColumnDef[], blocks: unknown[][][], c: FormatContext, s: typeof stats & { rowsBeforeLimit?: number } = stats): string {
  const out = outputFormat('Template').create(columns, c);
  let text = out.prefix();
  for (const b of blocks) text += out.block(b);
  return text + out.suffix(s);
}

const metrics: ColumnDef[] = [
  { name: 'metric', type: T.String }, { name: 'value', type: T.Int64 }, { name: 'description', type: T.String },
];

/** A format_schema_path with the given files, removed after the test. */
function schemaDir(t: { after: (fn: () => void) => void }, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-template-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// ---------------------------------------------------------------- escaping rules

test('each escaping rule writes a string as its format would', () => {
  const c = ctx();
  const s = 'a/b "c"\t\'d\' <e>&';
  const by = (rule: string) => serializeByEscapingRule(T.String, s, escapingRuleOf(rule), c);
  assert.equal(by('Escaped'), 'a/b "c"\\t\\\'d\\\' <e>&');
  assert.equal(by('Raw'), s);
  assert.equal(by('Quoted'), "'a/b \"c\"\\t\\'d\\' <e>&'");
  assert.equal(by('CSV'), '"a/b ""c""\t\'d\' <e>&"');
  assert.equal(by('JSON'), '"a\\/b \\"c\\"\\t\'d\' <e>&"');
  assert.equal(by('XML'), 'a/b "c"\t\'d\' &lt;e>&amp;');
});

test('escaping rules write numbers bare, except 64-bit integers in JSON, and NULL in each rule\'s way', () => {
  const c = ctx();
  const rules = ['Escaped', 'Raw', 'Quoted', 'CSV', 'JSON', 'XML'] as const;
  assert.deepEqual(rules.map((r) => serializeByEscapingRule(T.Int64, 5n, r, c)), ['5', '5', '5', '5', '5', '5']);
  assert.equal(serializeByEscapingRule(T.Int64, 5n, 'JSON', ctx({ output_format_json_quote_64bit_integers: '1' })), '"5"');
  assert.deepEqual(rules.map((r) => serializeByEscapingRule(nullable(T.UInt8), null, r, c)), ['\\N', '\\N', 'NULL', '\\N', 'null', '\\N']);
  assert.equal(serializeByEscapingRule(arrayOf(T.String), ['x'], 'JSON', c), '["x"]');
});

test('escaping rule names are case-sensitive; empty is None, which cannot write a value', () => {
  assert.equal(escapingRuleOf(''), 'None');
  assert.throws(() => escapingRuleOf('json'), { code: 36, message: 'Unknown escaping rule "json"' });
  assert.throws(() => serializeByEscapingRule(T.UInt8, 1, 'None', ctx()), { code: 36 });
});

// ---------------------------------------------------------------- format strings

test('a format string splits into delimiters and placeholders; $$ is a dollar; names may be quoted', () => {
  const f = TemplateFormatString.parse('a$$b ${x:JSON}, ${"y z":CSV}${`w`}!', (n) => ['x', 'y z', 'w'].indexOf(n));
  assert.deepEqual(f.delimiters, ['a$b ', ', ', '', '!']);
  assert.deepEqual(f.indexes, [0, 1, 2]);
  assert.deepEqual(f.escapingRules, ['JSON', 'CSV', 'None']);
});

test('syntax errors are INVALID_TEMPLATE_FORMAT with the byte position and a dump of what was parsed', () => {
  assert.throws(() => TemplateFormatString.parse('é ${x:Raw} $x', () => 0), {
    code: 474,
    message: 'Invalid format string for Template: At pos 13: Expected \'{\' or \'$\' after \'$\', got "x" (near column 1). ' +
      'Parsed format string:\n\nDelimiter 0: "é "\nColumn 0: "x" (mapped to table column 0), Format Raw\nDelimiter 1: " "\n',
  });
  assert.throws(() => TemplateFormatString.parse('${x:Raw', () => 0), /Unbalanced parentheses \(near column 1\)[^]*Format <ERROR>\nDelimiter 1: <ERROR>/);
  assert.throws(() => TemplateFormatString.parse('${x;}', () => 0), /At pos 3: Expected ':' or '}' after column name "x", got ";}"/);
});

test('verbosePrintString names control characters and quotes', () => {
  assert.equal(verbosePrint(''), '<EMPTY>');
  assert.equal(verbosePrint('a\n\t"\'\\\x01'), '"a<LINE FEED><TAB><DOUBLE QUOTE><SINGLE QUOTE><BACKSLASH><0x01>"');
});

test('an error of a format file is wrapped into INVALID_TEMPLATE_FORMAT; an inline one is not', () => {
  const lookup = (n: string): number => {
    if (n !== 'x') throw Object.assign(new Error(`Not found column ${n} in block. There are only columns: x`), { code: 10, codeName: 'NOT_FOUND_COLUMN_IN_BLOCK' });
    return 0;
  };
  assert.throws(() => TemplateFormatString.parseFile(Buffer.from('${x:Raw}-${y}'), lookup), {
    code: 474,
    message: 'Invalid format string for Template: Not found column y in block. There are only columns: x (near column 1). Parsed format string:\n' +
      '\nDelimiter 0: <EMPTY>\nColumn 0: "x" (mapped to table column 0), Format Raw\nDelimiter 1: "-"\n' +
      'Column 1: "y" (mapped to table column <ERROR>), Format None\nDelimiter 2: <EMPTY>\n',
  });
  assert.throws(() => TemplateFormatString.parse('${y:Raw}', lookup), { code: 10 });
});

// ---------------------------------------------------------------- the Template format

test('the documentation\'s Prometheus files give its lines', (t) => {
  const dir = schemaDir(t, {
    row: '# HELP ${metric:CSV} ${description:CSV}\n# TYPE ${metric:CSV} counter\n${metric:CSV} ${value:CSV}',
    resultset: '${data}\n',
  });
  const c = ctx({ format_template_row: 'row', format_template_resultset: 'resultset' }, dir);
  const text = render(metrics, [[['Query', 1n, 'Number of executing queries']], [['PartMutation', 0n, 'Number of mutations (ALTER DELETE/UPDATE)']]], c);
  assert.equal(text, '# HELP "Query" "Number of executing queries"\n# TYPE "Query" counter\n"Query" 1\n' +
    '# HELP "PartMutation" "Number of mutations (ALTER DELETE/UPDATE)"\n# TYPE "PartMutation" counter\n"PartMutation" 0\n');
  assert.equal(outputFormat('Template').contentType(new Settings()), 'text/plain; charset=UTF-8');
});

test('inline format strings, the rows delimiter and the result set\'s statistics', () => {
  const c = ctx({
    format_template_row_format: '<${x:Quoted}>',
    format_template_resultset_format: '${data} rows=${rows:JSON} read=${rows_read:Raw}/${bytes_read:CSV} limit=${rows_before_limit:Escaped} t=${time:Raw}',
    format_template_rows_between_delimiter: ';',
  });
  const text = render([{ name: 'x', type: T.String }], [[['a'], ['b']], [['c']]], c, { ...stats, rowsBeforeLimit: 9 });
  assert.equal(text, "<'a'>;<'b'>;<'c'> rows=3 read=7/56 limit=9 t=0.5");
});

test('without a result set the rows stand alone; without a row format there is nothing to write', () => {
  assert.equal(render([{ name: 'x', type: T.UInt8 }], [[[1], [2]]], ctx({ format_template_row_format: '${x:Raw}' })), '1\n2');
  assert.throws(() => outputFormat('Template').create([{ name: 'x', type: T.UInt8 }], ctx()), {
    code: 474, message: 'Invalid format string for Template: No columns specified (near column 0). Parsed format string:\n\nDelimiter 0: <EMPTY>\n',
  });
});

test('the result set must start with ${data}, name known parts and give rules only to the numbers', () => {
  const create = (resultset: string) => outputFormat('Template').create([{ name: 'x', type: T.UInt8 }],
    ctx({ format_template_row_format: '${x:Raw}', format_template_resultset_format: resultset }));
  assert.throws(() => create('${rows:Raw}${data}'), /\$\{data\} must be the first output part \(near column 0\)/);
  assert.throws(() => create('${data:JSON}'), /Serialization type for data, totals, min and max must be empty or None \(near column 0\)/);
  assert.throws(() => create('${data}${rows}'), /Serialization type for output part rows, rows, time, rows_read or bytes_read is not specified \(near column 1\)/);
  assert.throws(() => create('${data}${nope:Raw}'), { code: 62, message: 'Unknown output part nope' });
  assert.throws(() => create('${data}${totals}'), /Cannot print totals for this request \(near column 1\)/);
  const noLimit = outputFormat('Template').create([{ name: 'x', type: T.UInt8 }],
    ctx({ format_template_row_format: '${x:Raw}', format_template_resultset_format: '${data}${rows_before_limit:Raw}' }));
  assert.throws(() => noLimit.suffix(stats), /Cannot print rows_before_limit for this request \(near column 1\)/);
});

test('the row format needs a rule for each column and columns that exist', () => {
  const create = (row: string) => outputFormat('Template').create([{ name: 'x', type: T.UInt8 }], ctx({ format_template_row_format: row }));
  assert.throws(() => create('${x}'), /Serialization type for file column is not specified \(near column 0\)/);
  assert.throws(() => create('${1:Raw}'), /Column index 1 must be less then number of columns \(1\) \(near column 0\)/);
  assert.throws(() => create('${:Raw}'), /Cannot skip format field for output, it's a bug\. \(near column 0\)/);
  assert.throws(() => create('${y:Raw}'), { code: 10, message: 'Not found column y in block. There are only columns: x' });
});

test('format files come from format_schema_path: missing files, absolute paths and escapes are refused', (t) => {
  const dir = schemaDir(t, { row: '${x:Raw}' });
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'row'), '[${x:Raw}]');
  const create = (changes: Record<string, string>) => outputFormat('Template').create([{ name: 'x', type: T.UInt8 }], ctx(changes, dir));
  const missing = (() => { try { create({ format_template_row: 'nope' }); } catch (err) { return err; } })();
  assert.equal(exceptionText(missing, '24.8.1.1'), `Code: 107. DB::ErrnoException: Cannot open file ${join(dir, 'nope')}, errno: 2, strerror: No such file or directory. (FILE_DOESNT_EXIST) (version 24.8.1.1)`);
  assert.throws(() => create({ format_template_row: '/etc/passwd' }), { code: 36, message: "Absolute path in the 'format_schema' setting is prohibited: /etc/passwd" });
  assert.throws(() => create({ format_template_row: '../row' }), { code: 36, message: `Path in the 'format_schema' setting shouldn't go outside the 'format_schema_path' directory: ${dir} (../row not in ${dir})` });
  assert.throws(() => create({ format_template_row: 'row', format_template_row_format: '${x:Raw}' }), {
    code: 474, message: 'Expected either format_template_row or format_template_row_format, but not both',
  });
  const out = create({ format_template_row: 'sub/row' });
  assert.equal(out.prefix() + out.block([[4]]) + out.suffix(stats), '[4]');
});

// ---------------------------------------------------------------- system.metrics

test('system.metrics starts with Query, the running queries, and counts HTTP query handlers', () => {
  const running = { list: () => [{}, {}] } as never;
  const release = holdMetric('HTTPConnection');
  const rows = METRICS_TABLE.rows!({ processes: running } as never);
  release();
  release();
  assert.deepEqual(METRICS_TABLE.columns.map((c) => `${c.name} ${c.type.name}`), ['metric String', 'value Int64', 'description String']);
  assert.deepEqual(rows.slice(0, 5).map((r) => r[0]), ['Query', 'Merge', 'MergeParts', 'Move', 'PartMutation']);
  assert.deepEqual(rows[0], ['Query', 2n, 'Number of executing queries']);
  const http = rows.find((r) => r[0] === 'HTTPConnection')!;
  assert.ok((http[1] as bigint) >= 1n);
  const after = METRICS_TABLE.rows!({ processes: running } as never).find((r) => r[0] === 'HTTPConnection')!;
  assert.equal(after[1], (http[1] as bigint) - 1n);
});
