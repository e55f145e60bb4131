// The input side of the formats category: a table, rows written by hand in
// one of the text input formats, INSERTed, then read back as
// TabSeparatedWithNamesAndTypes — so both servers parse the same bytes.

import type { Random } from './random.ts';

interface Row {
  a: number;
  s: string;
  n: number | null;
  arr: number[];
}

const STRINGS = ['x', 'tab\there', 'quote"q', "it's", '', 'ü', 'back\\slash', 'a,b'];

const tsvEscape = (s: string): string => s.replace(/[\\\t\n']/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', "'": "\\'" })[c]!);
const csvQuote = (s: string): string => `"${s.replaceAll('"', '""')}"`;
const sqlQuote = (s: string): string => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
const arrText = (arr: number[]): string => `[${arr.join(',')}]`;
const META = [['a', 'UInt32'], ['s', 'String'], ['n', 'Nullable(Int8)'], ['arr', 'Array(UInt8)']].map(([name, type]) => ({ name, type }));
const jsonRow = (row: Row): Record<string, unknown> => ({ a: row.a, s: row.s, n: row.n, arr: row.arr });

/** The input formats the generator writes, each with how its body spells the rows. */
export const INPUT_FORMATS: Record<string, (rows: Row[]) => string> = {
  TabSeparated: (rows) => rows.map((x) => `${x.a}\t${tsvEscape(x.s)}\t${x.n ?? '\\N'}\t${arrText(x.arr)}\n`).join(''),
  TabSeparatedWithNames: (rows) => `a\ts\tn\tarr\n${INPUT_FORMATS.TabSeparated!(rows)}`,
  CSV: (rows) => rows.map((x) => `${x.a},${csvQuote(x.s)},${x.n ?? '\\N'},"${arrText(x.arr)}"\n`).join(''),
  CSVWithNames: (rows) => `"a","s","n","arr"\n${INPUT_FORMATS.CSV!(rows)}`,
  JSONEachRow: (rows) => rows.map((x) => `${JSON.stringify(jsonRow(x))}\n`).join(''),
  JSONStringsEachRow: (rows) => rows.map((x) => `${JSON.stringify({ a: String(x.a), s: x.s, ...(x.n === null ? {} : { n: String(x.n) }), arr: arrText(x.arr) })}\n`).join(''),
  JSONCompactEachRow: (rows) => rows.map((x) => `${JSON.stringify([x.a, x.s, x.n, x.arr])}\n`).join(''),
  JSONCompactEachRowWithNames: (rows) => `["a", "s", "n", "arr"]\n${INPUT_FORMATS.JSONCompactEachRow!(rows)}`,
  JSONObjectEachRow: (rows) => `{${rows.map((x, i) => `"row_${i + 1}": ${JSON.stringify(jsonRow(x))}`).join(',\n')}}\n`,
  JSON: (rows) => `${JSON.stringify({ meta: META, data: rows.map(jsonRow) })}\n`,
  JSONCompact: (rows) => `${JSON.stringify({ meta: META, data: rows.map((x) => [x.a, x.s, x.n, x.arr]) })}\n`,
  JSONColumns: (rows) => `${JSON.stringify({ a: rows.map((x) => x.a), s: rows.map((x) => x.s), n: rows.map((x) => x.n), arr: rows.map((x) => x.arr) })}\n`,
  TSKV: (rows) => rows.map((x) => `a=${x.a}\ts=${tsvEscape(x.s)}\tn=${x.n ?? '\\N'}\tarr=${arrText(x.arr)}\n`).join(''),
  CustomSeparated: (rows) => INPUT_FORMATS.TabSeparated!(rows),
  Values: (rows) => rows.map((x) => `(${x.a}, ${sqlQuote(x.s)}, ${x.n ?? 'NULL'}, ${arrText(x.arr)})`).join(', '),
};

export function inputRows(r: Random): Row[] {
  return Array.from({ length: r.int(1, 3) }, (_, i) => ({
    a: i + 1,
    s: r.pick(STRINGS),
    n: r.chance(0.3) ? null : r.int(-9, 9),
    arr: Array.from({ length: r.int(0, 3) }, () => r.int(0, 9)),
  }));
}

export const INPUT_TABLE = '(a UInt32, s String, n Nullable(Int8), arr Array(UInt8)) ENGINE = Memory';
