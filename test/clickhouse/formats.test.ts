import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Settings } from '../../reference/engine/settings.ts';
import { EngineError } from '../../reference/engine/errors.ts';
import { T, arrayOf, nullable, parseType } from '../../reference/engine/types.ts';
import type { ColumnDef } from '../../reference/engine/api.ts';
import { inputFormat, outputFormat } from '../../reference/clickhouse/formats/index.ts';
import type { FormatContext } from '../../reference/clickhouse/formats/index.ts';

function ctx(changes: Record<string, string> = {}): FormatContext {
  const settings = new Settings();
  for (const [k, v] of Object.entries(changes)) settings.set(k, v);
  return { settings, timezone: 'UTC' };
}

const stats = { elapsedSeconds: 0.000030034, rowsRead: 1, bytesRead: 1 };

function render(format: string, columns: ColumnDef[], rows: unknown[][], c = ctx(), blocks?: unknown[][][]): string {
  const out = outputFormat(format).create(columns, c);
  let text = out.prefix();
  for (const b of blocks ?? [rows]) text += out.block(b);
  return text + out.suffix(stats);
}

const x: ColumnDef[] = [{ name: 'x', type: T.UInt8 }];

test('TabSeparated escapes \\b \\f \\r \\n \\t \\0 \\\' \\\\ and writes \\N for NULL', () => {
  const cols: ColumnDef[] = [{ name: 's', type: nullable(T.String) }];
  const value = 'a/b"c\\d\t\n\0\r\b\f\x01é\'';
  assert.equal(render('TabSeparated', cols, [[value], [null]]), 'a/b"c\\\\d\\t\\n\\0\\r\\b\\f\x01é\\\'\n\\N\n');
});

test('TSVWithNamesAndTypes writes a names line and a types line', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: T.UInt8 }, { name: 'b', type: arrayOf(T.String) }];
  assert.equal(render('TSVWithNamesAndTypes', cols, [[1, ['x', "y'z"]]]), "a\tb\nUInt8\tArray(String)\n1\t['x','y\\'z']\n");
});

test('TabSeparatedRaw leaves strings unescaped', () => {
  const cols: ColumnDef[] = [{ name: 's', type: T.String }];
  assert.equal(render('TabSeparatedRaw', cols, [['a\tb\\']]), 'a\tb\\\n');
});

test('format names are looked up without regard to case; unknown ones are 73', () => {
  assert.equal(outputFormat('tsv').name, 'TSV');
  assert.throws(() => outputFormat('Nope'), { code: 73, message: 'Unknown format Nope' });
});

test('CSV quotes strings and dates, doubles quotes, leaves numbers bare', () => {
  const cols: ColumnDef[] = [{ name: 'n', type: T.UInt8 }, { name: 's', type: T.String }, { name: 'd', type: T.Date }, { name: 'z', type: nullable(T.UInt8) }];
  assert.equal(render('CSVWithNames', cols, [[1, 'say "hi"', 19000, null]]), '"n","s","d","z"\n1,"say ""hi""","2022-01-08",\\N\n');
  assert.equal(outputFormat('CSV').contentType(new Settings()), 'text/csv; charset=UTF-8; header=absent');
  assert.equal(outputFormat('CSVWithNames').contentType(new Settings()), 'text/csv; charset=UTF-8; header=present');
});

test('JSON document: tabs, 64-bit integers quoted on request, escaped slashes, statistics', () => {
  const cols: ColumnDef[] = [{ name: 'x', type: T.UInt8 }, { name: 'y', type: T.UInt64 }, { name: 's', type: T.String }];
  const expected = '{\n\t"meta":\n\t[\n\t\t{\n\t\t\t"name": "x",\n\t\t\t"type": "UInt8"\n\t\t},\n' +
    '\t\t{\n\t\t\t"name": "y",\n\t\t\t"type": "UInt64"\n\t\t},\n\t\t{\n\t\t\t"name": "s",\n\t\t\t"type": "String"\n\t\t}\n\t],\n\n' +
    '\t"data":\n\t[\n\t\t{\n\t\t\t"x": 1,\n\t\t\t"y": "2",\n\t\t\t"s": "a\\/b\\n\\u0001"\n\t\t}\n\t],\n\n' +
    '\t"rows": 1,\n\n\t"statistics":\n\t{\n\t\t"elapsed": 0.000030034,\n\t\t"rows_read": 1,\n\t\t"bytes_read": 1\n\t}\n}\n';
  assert.equal(render('JSON', cols, [[1, 2n, 'a/b\n\x01']], ctx({ output_format_json_quote_64bit_integers: '1' })), expected);
  assert.match(render('JSON', cols, [[1, 2n, '']]), /\t\t\t"y": 2,\n/);
});

test('JSON with no rows has an empty data array and rows_before_limit_at_least after LIMIT', () => {
  const out = outputFormat('JSON').create(x, ctx());
  const text = out.prefix() + out.suffix({ ...stats, rowsBeforeLimit: 2 });
  assert.match(text, /\t"data":\n\t\[\n\n\t\],\n\n\t"rows": 0,\n\n\t"rows_before_limit_at_least": 2,\n\n\t"statistics"/);
});

