// The cases of the differential run: each is one or more HTTP requests whose
// answers are compared between two servers. Case i of seed s is always the
// same case, so a mismatch is replayed with `--seed s --only i`.

import { INPUT_FORMATS, INPUT_TABLE, inputRows } from './format-inputs.ts';
import { Random } from './random.ts';
import { queryCase } from './queries.ts';

export const CATEGORIES = ['scalar', 'numbers', 'formats', 'tables', 'http', 'errors'] as const;
/**
 * Categories run on their own (`--only`), outside the rotation above: a new
 * category in the rotation would move every other category's cases and so
 * their committed baselines. npm test runs each in a stage of its own.
 */
export const OWN_RUN_CATEGORIES = ['queries'] as const;
export const ALL_CATEGORIES = [...CATEGORIES, ...OWN_RUN_CATEGORIES] as const;
export type Category = (typeof ALL_CATEGORIES)[number];

export interface DiffRequest {
  method: 'GET' | 'POST' | 'HEAD';
  /** Path and query string. */
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface DiffCase {
  index: number;
  category: Category;
  /** What the case is, for a reader of a mismatch. */
  title: string;
  /** Run first, answers not compared (CREATE TABLE…), then `requests`, then `cleanup`. */
  setup: DiffRequest[];
  requests: DiffRequest[];
  cleanup: DiffRequest[];
}

const post = (sql: string, params = ''): DiffRequest => ({ method: 'POST', path: `/${params ? `?${params}` : ''}`, body: sql });

function literal(r: Random): string {
  switch (r.int(0, 7)) {
    case 0: return String(r.int(-1000, 1000));
    case 1: return String(r.int(0, 2 ** 31));
    case 2: return `${r.int(-100, 100)}.${r.int(0, 99)}`;
    case 3: return `'${r.pick(['', 'a', 'abc', 'Hello, World', 'x y z', 'ÄÖÜ', '1', 'true'])}'`;
    case 4: return r.pick(['NULL', 'true', 'false']);
    case 5: return `[${r.int(0, 5)}, ${r.int(0, 5)}, ${r.int(0, 5)}]`;
    case 6: return `toDate('2024-0${r.int(1, 9)}-1${r.int(0, 9)}')`;
    default: return `toDateTime('2024-03-0${r.int(1, 9)} 1${r.int(0, 9)}:0${r.int(0, 9)}:00')`;
  }
}

/** Expressions over the types beyond numbers and strings: decimals, tuples, maps, UUIDs, dates with precision, IPs. */
function typedExpressions(r: Random): (() => string)[] {
  // Fractions end in a non-zero digit: how ClickHouse names `1.50` is the column-name generator's business.
  const dec = () => `toDecimal${r.pick(['32', '64', '128'])}(${r.int(-999, 999)}.${r.int(0, 99)}${r.int(1, 9)}, ${r.int(0, 4)})`;
  const big = () => `${r.int(1, 9)}${String(r.int(0, 10 ** 9)).padStart(9, '0')}${String(r.int(0, 10 ** 9)).padStart(9, '0')}.${r.int(0, 9999999999)}`;
  return [
    () => `${dec()} + ${dec()}`, () => `${dec()} * ${r.int(-9, 9)}`, () => `${dec()} - ${dec()}`, () => `${dec()} / ${r.int(1, 9)}`,
    () => `${dec()} * ${dec()}`, () => `${dec()} < ${dec()}`, () => `toDecimal128('${big()}', 10) + toDecimal128('0.${r.int(1, 9)}', 10)`,
    () => `CAST('${big()}' AS Decimal(38, 10)) * ${r.int(2, 9)}`, () => `toDecimalString(${dec()}, ${r.int(0, 6)})`, () => `${dec()} + 1.5`,
    () => `(${r.int(0, 9)}, 'a', NULL)`, () => `tuple(${r.int(0, 9)}, ${dec()}).2`, () => `tupleElement((${r.int(0, 9)}, 'x'), ${r.int(1, 2)})`,
    () => `(${r.int(0, 3)}, ${r.int(0, 3)}) < (${r.int(0, 3)}, ${r.int(0, 3)})`, () => `[(1, 'a'), (${r.int(0, 9)}, NULL)]`,
    () => `map('a', ${r.int(0, 9)}, 'b', ${r.int(0, 9)})`, () => `map('a', ${r.int(0, 9)})['${r.pick(['a', 'z'])}']`, () => `mapKeys(map(${r.int(0, 9)}, 'x', ${r.int(10, 19)}, 'y'))`,
    () => `toUUID('${r.pick(['61f0c404-5cb3-11e7-907b-a6006ad3dba0', '00000000-0000-0000-0000-000000000000'])}')`, () => `toTypeName(generateUUIDv4())`,
    () => `toDateTime64('2024-0${r.int(1, 9)}-1${r.int(0, 9)} 12:34:56.${r.int(0, 999999)}', ${r.int(0, 6)})`, () => `toTypeName(now64(${r.int(0, 9)}))`,
    () => `toDate32('${r.pick(['1900-01-01', '1969-12-31', '2299-12-31', '2024-02-29'])}')`, () => `toFixedString('${r.pick(['a', 'ab', 'abc'])}', 3)`,
    () => `CAST('${r.pick(['a', 'b'])}' AS Enum8('a' = 1, 'b' = 2))`, () => `toLowCardinality('${r.pick(['x', 'y'])}')`,
    () => `toIPv4('${r.int(0, 255)}.${r.int(0, 255)}.1.2')`, () => `toIPv6('${r.pick(['::1', '2001:db8::8a2e:370:7334', '1.2.3.4'])}')`,
    () => `toInt128(${r.int(-99, 99)}) * ${r.int(-99, 99)}`, () => `toUInt256(${r.int(0, 99)}) + ${r.int(0, 99)}`, () => `toInt256(-${r.int(0, 99)})`,
    () => `coalesce(NULL, ${r.pick(['1', "'a'", 'toNullable(2)', 'NULL'])})`, () => `[[${r.int(0, 9)}, NULL], [${r.int(0, 9)}]]`,
    () => `${r.pick(['round', 'floor', 'ceil', 'trunc', 'roundBankers'])}(${dec()}, ${r.int(-1, 2)})`, () => `intDiv(${dec()}, ${r.int(1, 9)})`,
    () => `${r.pick(['length', 'upper', 'toString', 'empty', 'reverse'])}(toFixedString('${r.pick(['', 'a', 'ab'])}', 3))`,
    () => `toTimeZone(toDateTime64('2024-0${r.int(1, 9)}-01 12:00:00.${r.int(0, 999)}', 3, 'UTC'), '${r.pick(['Asia/Tokyo', 'Europe/Berlin', 'UTC'])}')`,
    () => `(${r.int(0, 3)}, '${r.pick(['a', 'b'])}') IN ((1, 'a'), (2, 'b'))`, () => `(${r.int(0, 3)}, NULL) = (${r.int(0, 3)}, NULL)`,
    () => `CAST(${r.pick([-1, 1, 2])} AS Enum8('a' = 1, 'b' = 2, 'c' = -1))`, () => `toNullable(toUUID('61f0c404-5cb3-11e7-907b-a6006ad3dba0'))`,
    () => `toDateTime64('2024-01-0${r.int(1, 9)} 10:00:00.5', ${r.int(0, 4)}) + ${r.int(-9, 9)}`, () => `toYear(toDate32('${r.int(1900, 2299)}-01-01'))`,
    () => `[toDecimal32(${r.int(0, 9)}.5, 1), toDecimal64(${r.int(0, 9)}.25, 2)]`, () => `avg(toDecimal64(${r.int(0, 99)}.${r.int(1, 9)}, 2))`,
  ];
}

function scalarExpression(r: Random, depth = 0): string {
  if (depth > 1 || r.chance(0.3)) return literal(r);
  const a = () => scalarExpression(r, depth + 1);
  const n = () => String(r.int(-50, 50));
  const s = () => `'${r.pick(['abc', 'Hello', 'a,b,c', ' pad ', 'xyz'])}'`;
  return r.pick([
    () => `${n()} + ${n()}`, () => `${n()} * ${n()}`, () => `${n()} - ${n()}`, () => `intDiv(${r.int(-100, 100)}, ${r.int(1, 9)})`,
    () => `${r.int(1, 100)} / ${r.int(1, 9)}`, () => `${r.int(0, 100)} % ${r.int(1, 9)}`, () => `abs(${n()})`,
    () => `length(${s()})`, () => `upper(${s()})`, () => `lower(${s()})`, () => `concat(${s()}, ${s()})`,
    () => `substring(${s()}, ${r.int(1, 3)}, ${r.int(0, 3)})`, () => `reverse(${s()})`, () => `splitByChar(',', ${s()})`,
    () => `if(${n()} > ${n()}, ${n()}, ${n()})`, () => `greatest(${n()}, ${n()})`, () => `least(${n()}, ${n()})`,
    () => `toString(${a()})`, () => `toInt64(${n()})`, () => `toFloat64(${n()})`, () => `round(${r.int(0, 999)} / 7, ${r.int(0, 3)})`,
    () => `isNull(${a()})`, () => `coalesce(NULL, ${n()})`, () => `ifNull(NULL, ${s()})`, () => `${n()} = ${n()}`,
    () => `${n()} < ${n()}`, () => `NOT ${n()} = ${n()}`, () => `length([${n()}, ${n()}])`, () => `arraySum([${n()}, ${n()}, ${n()}])`,
    () => `has([1, 2, 3], ${r.int(0, 4)})`, () => `toYear(toDate('2024-05-06'))`, () => `toMonth(toDate('2024-05-06'))`,
    () => `toStartOfMonth(toDate('2024-05-1${r.int(0, 9)}'))`, () => `formatReadableSize(${r.int(0, 10 ** 9)})`,
    () => `bitAnd(${r.int(0, 255)}, ${r.int(0, 255)})`, () => `bitOr(${r.int(0, 255)}, ${r.int(0, 255)})`,
    () => `hex(${r.int(0, 65535)})`, () => `multiIf(${n()} > 0, 'pos', ${n()} < 0, 'neg', 'zero')`,
    ...typedExpressions(r),
  ])();
}

const FORMATS = ['TabSeparated', 'TabSeparatedWithNames', 'TabSeparatedWithNamesAndTypes', 'TSVRaw', 'CSV', 'CSVWithNames',
  'JSON', 'JSONCompact', 'JSONStrings', 'JSONCompactStrings', 'JSONEachRow', 'JSONL', 'JSONStringsEachRow', 'JSONCompactEachRow',
  'JSONCompactStringsEachRow', 'JSONCompactEachRowWithNames', 'JSONCompactEachRowWithNamesAndTypes',
  'JSONCompactStringsEachRowWithNamesAndTypes', 'JSONColumns', 'JSONCompactColumns', 'JSONColumnsWithMetadata',
  'JSONObjectEachRow', 'PrettyJSONEachRow', 'TSKV', 'Values', 'Vertical', 'Pretty', 'PrettyCompact', 'PrettySpace',
  'PrettyNoEscapes', 'PrettyCompactMonoBlock', 'PrettySpaceNoEscapes', 'Markdown', 'XML', 'RowBinary', 'RowBinaryWithNames',
  'RowBinaryWithNamesAndTypes', 'Native', 'LineAsString', 'LineAsStringWithNames', 'LineAsStringWithNamesAndTypes', 'RawBLOB',
  'TabSeparatedRaw', 'CustomSeparated', 'CustomSeparatedWithNames', 'CustomSeparatedWithNamesAndTypes', 'Null',
  'JSONEachRowWithProgress', 'JSONStringsEachRowWithProgress', 'JSONCompactEachRowWithProgress'] as const;

/** Format settings people change, one of them sent now and then with a formats case. */
const FORMAT_SETTINGS = ['output_format_json_quote_64bit_integers=1', 'output_format_json_quote_denormals=1',
  'output_format_json_escape_forward_slashes=0', 'output_format_json_array_of_rows=1', 'output_format_json_pretty_print=0',
  'output_format_write_statistics=0', 'output_format_pretty_max_rows=2', 'output_format_pretty_row_numbers=0',
  'output_format_pretty_grid_charset=ASCII', 'output_format_pretty_max_value_width=3', 'output_format_pretty_color=1',
  'format_csv_delimiter=%3B', 'format_custom_escaping_rule=CSV', 'format_custom_field_delimiter=%7C',
  'output_format_markdown_escape_special_characters=1', 'format_tsv_null_representation=NULL', 'date_time_output_format=iso',
  'date_time_output_format=unix_timestamp', 'output_format_json_quote_64bit_floats=1', 'output_format_json_quote_decimals=1',
  'bool_true_representation=yes', 'output_format_decimal_trailing_zeros=1', 'output_format_json_named_tuples_as_objects=0',
  'output_format_pretty_fallback_to_vertical=0', 'output_format_pretty_multiline_fields=0'] as const;

const COLUMN_TYPES: [string, (r: Random, i: number) => string][] = [
  ['UInt8', (r) => String(r.int(0, 255))], ['Int32', (r) => String(r.int(-100000, 100000))],
  ['UInt64', (r) => String(r.int(0, 2 ** 40))], ['Int64', (r) => String(r.int(-(2 ** 40), 2 ** 40))],
  ['Float64', (r) => `${r.int(-999, 999)}.${r.int(0, 99)}`], ['String', (r) => `'${r.pick(['a', 'bb', 'tab\\there', "it\\'s", ''])}'`],
  ['Date', (r) => `'2024-0${r.int(1, 9)}-1${r.int(0, 9)}'`], ['DateTime', (r) => `'2024-0${r.int(1, 9)}-1${r.int(0, 9)} 0${r.int(0, 9)}:00:00'`],
  ['Nullable(Int32)', (r) => (r.chance(0.3) ? 'NULL' : String(r.int(-9, 9)))], ['Array(UInt8)', (r) => `[${r.int(0, 9)}, ${r.int(0, 9)}]`],
  ['Bool', (r) => r.pick(['true', 'false'])], ['Decimal(10, 2)', (r) => `${r.int(-9999, 9999)}.${r.int(10, 99)}`],
  ['UUID', (r) => `'${['00000000-0000-0000-0000-0000000000', String(r.int(10, 99))].join('')}'`],
  ['LowCardinality(String)', (r) => `'${r.pick(['x', 'y', 'z'])}'`], ['FixedString(3)', (r) => `'${r.pick(['abc', 'xy', 'q'])}'`],
  ['Enum8(\'a\' = 1, \'b\' = 2)', (r) => `'${r.pick(['a', 'b'])}'`], ['Map(String, UInt8)', (r) => `{'k${r.int(0, 3)}': ${r.int(0, 9)}}`],
  ['Tuple(UInt8, String)', (r) => `(${r.int(0, 9)}, 's${r.int(0, 9)}')`], ['DateTime64(3)', (r) => `'2024-01-0${r.int(1, 9)} 00:00:00.${r.int(100, 999)}'`],
  ['Int128', (r) => String(r.int(-(2 ** 30), 2 ** 30))],
  // The wider and rarer types ClickHouse users meet.
  ['Decimal(38, 10)', (r) => `${r.int(-99999, 99999)}${r.int(10000, 99999)}${r.int(10000, 99999)}.${r.int(1000000000, 9999999999)}`],
  ['Decimal(5, 2)', (r) => `${r.int(-999, 999)}.${r.int(0, 9)}${r.int(0, 9)}`],
  ['Tuple(a UInt8, b Nullable(String))', (r) => `(${r.int(0, 9)}, ${r.chance(0.3) ? 'NULL' : `'t${r.int(0, 9)}'`})`],
  ['Map(String, Array(UInt8))', (r) => `{'m${r.int(0, 2)}': [${r.int(0, 9)}], 'n': []}`],
  ['DateTime64(6, \'Asia/Tokyo\')', (r) => `'2024-0${r.int(1, 9)}-0${r.int(1, 9)} 1${r.int(0, 9)}:00:00.${r.int(0, 999999)}'`],
  ['Date32', (r) => `'${r.pick(['1901', '1969', '2024', '2250'])}-0${r.int(1, 9)}-1${r.int(0, 9)}'`],
  ['Enum16(\'x\' = -1000, \'y\' = 1000)', (r) => `'${r.pick(['x', 'y'])}'`], ['LowCardinality(Nullable(String))', (r) => (r.chance(0.3) ? 'NULL' : `'${r.pick(['p', 'q'])}'`)],
  ['IPv4', (r) => `'${r.int(0, 255)}.${r.int(0, 255)}.0.${r.int(0, 255)}'`], ['IPv6', (r) => `'${r.pick(['::1', '2001:db8::1', '::ffff:1.2.3.4', 'fe80::1:2'])}'`],
  ['UInt256', (r) => `${r.int(1, 9)}${String(r.int(0, 2 ** 30)).padStart(10, '0')}${String(r.int(0, 2 ** 30)).padStart(10, '0')}${String(r.int(0, 2 ** 30)).padStart(10, '0')}`],
  ['Int256', (r) => `-${r.int(1, 9)}${String(r.int(0, 2 ** 30)).padStart(10, '0')}${String(r.int(0, 2 ** 30)).padStart(10, '0')}`],
  ['UInt128', (r) => `${r.int(1, 9)}${String(r.int(0, 2 ** 30)).padStart(10, '0')}${String(r.int(0, 2 ** 30)).padStart(10, '0')}`],
  ['Nullable(Decimal(18, 4))', (r) => (r.chance(0.3) ? 'NULL' : `${r.int(-99999, 99999)}.${r.int(0, 9999)}`)],
];

/** Types ORDER BY cannot sort in ClickHouse (maps). */
const unorderable = (type: string): boolean => type.startsWith('Map(');

/** The Values literal of a generated value as TSV text: scalars lose their quotes, composites keep their text form. */
function valuesToTsv(literal: string): string {
  if (literal === 'NULL') return '\\N';
  return /^'.*'$/.test(literal) ? literal.slice(1, -1) : literal;
}

/** A generated value of a column type as JSONEachRow takes it: named tuples are objects keyed by element name. */
function jsonOf(type: string, literal: string): string {
  const json = valuesToJson(literal);
  if (!type.startsWith('Tuple(') || !/^Tuple\(\w+ [A-Z]/.test(type)) return json;
  const names = [...type.matchAll(/[(,]\s*(\w+)\s+[A-Z]/g)].map((m) => m[1]!);
  const items = JSON.parse(json) as unknown[];
  return `{${names.map((n, i) => `${JSON.stringify(n)}:${JSON.stringify(items[i])}`).join(',')}}`;
}

/** The Values literal of a generated value as JSON: strings JSON-quoted, tuples as arrays, maps as objects. */
function valuesToJson(literal: string): string {
  return literal.replace(/'((?:[^'\\]|\\.)*)'|\bNULL\b|[()]/g, (m, str: string | undefined) => {
    if (str !== undefined) return JSON.stringify(str.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c)));
    return m === 'NULL' ? 'null' : m === '(' ? '[' : ']';
  });
}

