// The columnar body writers must give exactly the bytes of the row writers:
// random blocks of every packed type (NULLs, escapes, multi-byte text, 64-bit
// extremes) are written both ways and compared.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Block } from '../../reference/engine/columns/block.ts';
import { columnFromValues } from '../../reference/engine/columns/builders.ts';
import { T, nullable, arrayOf } from '../../reference/engine/types.ts';
import type { DataType } from '../../reference/engine/types.ts';
import { Settings } from '../../reference/engine/settings.ts';
import { outputFormat } from '../../reference/clickhouse/formats/index.ts';

const U64_MAX = 2n ** 64n - 1n;
const I64 = 2n ** 63n;

const arbitraries: [DataType, fc.Arbitrary<unknown>][] = [
  [T.UInt8, fc.integer({ min: 0, max: 255 })],
  [T.Int16, fc.integer({ min: -32768, max: 32767 })],
  [T.Int32, fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })],
  [T.UInt32, fc.integer({ min: 0, max: 2 ** 32 - 1 })],
  [T.UInt64, fc.oneof(fc.bigInt({ min: 0n, max: U64_MAX }), fc.bigInt({ min: 0n, max: 2n ** 53n + 10n }), fc.constantFrom(0n, U64_MAX, 2n ** 53n, 2n ** 53n - 1n))],
  [T.Int64, fc.oneof(fc.bigInt({ min: -I64, max: I64 - 1n }), fc.bigInt({ min: -(2n ** 53n) - 5n, max: 2n ** 53n + 5n }), fc.constantFrom(-I64, I64 - 1n, -1n, -(2n ** 53n)))],
  [T.Float64, fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -0, 1e15, 0.1))],
  [T.String, fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', 'a\tb', 'x\\y', "it's", '/path', 'a"b', '\u2028', '\0', 'ÄÖÜ'))],
  [T.Bool, fc.boolean()],
  [T.Date, fc.integer({ min: 0, max: 65535 })],
  [T.DateTime, fc.integer({ min: 0, max: 2 ** 32 - 1 })],
];

const withNullable = arbitraries.flatMap(([t, a]) => [
  [t, a] as const,
  [nullable(t), fc.option(a, { nil: null, freq: 3 })] as const,
]);
const arrays: [DataType, fc.Arbitrary<unknown>][] = [[arrayOf(T.UInt64), fc.array(fc.bigInt({ min: 0n, max: U64_MAX }), { maxLength: 3 })]];

const blockArb = fc.array(fc.constantFrom(...withNullable, ...arrays), { minLength: 1, maxLength: 4 }).chain((cols) =>
  fc.array(fc.tuple(...cols.map(([, a]) => a)), { minLength: 1, maxLength: 30 }).map((rows) => ({ types: cols.map(([t]) => t), rows })));

const FORMATS = ['TSV', 'TSVRaw', 'JSONEachRow', 'JSONCompactEachRow', 'RowBinary'];
const SETTINGS: [string, string][][] = [[], [['output_format_json_quote_64bit_integers', '1']], [['output_format_json_escape_forward_slashes', '0']],
  [['output_format_tsv_crlf_end_of_line', '1']], [['format_tsv_null_representation', 'NULL']]];

test('columnar bodies equal the row writers\' bodies', () => {
  fc.assert(fc.property(blockArb, fc.constantFrom(...FORMATS), fc.constantFrom(...SETTINGS), ({ types, rows }, name, changes) => {
    const settings = new Settings();
    for (const [k, v] of changes) settings.set(k, v);
    const ctx = { settings, timezone: 'UTC' };
    const format = outputFormat(name);
    const columns = types.map((type, i) => ({ name: `c${i}/x`, type }));
    const writer = format.blockWriter!(columns, ctx)!;
    assert.ok(writer, `${name} has a columnar writer`);
    const block = Block.ofColumns(types.map((t, j) => columnFromValues(t, rows.map((r) => r[j]))));
    assert.ok(block.isColumnar);
    const expected = Buffer.from(format.create(columns, ctx).block(rows), format.binary ? 'latin1' : 'utf8');
    assert.deepEqual(writer(block), expected);
  }), { numRuns: 1500, seed: 7 });
});

test('columns give back the values they were built from, and slices and selections keep them', () => {
  fc.assert(fc.property(blockArb, fc.nat(), ({ types, rows }, pick) => {
    const block = Block.ofColumns(types.map((t, j) => columnFromValues(t, rows.map((r) => r[j]))));
    assert.deepEqual(block.rows, rows.map((r) => [...r]));
    const start = pick % rows.length;
    assert.deepEqual(block.slice(start).rows, rows.slice(start));
    const idx = Uint32Array.from(rows.map((_, i) => i).filter((i) => (i + pick) % 3 === 0));
    assert.deepEqual(block.take(idx, idx.length).rows, [...idx].map((i) => rows[i]));
    assert.equal(Block.ofColumns(block.columns).byteSize(), Block.ofRows(types, rows).byteSize());
  }), { numRuns: 500, seed: 11 });
});

test('the columnar readers give the row readers\' rows, or leave the input to them', async () => {
  const { inputFormat } = await import('../../reference/clickhouse/formats/index.ts');
  const readable = (name: string) => withNullable.filter(([t]) => (name === 'RowBinary'
    ? !/Nothing/.test(t.name)
    : /^(Nullable\()?(U?Int\d+|String)\)?$/.test(t.name)));
  const blockFor = (name: string) => fc.array(fc.constantFrom(...readable(name)), { minLength: 1, maxLength: 3 }).chain((cols) =>
    fc.array(fc.tuple(...cols.map(([, a]) => a)), { minLength: 0, maxLength: 20 }).map((rows) => ({ name, types: cols.map(([t]) => t), rows })));
  // Valid data from the row writer, sometimes damaged: a byte changed, cut short, a field added.
  const damage = fc.oneof(fc.constant(undefined), fc.tuple(fc.nat(), fc.constantFrom('\t', '\n', '\\', 'x', '-', '\\N', '\r', '\xff', '\x00', '\x80', '', '"', ',', ' ', "'", '}', ':', '{')));
  const cases = fc.oneof(blockFor('TSV'), blockFor('TSVRaw'), blockFor('RowBinary'), blockFor('CSV'), blockFor('JSONEachRow'));
  fc.assert(fc.property(cases, damage, ({ name, types, rows }, hurt) => {
    const settings = new Settings();
    const ctx = { settings, timezone: 'UTC', parseValues: () => [] };
    const columns = types.map((type, i) => ({ name: `c${i}`, type }));
    const format = outputFormat(name);
    const encoding = format.binary ? 'latin1' : 'utf8';
    let text = format.create(columns, ctx).block(rows);
    if (hurt) {
      const at = hurt[0] % (text.length + 1);
      text = text.slice(0, at) + hurt[1] + text.slice(at + 1);
    }
    const input = inputFormat(name);
    const data = Buffer.from(text, encoding);
    const block = input.readBlock!(data, columns, ctx);
    let expected: unknown[][] | Error;
    try {
      // The server gives the row reader the body decoded as UTF-8, or as bytes for a binary format.
      expected = input.read(data.toString(encoding), columns, ctx);
    } catch (e) {
      expected = e as Error;
    }
    if (block === undefined) return;
    assert.ok(!(expected instanceof Error), `the columnar reader accepted what the row reader refuses: ${JSON.stringify(text)} (${String(expected)})`);
    assert.deepEqual(block.rows, expected);
  }), { numRuns: 4000, seed: 5 });
});