test('JSON nan and inf are null; JSONCompact rows have a space after the comma', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: T.Float64 }, { name: 'b', type: T.Int64 }];
  assert.match(render('JSONCompact', cols, [[NaN, -3n], [1.5, 0n]]), /\t\t\[null, -3\],\n\t\t\[1.5, 0\]\n\t\]/);
});

test('JSONEachRow is one compact object per line, ndjson', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: T.UInt8 }, { name: 'b', type: T.String }];
  assert.equal(render('JSONEachRow', cols, [[1, 'x'], [2, 'y']]), '{"a":1,"b":"x"}\n{"a":2,"b":"y"}\n');
  assert.equal(outputFormat('JSONEachRow').contentType(new Settings()), 'application/x-ndjson; charset=UTF-8');
});

test('an in-format exception ends JSON and JSONEachRow documents', () => {
  const out = outputFormat('JSON').create(x, ctx());
  assert.equal(out.exceptionSuffix!('Code: 395. oops'), '\n\t],\n\n\t"rows": 0,\n\n\t"exception": "Code: 395. oops"\n}\n');
  assert.equal(outputFormat('JSONEachRow').create(x, ctx()).exceptionSuffix!('E'), '{"exception": "E"}\n');
});

test('Pretty: row numbers are on in 24.8, no ANSI colours', () => {
  const expected = '   ┏━━━┓\n   ┃ 1 ┃\n   ┡━━━┩\n1. │ 1 │\n   └───┘\n';
  assert.equal(render('Pretty', [{ name: '1', type: T.UInt8 }], [[1]]), expected);
});

test("Pretty without row numbers reproduces the documentation's SELECT 1 example", () => {
  const expected = '┏━━━┓\n┃ 1 ┃\n┡━━━┩\n│ 1 │\n└───┘\n';
  assert.equal(render('Pretty', [{ name: '1', type: T.UInt8 }], [[1]], ctx({ output_format_pretty_row_numbers: '0' })), expected);
});

test('PrettyCompact and PrettySpace: names in the frame, numbers right-aligned, strings left', () => {
  const cols: ColumnDef[] = [{ name: 'x', type: T.UInt16 }, { name: 's', type: T.String }];
  const noNumbers = ctx({ output_format_pretty_row_numbers: '0' });
  assert.equal(render('PrettyCompact', cols, [[1, 'abc'], [100, '']], noNumbers),
    '┌───x─┬─s───┐\n│   1 │ abc │\n│ 100 │     │\n└─────┴─────┘\n');
  assert.equal(render('PrettySpace', cols, [[1, 'abc']], noNumbers), ' x   s  \n\n 1   abc \n');
});

test('Pretty shows NULL as ᴺᵁᴸᴸ and separates rows', () => {
  const cols: ColumnDef[] = [{ name: 'v', type: nullable(T.String) }];
  assert.equal(render('Pretty', cols, [['a'], [null]], ctx({ output_format_pretty_row_numbers: '0' })),
    '┏━━━━━━┓\n┃ v    ┃\n┡━━━━━━┩\n│ a    │\n├──────┤\n│ ᴺᵁᴸᴸ │\n└──────┘\n');
});

test('Values writes tuples separated by commas without a final newline', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: T.UInt8 }, { name: 'b', type: nullable(T.String) }];
  assert.equal(render('Values', cols, [[1, "a'b"], [2, null]]), "(1,'a\\'b'),(2,NULL)");
});

test('Vertical titles rows and pads names', () => {
  const cols: ColumnDef[] = [{ name: 'x', type: T.UInt8 }, { name: 'long', type: T.String }];
  assert.equal(render('Vertical', cols, [[0, 'a'], [1, 'b']]),
    'Row 1:\n──────\nx:    0\nlong: a\n\nRow 2:\n──────\nx:    1\nlong: b\n');
});

test('Null writes nothing', () => {
  assert.equal(render('Null', x, [[1]]), '');
});

test('TabSeparated input unescapes fields and maps \\N to NULL', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: T.UInt8 }, { name: 's', type: nullable(T.String) }];
  const rows = inputFormat('TabSeparated').read('1\ta\\tb\n2\t\\N\n', cols, { ...ctx(), parseValues: () => [] });
  assert.deepEqual(rows, [[1, 'a\tb'], [2, null]]);
});

test('TSVWithNames input maps columns by the header and fills the rest with defaults', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: T.UInt8 }, { name: 's', type: T.String }];
  const rows = inputFormat('TSVWithNames').read('s\nx\ny\n', cols, { ...ctx(), parseValues: () => [] });
  assert.deepEqual(rows, [[0, 'x'], [0, 'y']]);
});

test('CSV input handles quotes, doubled quotes and \\N', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: T.UInt8 }, { name: 's', type: nullable(T.String) }];
  const rows = inputFormat('CSV').read('1,"a,""b"""\r\n2,\\N\n', cols, { ...ctx(), parseValues: () => [] });
  assert.deepEqual(rows, [[1, 'a,"b"'], [2, null]]);
});