function numbersQuery(r: Random): string {
  const n = r.int(0, 40);
  const where = r.chance(0.5) ? ` WHERE number % ${r.int(2, 5)} = ${r.int(0, 1)}` : '';
  if (r.chance(0.35)) {
    const agg = r.pick(['count()', 'sum(number)', 'avg(number)', 'min(number)', 'max(number)', 'uniqExact(number % 7)',
      'groupArray(number)', 'any(number)', 'countIf(number > 5)', 'sumIf(number, number % 2 = 0)']);
    const key = r.pick(['number % 3', 'number % 2', 'intDiv(number, 10)']);
    return `SELECT ${key} AS k, ${agg} AS a FROM numbers(${n})${where} GROUP BY k ORDER BY k`;
  }
  const cols = r.pick(['number', 'number, number * 2', 'number, toString(number)', 'number AS n, n + 1', 'number % 5, number']);
  const order = r.chance(0.5) ? ` ORDER BY ${r.pick(['number DESC', 'number % 3, number', 'number'])}` : '';
  const limit = r.chance(0.5) ? ` LIMIT ${r.int(0, 10)}${r.chance(0.3) ? ` OFFSET ${r.int(0, 5)}` : ''}` : '';
  return `SELECT ${cols} FROM numbers(${n})${where}${order}${limit}`;
}