test('JSONEachRow input keeps 64-bit integers exact and skips unknown keys', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: T.UInt64 }, { name: 's', type: T.String }];
  const rows = inputFormat('JSONEachRow').read('{"a": 18446744073709551615, "s": "x\\ny", "zz": 1}\n{"s":"only"}', cols, { ...ctx(), parseValues: () => [] });
  assert.deepEqual(rows, [[18446744073709551615n, 'x\ny'], [0n, 'only']]);
});

test('a number field that does not parse is an assertion failure naming the row', () => {
  assert.throws(() => inputFormat('TabSeparated').read('1\nabc\n', x, { ...ctx(), parseValues: () => [] }), {
    code: 27, message: "Cannot parse input: expected '\\n' before: 'abc\\n': (at row 2)\n",
  });
  const cols: ColumnDef[] = [{ name: 'a', type: T.UInt8 }, { name: 'd', type: T.Date }];
  assert.throws(() => inputFormat('CSV').read('7x,2020-01-01\n', cols, { ...ctx(), parseValues: () => [] }), {
    code: 27, message: "Cannot parse input: expected ',' before: 'x,2020-01-01\\n': (at row 1)\n",
  });
});

// ---------------------------------------------------------------- JSON family (bytes as ClickHouse 26.7 writes them)

const ns: ColumnDef[] = [{ name: 'n', type: T.UInt64 }, { name: 'x"y/z', type: nullable(T.String) }];

test('JSONStrings and JSONCompactStrings write every value as a JSON string, NULL as ᴺᵁᴸᴸ', () => {
  assert.match(render('JSONStrings', ns, [[1n, null]]), /\t\t{\n\t\t\t"n": "1",\n\t\t\t"x\\"y\\\/z": "ᴺᵁᴸᴸ"\n\t\t}\n/);
  assert.match(render('JSONCompactStrings', ns, [[1n, 'a/b']]), /\t\t\["1", "a\\\/b"\]\n\t\]/);
});

test('JSON spreads arrays of arrays over lines with tabs unless output_format_json_pretty_print is off', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: arrayOf(arrayOf(T.UInt8)) }];
  assert.match(render('JSON', cols, [[[[1], [2, 3]]]]), /\t\t\t"a": \[\n\t\t\t\t\[1\],\n\t\t\t\t\[2,3\]\n\t\t\t\]\n/);
  assert.match(render('JSON', cols, [[[[1], [2, 3]]]], ctx({ output_format_json_pretty_print: '0' })), /\t\t\t"a": \[\[1\],\[2,3\]\]\n/);
});

test('JSONCompact[Strings]EachRow[WithNames[AndTypes]]: arrays joined by ", ", text/plain', () => {
  assert.equal(render('JSONCompactEachRowWithNamesAndTypes', ns, [[0n, 'a'], [1n, null]]),
    '["n", "x\\"y\\/z"]\n["UInt64", "Nullable(String)"]\n[0, "a"]\n[1, null]\n');
  assert.equal(render('JSONCompactStringsEachRowWithNames', ns, [[0n, null]]), '["n", "x\\"y\\/z"]\n["0", "ᴺᵁᴸᴸ"]\n');
  assert.equal(render('JSONCompactEachRow', ns, []), '');
  assert.equal(outputFormat('JSONCompactEachRow').contentType(new Settings()), 'text/plain; charset=UTF-8');
  assert.equal(outputFormat('JSONCompactEachRow').create(ns, ctx()).exceptionSuffix!('E'), '["E"]\n');
});

test('JSONStringsEachRow is one object of strings a line; array_of_rows wraps them, still ndjson', () => {
  assert.equal(render('JSONStringsEachRow', ns, [[5n, 'q']]), '{"n":"5","x\\"y\\/z":"q"}\n');
  const c = ctx({ output_format_json_array_of_rows: '1' });
  assert.equal(render('JSONStringsEachRow', ns, [[5n, 'q'], [6n, null]], c), '[\n{"n":"5","x\\"y\\/z":"q"},\n{"n":"6","x\\"y\\/z":"ᴺᵁᴸᴸ"}\n]\n');
  assert.equal(outputFormat('JSONEachRow').contentType(c.settings), 'application/x-ndjson; charset=UTF-8');
});

test('JSONObjectEachRow names rows row_N, or by a String column left out of the row', () => {
  assert.equal(render('JSONObjectEachRow', ns, [[1n, 'a'], [2n, null]]),
    '{\n\t"row_1": {"n":1,"x\\"y\\/z":"a"},\n\t"row_2": {"n":2,"x\\"y\\/z":null}\n}\n');
  assert.equal(render('JSONObjectEachRow', ns, []), '{\n\n}\n');
  const cols: ColumnDef[] = [{ name: 'k', type: T.String }, { name: 'v', type: T.UInt8 }];
  const c = ctx({ format_json_object_each_row_column_for_object_name: 'k' });
  assert.equal(render('JSONObjectEachRow', cols, [['one', 1]], c), '{\n\t"one": {"v":1}\n}\n');
  assert.throws(() => outputFormat('JSONObjectEachRow').create(cols, ctx({ format_json_object_each_row_column_for_object_name: 'v' })),
    { code: 36 });
});

test('JSONColumns, JSONCompactColumns, JSONColumnsWithMetadata: one array per column', () => {
  const rows = [[0n, 'a'], [1n, null]];
  assert.equal(render('JSONColumns', ns, rows), '{\n\t"n": [0, 1],\n\t"x\\"y\\/z": ["a", null]\n}\n');
  assert.equal(render('JSONColumns', ns, []), '{\n\t"n": [],\n\t"x\\"y\\/z": []\n}\n');
  assert.equal(render('JSONCompactColumns', ns, rows), '[\n\t[0, 1],\n\t["a", null]\n]\n');
  assert.equal(render('JSONCompactColumns', ns, []), '[\n\n]\n');
  assert.match(render('JSONColumnsWithMetadata', ns, rows),
    /\t\],\n\n\t"data":\n\t{\n\t\t"n": \[0, 1\],\n\t\t"x\\"y\\\/z": \["a", null\]\n\t},\n\n\t"rows": 2,\n\n\t"statistics"/);
  assert.match(render('JSONColumnsWithMetadata', ns, []), /\t"data":\n\t{\n\n\t},\n\n\t"rows": 0,/);
});

test('PrettyJSONEachRow: four-space objects, arrays of arrays spread over lines', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: arrayOf(arrayOf(T.UInt8)) }, { name: 'b', type: arrayOf(T.UInt8) }];
  assert.equal(render('PrettyJSONEachRow', cols, [[[[1, 2], []], [3]]]),
    '{\n    "a": [\n        [1,2],\n        []\n    ],\n    "b": [3]\n}\n');
});

test('JSONCompactEachRowWithProgress writes rows as arrays', () => {
  assert.match(render('JSONCompactEachRowWithProgress', ns, [[1n, null]]), /^{"meta":\[{"name":"n","type":"UInt64"},{"name":"x\\"y\\\/z","type":"Nullable\(String\)"}\]}\n{"row":\[1, null\]}\n/);
});

// ---------------------------------------------------------------- Pretty, Vertical and XML as 26.7 draws them

const n: ColumnDef[] = [{ name: 'n', type: T.UInt64 }];
const numbersRows = (count: number): unknown[][] => Array.from({ length: count }, (_, i) => [BigInt(i)]);

test('Pretty past output_format_pretty_max_rows cuts the middle rows out and says how many it showed', () => {
  assert.equal(render('PrettyCompact', n, numbersRows(5), ctx({ output_format_pretty_max_rows: '3' })),
    '   ┌─n─┐\n1. │ 0 │\n2. │ 1 │\n   ─ ─ ─\n5. │ 4 │\n   └───┘\nShowed 3 out of 5 rows.\n');
  assert.equal(render('PrettySpace', n, numbersRows(5), ctx({ output_format_pretty_max_rows: '2' })),
    '    n\n\n1.  0 \n   ─ \n5.  4 \n\nShowed 2 out of 5 rows.\n');
});

test('Pretty keeps a multi-line value inside its cell with ↴ and ↳', () => {
  const cols: ColumnDef[] = [{ name: 's', type: T.String }, { name: 'n', type: T.UInt8 }];
  assert.equal(render('PrettyCompact', cols, [['a\nbc', 5]]), '   ┌─s──┬─n─┐\n1. │ a ↴│ 5 │\n   │↳bc │   │\n   └────┴───┘\n');
});

test('Pretty measures tabs to the next tab stop from the left edge of the table', () => {
  const cols: ColumnDef[] = [{ name: 't', type: T.String }, { name: 'u', type: T.String }];
  assert.equal(render('PrettyCompact', cols, [['a\tb', 'xx\tyyy\tz']]),
    '   ┌─t────┬─u─────────────┐\n1. │ a\tb │ xx\tyyy\tz  │\n   └──────┴───────────────┘\n');
});

test('Pretty cuts long column names that are not identifiers in the middle', () => {
  const cols: ColumnDef[] = [{ name: 'weird name with spaces and more than thirty chars', type: T.UInt8 }];
  assert.match(render('PrettyCompact', cols, [[1]]), /┌─weird name w⋯hirty chars─┐/);
  const ident: ColumnDef[] = [{ name: 'a_rather_long_identifier_name_that_is_valid', type: T.UInt8 }];
  assert.match(render('PrettyCompact', ident, [[1]]), /┌─a_rather_long_identifier_name_that_is_valid─┐/);
});

test('Pretty right-aligns numbers and dates, not Bool; the last column gets a readable tip', () => {
  const cols: ColumnDef[] = [{ name: 'd', type: T.Date }, { name: 'b', type: T.Bool }, { name: 'big', type: T.UInt32 }];
  assert.equal(render('PrettyCompact', cols, [[0, true, 1], [0, false, 2000000]]),
    '   ┌──────────d─┬─b─────┬─────big─┐\n1. │ 1970-01-01 │ true  │       1 │\n' +
    '2. │ 1970-01-01 │ false │ 2000000 │ -- 2.00 million\n   └────────────┴───────┴─────────┘\n');
});

test('Pretty falls back to Vertical for a short table of five columns with a multi-line value', () => {
  const cols: ColumnDef[] = ['a', 'b', 'c', 'd'].map((name) => ({ name, type: T.UInt8 }));
  cols.push({ name: 'e', type: T.String });
  assert.equal(render('Pretty', cols, [[1, 2, 3, 4, 'x\ny']]), 'Row 1:\n──────\na: 1\nb: 2\nc: 3\nd: 4\ne: x\ny\n');
  assert.match(render('Pretty', cols, [[1, 2, 3, 4, 'x\ny']], ctx({ output_format_pretty_fallback_to_vertical: '0' })), /^   ┏━━━┳/);
});

test('Pretty colours names, row numbers and digit groups only with output_format_pretty_color=1', () => {
  const text = render('PrettyCompact', n, [[12345n]], ctx({ output_format_pretty_color: '1' }));
  assert.equal(text, '   ┌─────\x1b[1mn\x1b[0m─┐\n\x1b[90m1. \x1b[0m│ 1\x1b[4m2\x1b[0m345 │\n   └───────┘\n');
  assert.doesNotMatch(render('PrettyCompactNoEscapes', n, [[12345n]], ctx({ output_format_pretty_color: '1' })), /\x1b/);
});

test('Vertical pads names to the widest and writes a tip after large numbers', () => {
  const cols: ColumnDef[] = [{ name: 'x', type: T.UInt8 }, { name: 'big', type: T.UInt64 }];
  assert.equal(render('Vertical', cols, [[1, 123456789012n]]), 'Row 1:\n──────\nx:   1\nbig: 123456789012 -- 123.46 billion\n');
});

test('XML writes arrays as <array><elem>, NULL inside as \\N', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: arrayOf(nullable(T.UInt8)) }, { name: 's', type: arrayOf(T.String) }];
  assert.match(render('XML', cols, [[[1, null], ['x<y']]]),
    /\t\t\t<a><array><elem>1<\/elem><elem>\\N<\/elem><\/array><\/a>\n\t\t\t<s><array><elem>x&lt;y<\/elem><\/array><\/s>\n/);
});

// ---------------------------------------------------------------- TSKV, Markdown, LineAsString, RawBLOB, CustomSeparated

const mixed: ColumnDef[] = [{ name: 's=x', type: T.String }, { name: 'n', type: nullable(T.UInt8) }, { name: 'd', type: T.Date }];

test('TSKV writes name=value fields, escaping = in names only', () => {
  assert.equal(render('TSKV', mixed, [['a\tb=c', null, 0]]), 's\\=x=a\\tb=c\tn=\\N\td=1970-01-01\n');
});

test('TSKV input: any order, defaults for missing fields, empty lines, tskv markers, duplicate fields refused', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: T.UInt32 }, { name: 's', type: T.String }];
  const rows = inputFormat('TSKV').read('s=x\\ty\ta=1\n\ntskv\ta=3\tzz=9\n', cols, { ...ctx(), parseValues: () => [] });
  assert.deepEqual(rows, [[1, 'x\ty'], [0, ''], [3, '']]);
  assert.throws(() => inputFormat('TSKV').read('a=1\ta=2\n', cols, { ...ctx(), parseValues: () => [] }),
    { code: 117, message: /Duplicate field found while parsing TSKV format: a: \(at row 1\)/ });
  assert.throws(() => inputFormat('TSKV').read('a=x\n', cols, { ...ctx(), parseValues: () => [] }),
    { code: 27, message: /Found garbage after field in TSKV format: a/ });
});