export function generateCase(seed: number, index: number, only?: Category): DiffCase {
  // One stream per case, so adding cases never changes the ones before.
  const r = new Random((seed * 1_000_003 + index * 7919) >>> 0);
  const category = only ?? CATEGORIES[index % CATEGORIES.length]!;
  const table = `olapspec_diff_${seed}_${index}`;
  const none = { setup: [], cleanup: [] };
  switch (category) {
    case 'scalar': {
      const exprs = Array.from({ length: r.int(1, 3) }, () => scalarExpression(r));
      const sql = `SELECT ${exprs.join(', ')}`;
      return { index, category, title: sql, ...none, requests: [post(`${sql} FORMAT TabSeparatedWithNamesAndTypes`)] };
    }
    case 'numbers': {
      const sql = numbersQuery(r);
      return { index, category, title: sql, ...none, requests: [post(`${sql} FORMAT TabSeparatedWithNames`)] };
    }
    case 'formats': {
      const format = r.pick(FORMATS);
      const sql = r.pick([
        `SELECT number, toString(number) AS s, number / 3 AS f FROM numbers(${r.int(0, 5)})`,
        `SELECT 'a\\tb' AS t, NULL AS n, [1, 2] AS arr, toDate('2024-01-02') AS d`,
        `SELECT number AS \`with space\`, 'x"y' AS q FROM numbers(${r.int(1, 3)})`,
        `SELECT toUInt64(18446744073709551615) AS big, -1 AS neg, 1.5 AS f`,
        `SELECT number, [[number], [number + 1, 7]] AS nested, 'line\\nbreak' AS ml, 1 / 0 AS inf FROM numbers(${r.int(1, 3)})`,
        `SELECT number AS a_rather_long_column_name_for_pretty, '*_|#' AS md, -number AS neg FROM numbers(${r.int(0, 12)})`,
        `SELECT toDateTime('2024-01-02 03:04:05') AS dt, toNullable('x') AS nx, true AS b, ['a', NULL] AS arr_n`,
        `SELECT toUUID('00000000-0000-0000-0000-00000000000${r.int(0, 9)}') AS u, toDecimal64(-1.5, 3) AS dec, (number, 'a') AS tup, ` +
          `map('k', number) AS m, CAST((1, 'x'), 'Tuple(a UInt8, b String)') AS nt, toDateTime64('2024-01-02 03:04:05.678', 3) AS dt64, ` +
          `toLowCardinality(toString(number)) AS lc, toFixedString('ab', 3) AS fs, toIPv4('1.2.3.4') AS ip FROM numbers(${r.int(0, 3)})`,
      ]);
      const setting = r.chance(0.35) ? r.pick(FORMAT_SETTINGS) : '';
      // A quarter of the cases read a format instead: rows written in it, inserted, read back.
      if (r.chance(0.25)) {
        const input = r.pick(Object.keys(INPUT_FORMATS));
        const body = INPUT_FORMATS[input]!(inputRows(r));
        return {
          index, category, title: `INSERT INTO t FORMAT ${input} ${JSON.stringify(body).slice(0, 100)}`,
          setup: [post(`DROP TABLE IF EXISTS ${table}`)],
          requests: [post(`CREATE TABLE ${table} ${INPUT_TABLE}`), post(`INSERT INTO ${table} FORMAT ${input}\n${body}`),
            post(`SELECT * FROM ${table} ORDER BY a FORMAT TabSeparatedWithNamesAndTypes`)],
          cleanup: [post(`DROP TABLE IF EXISTS ${table}`)],
        };
      }
      const title = `${sql} FORMAT ${format}${setting ? ` (${setting})` : ''}`;
      return { index, category, title, ...none, requests: [post(`${sql} FORMAT ${format}`, setting)] };
    }
    case 'tables': {
      const count = r.int(1, 3);
      const cols = Array.from({ length: count }, () => r.pick(COLUMN_TYPES));
      const ddl = `CREATE TABLE ${table} (${cols.map(([type], i) => `c${i} ${type}`).join(', ')}) ENGINE = Memory`;
      const values = Array.from({ length: r.int(1, 4) }, (_, k) => cols.map(([, value]) => value(r, k)));
      const rows = values.map((row) => `(${row.join(', ')})`);
      // The rows go in as Values, TSV or JSONEachRow, and come back as TSV, JSONEachRow or sorted with their types.
      const input = r.pick(['Values', 'Values', 'TSV', 'JSONEachRow'] as const);
      const insert = input === 'Values' ? post(`INSERT INTO ${table} VALUES ${rows.join(', ')}`)
        : input === 'TSV' ? post(values.map((row) => row.map(valuesToTsv).join('\t')).join('\n') + '\n', `query=${encodeURIComponent(`INSERT INTO ${table} FORMAT TSV`)}`)
          : post(values.map((row) => `{${row.map((v, i) => `"c${i}":${jsonOf(cols[i]![0], v)}`).join(',')}}`).join('\n') + '\n', `query=${encodeURIComponent(`INSERT INTO ${table} FORMAT JSONEachRow`)}`);
      const orderable = cols.map(([type], i) => (unorderable(type) ? '' : `c${i}`)).filter(Boolean);
      const output = r.pick(['TSV', 'TSV', 'JSONEachRow', 'sorted', 'grouped', 'minmax', 'other'] as const);
      const first = orderable[0];
      const select = output === 'TSV' || (output !== 'JSONEachRow' && output !== 'other' && first === undefined)
        // One INSERT into Memory is one block: rows come back in their order on both servers.
        ? `SELECT * FROM ${table} FORMAT TabSeparatedWithNamesAndTypes`
        : output === 'JSONEachRow' ? `SELECT * FROM ${table} FORMAT JSONEachRow`
          : output === 'sorted' ? `SELECT ${cols.map((_, i) => `c${i}, toTypeName(c${i})`).join(', ')} FROM ${table} ORDER BY ${orderable.join(', ')} DESC FORMAT TSV`
            : output === 'grouped' ? `SELECT ${first}, count() AS n FROM ${table} GROUP BY ${first} ORDER BY ${first} FORMAT TSVWithNamesAndTypes`
              : output === 'minmax' ? `SELECT min(${first}), max(${first}), any(${first}) = min(${first}) FROM ${table} FORMAT TSVWithNamesAndTypes`
                : `SELECT * FROM ${table} FORMAT ${r.pick(['CSV', 'Values', 'JSONCompact', 'PrettyCompact', 'Vertical', 'JSONCompactEachRow', 'TSKV', 'RowBinary'])}`;
      return {
        index, category, title: `${ddl}; INSERT (${input}) ${rows.join(', ')}; ${select}`,
        setup: [post(`DROP TABLE IF EXISTS ${table}`)],
        requests: [post(ddl), insert, post(select)],
        cleanup: [post(`DROP TABLE IF EXISTS ${table}`)],
      };
    }
    case 'http': {
      const sql = `SELECT ${r.int(0, 9)} AS x, 'v' AS y`;
      const variant = r.int(0, 7);
      const requests: DiffRequest[] = [
        { method: 'GET', path: `/?query=${encodeURIComponent(sql)}` },
        { method: 'GET', path: `/?query=${encodeURIComponent(sql)}&default_format=${r.pick(['JSONEachRow', 'CSV', 'TSKV'])}` },
        { method: 'POST', path: '/', body: sql, headers: { 'X-ClickHouse-Format': r.pick(['JSONCompact', 'CSVWithNames']) } },
        { method: 'HEAD', path: `/?query=${encodeURIComponent(sql)}` },
        { method: 'GET', path: '/ping' },
        { method: 'GET', path: `/?query=${encodeURIComponent(sql)}&output_format_json_quote_64bit_integers=1&default_format=JSON` },
        { method: 'POST', path: `/?param_p=${r.int(0, 99)}`, body: 'SELECT {p:UInt8} AS p' },
        { method: 'GET', path: `/?query=${encodeURIComponent('SELECT 1')}&max_result_rows=${r.int(1, 5)}` },
      ];
      const req = requests[variant]!;
      return { index, category, title: `${req.method} ${req.path}${req.body ? ` <- ${req.body}` : ''}`, ...none, requests: [req] };
    }
    case 'queries': {
      const q = queryCase(r, table);
      return {
        index, category, title: [...q.before, q.query].join('; '), setup: q.setup.map((sql) => post(sql)),
        requests: [...q.before.map((sql) => post(sql)), post(`${q.query} FORMAT TabSeparatedWithNamesAndTypes`)], cleanup: q.cleanup.map((sql) => post(sql)),
      };
    }
    case 'errors': {
      const sql = r.pick([
        'SELEC 1', 'SELECT nosuchfunction(1)', 'SELECT x', 'SELECT 1 FROM nosuchtable', 'SELECT toUInt8(\'abc\')',
        'SELECT intDiv(1, 0)', 'SELECT throwIf(1)', 'SELECT [1] + 1', 'CREATE TABLE', 'SELECT 1 +', "SELECT 'a' + 1",
        'SELECT has([1, 2], \'a\')', 'SELECT 1 AS a, 2 AS a', 'SELECT number FROM numbers(3) GROUP BY 1 HAVING',
        'SELECT * FROM system.nosuch', 'SELECT toDate(\'2024-13-45\')', 'SELECT arrayElement([1], 2)',
        // Wrong argument counts and types, unknown settings and targets, syntax errors elsewhere.
        'SELECT plus(1)', 'SELECT abs(1, 2)', 'SELECT concat()', 'SELECT length(1)', 'SELECT toDate(1, 2, 3)',
        "SELECT if(1, 'a', 2)", 'SELECT 1 SETTINGS nosuch_setting = 1', 'SELECT 1 SETTINGS max_threads = \'x\'',
        'INSERT INTO nosuchdb.t VALUES (1)', 'INSERT INTO nosuchtable VALUES (1)', 'SELECT * FROM nosuchdb.t',
        'SELECT (1', 'SELECT 1 FROM', 'SELECT 1 WHERE', 'SELECT [1, 2', "SELECT 'abc", 'SELECT 1 ORDER',
      ]);
      // A third under readonly=1, where a write or a setting change is refused first.
      const params = r.pick(['', '', 'readonly=1']);
      return { index, category, title: params ? `${sql} (${params})` : sql, ...none, requests: [post(sql, params)] };
    }
  }
}