test('Markdown: escaped names, alignment by type, TSV-escaped values or Markdown-escaped strings', () => {
  assert.equal(render('Markdown', mixed, [['*a\tb', null, 0]]), '| s=x | n | d |\n|:-|-:|-:|\n| *a\\tb | \\N | 1970-01-01 |\n');
  assert.equal(render('MD', mixed, [['*a|b', null, 0]], ctx({ output_format_markdown_escape_special_characters: '1' })),
    '| s=x | n | d |\n|:-|-:|-:|\n| \\*a\\|b | \\N | 1970-01-01 |\n');
});

test('LineAsString writes as TabSeparatedRaw and reads one String per line', () => {
  const cols: ColumnDef[] = [{ name: 's', type: T.String }];
  assert.equal(render('LineAsStringWithNames', cols, [['a\tb\\']]), 's\na\tb\\\n');
  assert.deepEqual(inputFormat('LineAsString').read('one\n\ttwo \\n\n\nlast', cols, { ...ctx(), parseValues: () => [] }),
    [['one'], ['\ttwo \\n'], [''], ['last']]);
  assert.throws(() => inputFormat('LineAsString').read('x', x, { ...ctx(), parseValues: () => [] }), { code: 80 });
});

test('RawBLOB writes the values bytes back to back and reads the body as one String', () => {
  const cols: ColumnDef[] = [{ name: 's', type: T.String }, { name: 'n', type: T.UInt16 }, { name: 'a', type: arrayOf(T.UInt8) }];
  assert.equal(Buffer.from(render('RawBLOB', cols, [['é', 258, [1, 2]]]), 'latin1').toString('hex'), 'c3a902010102');
  assert.throws(() => render('RawBLOB', [{ name: 'a', type: arrayOf(T.String) }], [[['x']]]), { code: 48 });
  const body = Buffer.from('whole\nbody é', 'utf8').toString('latin1');
  assert.deepEqual(inputFormat('RawBLOB').read(body, [{ name: 's', type: T.String }], { ...ctx(), parseValues: () => [] }), [['whole\nbody é']]);
});

test('CustomSeparated takes its delimiters and escaping rule from the format_custom_* settings', () => {
  assert.equal(render('CustomSeparatedWithNames', mixed, [['a', null, 0], ['b', 1, 0]]), 's=x\tn\td\na\t\\N\t1970-01-01\nb\t1\t1970-01-01\n');
  const c = ctx({ format_custom_escaping_rule: 'JSON', format_custom_field_delimiter: '|', format_custom_row_between_delimiter: ',\n',
    format_custom_result_before_delimiter: '[\n', format_custom_result_after_delimiter: ']\n' });
  assert.equal(render('CustomSeparatedWithNames', mixed, [['a', null, 0], ['b', 1, 0]], c),
    '[\n"s=x"|"n"|"d"\n,\n"a"|null|"1970-01-01"\n,\n"b"|1|"1970-01-01"\n]\n');
});

// ---------------------------------------------------------------- Native

test('Native writes a block of columns: counts, names, types, then each column in its bulk layout', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: nullable(T.UInt8) }, { name: 'b', type: arrayOf(arrayOf(T.UInt8)) }, { name: 'z', type: nullable(T.Nothing) }];
  const bytes = Buffer.from(render('Native', cols, [[1, [[1], [2, 3]], null]]), 'latin1');
  assert.equal(bytes.toString('hex'),
    '0301' + '0161' + '0f' + Buffer.from('Nullable(UInt8)').toString('hex') + '00' + '01' +
    '0162' + '13' + Buffer.from('Array(Array(UInt8))').toString('hex') + '0200000000000000' + '0100000000000000' + '0300000000000000' + '010203' +
    '017a' + '11' + Buffer.from('Nullable(Nothing)').toString('hex') + '01' + '30');
  assert.equal(render('Native', cols, []), '');
});

test('Native input reads blocks back, matching columns by name', () => {
  const cols: ColumnDef[] = [{ name: 's', type: T.String }, { name: 'n', type: nullable(T.UInt64) }];
  const out = outputFormat('Native').create(cols, ctx());
  const body = out.block([['x', 1n], ['y', null]]) + out.block([['z', 3n]]);
  const target: ColumnDef[] = [{ name: 'n', type: nullable(T.UInt64) }, { name: 'other', type: T.UInt8 }, { name: 's', type: T.String }];
  assert.deepEqual(inputFormat('Native').read(body, target, { ...ctx(), parseValues: () => [] }), [[1n, 0, 'x'], [null, 0, 'y'], [3n, 0, 'z']]);
});

// ---------------------------------------------------------------- JSON inputs

const ictx = () => ({ ...ctx(), parseValues: () => [] });
const jt: ColumnDef[] = [{ name: 'a', type: T.UInt32 }, { name: 's', type: T.String }, { name: 'arr', type: arrayOf(T.UInt8) }];

test('JSONCompactEachRow input reads arrays; WithNames maps them by name; WithNamesAndTypes checks the types', () => {
  assert.deepEqual(inputFormat('JSONCompactEachRow').read('[1, "x", [1,2]]\n[2, "y", []]\n', jt, ictx()), [[1, 'x', [1, 2]], [2, 'y', []]]);
  assert.deepEqual(inputFormat('JSONCompactEachRowWithNames').read('["s", "a"]\n["z", 3]\n', jt, ictx()), [[3, 'z', []]]);
  assert.deepEqual(inputFormat('JSONCompactStringsEachRowWithNamesAndTypes').read('["a", "arr"]\n["UInt32", "Array(UInt8)"]\n["4", "[7,8]"]', jt, ictx()),
    [[4, '', [7, 8]]]);
  assert.throws(() => inputFormat('JSONCompactEachRowWithNamesAndTypes').read('["a"]\n["String"]\n["1"]', jt, ictx()),
    { code: 117, message: "Type of 'a' must be UInt32, not String: (while reading header)" });
});

test('JSONStringsEachRow and JSONObjectEachRow inputs', () => {
  assert.deepEqual(inputFormat('JSONStringsEachRow').read('{"a":"5","arr":"[9]"}\n', jt, ictx()), [[5, '', [9]]]);
  assert.deepEqual(inputFormat('JSONObjectEachRow').read('{"row_1": {"a":6,"s":"o"}, "x": {"a":7}}', jt, ictx()), [[6, 'o', []], [7, '', []]]);
  const named = { ...ctx({ format_json_object_each_row_column_for_object_name: 's' }), parseValues: () => [] };
  assert.deepEqual(inputFormat('JSONObjectEachRow').read('{"k": {"a":1}}', jt, named), [[1, 'k', []]]);
});

// ---------------------------------------------------------------- Tuple, Map, LowCardinality, UUID and the other new types

const tType = (text: string) => parseType(text);

test('JSON spreads tuples and maps over lines; named tuples are objects', () => {
  const cols: ColumnDef[] = [{ name: 'nt', type: tType('Tuple(a UInt8, b Array(UInt8))') }, { name: 'm', type: tType('Map(String, UInt8)') }];
  assert.match(render('JSON', cols, [[[1, [2]], [['k', 1]]]]),
    /\t\t\t"nt": {\n\t\t\t\t"a": 1,\n\t\t\t\t"b": \[2\]\n\t\t\t},\n\t\t\t"m": {\n\t\t\t\t"k": 1\n\t\t\t}\n/);
});

test('Pretty draws a named tuple as a JSON object; XML writes tuples and maps element by element', () => {
  const cols: ColumnDef[] = [{ name: 'nt', type: tType('Tuple(a UInt8, b String)') }];
  assert.equal(render('PrettyCompact', cols, [[[1, 'x']]]),
    '   ┌─nt─────────┐\n1. │ {         ↴│\n   │↳  "a": 1, ↴│\n   │↳  "b": "x"↴│\n   │↳}          │\n   └────────────┘\n');
  const xml: ColumnDef[] = [{ name: 't', type: tType('Tuple(UInt8, String)') }, { name: 'm', type: tType('Map(String, UInt8)') }];
  assert.match(render('XML', xml, [[[1, 'a'], [['k', 1]]]]),
    /<t><tuple><elem>1<\/elem><elem>a<\/elem><\/tuple><\/t>\n\t\t\t<m><map><elem><key>k<\/key><value>1<\/value><\/elem><\/map><\/m>/);
});

test('CSV headers name a tuple by its elements', () => {
  const cols: ColumnDef[] = [{ name: 't', type: tType('Tuple(UInt8, Tuple(a UInt8, b String))') }];
  assert.equal(render('CSVWithNamesAndTypes', cols, [[[1, [2, 'x']]]]), '"t.1","t.2.a","t.2.b"\n"UInt8","UInt8","String"\n1,2,"x"\n');
});

test('Native and RowBinary write UUID halves, LowCardinality dictionaries, maps and tuples as ClickHouse does', () => {
  const uuid: ColumnDef[] = [{ name: 'u', type: T.UUID }];
  const u = inputFormat('RowBinary').read(Buffer.from('00'.repeat(8) + '01' + '00'.repeat(7), 'hex').toString('latin1'), uuid, ictx())[0]![0];
  assert.equal(Buffer.from(render('RowBinary', uuid, [[u]]), 'latin1').toString('hex'), '00'.repeat(8) + '01' + '00'.repeat(7));
  const lc: ColumnDef[] = [{ name: 'l', type: tType('LowCardinality(Nullable(String))') }];
  const bytes = Buffer.from(render('Native', lc, [['b'], [null], [''], ['b']]), 'latin1');
  assert.equal(bytes.subarray(2 + 2 + 1 + 'LowCardinality(Nullable(String))'.length).toString('hex'),
    '0100000000000000' + '0006000000000000' + '0300000000000000' + '0000' + '0162' + '0400000000000000' + '02000102');
  assert.deepEqual(inputFormat('Native').read(bytes.toString('latin1'), lc, ictx()), [['b'], [null], [''], ['b']]);
  const mt: ColumnDef[] = [{ name: 'm', type: tType('Map(String, UInt8)') }, { name: 't', type: tType('Tuple(UInt8, String)') }];
  const native = render('Native', mt, [[[['k', 1]], [2, 'x']]]);
  assert.deepEqual(inputFormat('Native').read(native, mt, ictx()), [[[['k', 1]], [2, 'x']]]);
});

test('RowBinaryWithNamesAndTypes input maps the header onto the table and skips the columns it lacks', () => {
  const out = outputFormat('RowBinaryWithNamesAndTypes').create([{ name: 's', type: T.String }, { name: 'extra', type: T.UInt8 }, { name: 'a', type: T.UInt64 }], ctx());
  const body = out.prefix() + out.block([['x', 7, 1n]]);
  const target: ColumnDef[] = [{ name: 'a', type: T.UInt64 }, { name: 's', type: T.String }];
  assert.deepEqual(inputFormat('RowBinaryWithNamesAndTypes').read(body, target, ictx()), [[1n, 'x']]);
  const named = outputFormat('RowBinaryWithNames').create([{ name: 'extra', type: T.UInt8 }], ctx());
  assert.throws(() => inputFormat('RowBinaryWithNames').read(named.prefix() + named.block([[7]]), target, ictx()), { code: 626 });
  assert.deepEqual(inputFormat('RowBinaryWithDefaults').read('\x01\x00\x01y', target, ictx()), [[0n, 'y']]);
});

test('CustomSeparated input reads rows by the format_custom_* delimiters and escaping rule', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: T.UInt32 }, { name: 's', type: T.String }, { name: 'n', type: nullable(T.Int8) }];
  assert.deepEqual(inputFormat('CustomSeparated').read('1\tx\\ty\t\\N\n2\tz\t5\n', cols, ictx()), [[1, 'x\ty', null], [2, 'z', 5]]);
  const c = { ...ctx({ format_custom_escaping_rule: 'CSV', format_custom_field_delimiter: '|', format_custom_row_before_delimiter: '<',
    format_custom_row_after_delimiter: '>\n', format_custom_row_between_delimiter: ',\n', format_custom_result_before_delimiter: 'BEGIN\n',
    format_custom_result_after_delimiter: 'END\n' }), parseValues: () => [] };
  assert.deepEqual(inputFormat('CustomSeparatedWithNames').read('BEGIN\n<"s"|"a">\n,\n<"q"|3>\n,\n<"r,s"|4>\nEND\n', cols, c),
    [[3, 'q', null], [4, 'r,s', null]]);
  assert.deepEqual(inputFormat('CustomSeparatedWithNamesAndTypes').read('a\ts\nUInt32\tString\n11\ttt\n', cols, ictx()), [[11, 'tt', null]]);
  assert.throws(() => inputFormat('CustomSeparated').read('1|x\n', cols, ictx()), { code: 27 });
});

test('JSON, JSONCompact, JSONColumns, JSONCompactColumns and JSONColumnsWithMetadata read back what they write', () => {
  const cols: ColumnDef[] = [{ name: 'a', type: T.UInt64 }, { name: 's', type: T.String }];
  const rows = [[0n, 'x'], [1n, 'y']];
  for (const format of ['JSON', 'JSONCompact', 'JSONColumns', 'JSONCompactColumns', 'JSONColumnsWithMetadata']) {
    assert.deepEqual(inputFormat(format).read(render(format, cols, rows), cols, ictx()), rows, format);
  }
  assert.throws(() => inputFormat('JSON').read('{"meta":[{"name":"a","type":"String"}],"data":[{"a":"1"}]}', cols, ictx()),
    { code: 117, message: "Type String of column 'a' from metadata is not the same as type in header UInt64: (while reading header)" });
});

test('date_time_output_format writes DateTime and DateTime64 as ISO 8601 in UTC or as Unix seconds', () => {
  const cols: ColumnDef[] = [{ name: 'dt', type: T.DateTime }, { name: 'dt64', type: tType('DateTime64(3)') }];
  const dt64 = inputFormat('TSV').read('1970-01-01 00:00:00\t2024-01-02 03:04:05.678\n', cols, ictx())[0]![1];
  assert.equal(render('TSV', cols, [[1704164645, dt64]], ctx({ date_time_output_format: 'iso' })), '2024-01-02T03:04:05Z\t2024-01-02T03:04:05.678Z\n');
  assert.equal(render('JSONEachRow', cols, [[1704164645, dt64]], ctx({ date_time_output_format: 'unix_timestamp' })),
    '{"dt":"1704164645","dt64":"1704164645.678"}\n');
});

test('output_format_json_quote_64bit_floats quotes Float64, even the null of inf; XML writes Bool as true/false', () => {
  const cols: ColumnDef[] = [{ name: 'f', type: T.Float64 }, { name: 'g', type: T.Float32 }];
  assert.equal(render('JSONCompactEachRow', cols, [[1.5, 1.5], [Infinity, 1]], ctx({ output_format_json_quote_64bit_floats: '1' })),
    '["1.5", 1.5]\n["null", 1]\n');
  assert.match(render('XML', [{ name: 'b', type: T.Bool }], [[true]], ctx({ bool_true_representation: 'yes' })), /<b>true<\/b>/);
});

test('output_format_decimal_trailing_zeros writes all the digits of a Decimal', () => {
  const cols: ColumnDef[] = [{ name: 'd', type: tType('Decimal(18, 3)') }];
  const d = inputFormat('TSV').read('-1.5\n', cols, ictx())[0]![0];
  assert.equal(render('TSV', cols, [[d]]), '-1.5\n');
  assert.equal(render('TSV', cols, [[d]], ctx({ output_format_decimal_trailing_zeros: '1' })), '-1.500\n');
  assert.equal(render('Values', cols, [[d]], ctx({ output_format_decimal_trailing_zeros: '1' })), '(-1.500)');
});

test('an INSERT error names the processor that read the body, as ClickHouse does', async () => {
  const { whileReading } = await import('../../reference/clickhouse/formats/input-processors.ts');
  const err = (() => { try { return inputFormat('TSKV').read('a=x\n', x.map((c) => ({ ...c, name: 'a' })), ictx()); } catch (e) { return e; } })();
  assert.equal((whileReading(err, inputFormat('TSKV')) as Error).message,
    'Found garbage after field in TSKV format: a: (at row 1)\n: While executing ParallelParsingBlockInputFormat');
  const dotted = new EngineError('INCORRECT_QUERY', 'This input format is only suitable for tables with a single column of type String.');
  assert.equal((whileReading(dotted, inputFormat('LineAsString')) as Error).message,
    'This input format is only suitable for tables with a single column of type String: While executing ParallelParsingBlockInputFormat');
  assert.match((whileReading(new EngineError('INCORRECT_DATA', 'x'), inputFormat('Native')) as Error).message, /: While executing Native$/);
});
