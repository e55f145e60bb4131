// The official Node client, @clickhouse/client, unmodified, through its whole
// public API against the reference (or OLAPSPEC_CLIENT_TARGET, e.g.
// clickhouse-chdb, to see the same workflow pass on a real ClickHouse 26.7):
// every format it reads and writes, inserts from arrays and streams,
// query_params of every type, sessions, settings, compression both ways,
// abort, query_id, summaries, roles, ping, command and exec.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { createClient, ClickHouseError, ClickHouseLogLevel, TupleParam, type ClickHouseClient } from '@clickhouse/client';
import type { RunningTarget } from '../../steps/targets/start_target.ts';
import { CLIENT_TARGET, startClientTarget } from './target.ts';

const TABLE = 'client_workflow';
const ROWS = [
  { id: 1, name: 'one', score: 1.5, tags: ['a', 'b'], day: '2024-01-02', flag: true, note: null },
  { id: 2, name: "tab\there 'quoted'", score: -2, tags: [], day: '1970-01-01', flag: false, note: 'n' },
];

// What the reference does not have yet. On the
// reference these run as todo, so they show, and count the moment they pass; on any other
// target (a real ClickHouse) they must pass like the rest.
const MISSING_FORMATS = new Set(['Parquet']);

function missing(what: string): { todo?: string } {
  return CLIENT_TARGET === 'reference' ? { todo: `the reference lacks ${what}` } : {};
}
const missingFormat = (...formats: string[]) => (formats.some((f) => MISSING_FORMATS.has(f)) ? missing(formats.join(', ')) : {});

let target: RunningTarget;
let client: ClickHouseClient;

function connect(options: Parameters<typeof createClient>[0] = {}): ClickHouseClient {
  // The client logs every failed request; the tests look at the failures themselves.
  return createClient({ url: target.url, username: target.user, password: target.password, log: { level: ClickHouseLogLevel.OFF }, ...options });
}

async function text(query: string, c = client): Promise<string> {
  return (await (await c.exec({ query })).stream.toArray()).join('');
}

async function recreate(): Promise<void> {
  await client.command({ query: `DROP TABLE IF EXISTS ${TABLE}` });
  await client.command({
    query: `CREATE TABLE ${TABLE} (id UInt32, name String, score Float64, tags Array(String), day Date, flag Bool, note Nullable(String)) ` +
      'ENGINE = MergeTree ORDER BY id',
  });
}

async function tableRows(): Promise<unknown[]> {
  return (await client.query({ query: `SELECT * FROM ${TABLE} ORDER BY id`, format: 'JSONEachRow' })).json();
}

describe('@clickhouse/client', () => {
  before(async () => {
    target = await startClientTarget();
    client = connect();
  });
  after(async () => {
    await client?.close();
    await target?.stop();
  });

  test('ping: /ping without credentials, and a SELECT that checks them', async () => {
    assert.deepEqual(await client.ping(), { success: true });
    const withSelect = await client.ping({ select: true });
    assert.equal(withSelect.success, true);
    // A password for the password-less default user is REQUIRED_PASSWORD; a wrong one for another user AUTHENTICATION_FAILED.
    for (const [username, code] of [['default', '194'], ['olapspec_plain', '516']]) {
      const wrong = connect({ username, password: 'not-the-password' });
      const refused = await wrong.ping({ select: true });
      assert.equal(refused.success, false);
      assert.ok(!refused.success && refused.error instanceof ClickHouseError);
      assert.equal(!refused.success && (refused.error as ClickHouseError).code, code);
      await wrong.close();
    }
  });

  test('command: DDL with its query_id and summary', async () => {
    await recreate();
    const result = await client.command({ query: `TRUNCATE TABLE ${TABLE}`, query_id: 'client-truncate-1' });
    assert.equal(result.query_id, 'client-truncate-1');
    assert.equal(result.response_headers['x-clickhouse-query-id'], 'client-truncate-1');
    assert.equal(result.summary?.written_rows, '0');
  });

  for (const format of ['JSONEachRow', 'JSONStringsEachRow'] as const) {
    test(`insert an array of objects as ${format}`, missingFormat(`${format} input`), async () => {
      await recreate();
      const values: object[] = format === 'JSONEachRow' ? ROWS
        : ROWS.map((row) => ({ ...row, id: String(row.id), score: String(row.score), tags: `[${row.tags.map((t) => `'${t}'`).join(',')}]`,
          // As text, NULL is read from NULL or ᴺᵁᴸᴸ; JSON's null is refused.
          flag: String(row.flag), note: row.note ?? 'NULL' }));
      const result = await client.insert({ table: TABLE, values, format });
      assert.equal(result.executed, true);
      assert.equal(result.summary?.written_rows, '2');
      assert.deepEqual(await tableRows(), ROWS);
    });
  }

  for (const format of ['JSONCompactEachRow', 'JSONCompactStringsEachRow'] as const) {
    test(`insert an array of arrays as ${format}, into named columns`, missingFormat(`${format} input`), async () => {
      await recreate();
      const values = ROWS.map((row) => format === 'JSONCompactEachRow' ? [row.id, row.name, row.tags]
        : [String(row.id), row.name, `[${row.tags.map((t) => `'${t}'`).join(',')}]`]);
      await client.insert({ table: TABLE, values, format, columns: ['id', 'name', 'tags'] });
      assert.deepEqual(await (await client.query({ query: `SELECT id, name, tags, note FROM ${TABLE} ORDER BY id`, format: 'JSONCompactEachRow' })).json(),
        ROWS.map((row) => [row.id, row.name, row.tags, null]));
    });
  }

  test('insert with names (and types) first: JSONCompactEachRowWithNames, …WithNamesAndTypes', missingFormat('JSONCompactEachRowWithNames input'), async () => {
    await recreate();
    await client.insert({ table: TABLE, format: 'JSONCompactEachRowWithNames', values: [['name', 'id'], ['x', 7]] });
    await client.insert({ table: TABLE, format: 'JSONCompactEachRowWithNamesAndTypes', values: [['id', 'name'], ['UInt32', 'String'], [8, 'y']] });
    assert.deepEqual(await (await client.query({ query: `SELECT id, name FROM ${TABLE} ORDER BY id`, format: 'JSONCompactEachRow' })).json(),
      [[7, 'x'], [8, 'y']]);
  });

  test('insert a JSONObjectEachRow object and a JSON document', missingFormat('JSONObjectEachRow input', 'JSON input'), async () => {
    await recreate();
    await client.insert({ table: TABLE, format: 'JSONObjectEachRow', values: { first: ROWS[0], second: ROWS[1] } });
    assert.deepEqual(await tableRows(), ROWS);
    await recreate();
    // Without the columns in meta, ClickHouse reads the data as one row of defaults.
    const meta = [['id', 'UInt32'], ['name', 'String'], ['score', 'Float64'], ['tags', 'Array(String)'], ['day', 'Date'], ['flag', 'Bool'],
      ['note', 'Nullable(String)']].map(([name, type]) => ({ name: name!, type: type! }));
    await client.insert({ table: TABLE, format: 'JSON', values: { meta, data: ROWS } });
    assert.deepEqual(await tableRows(), ROWS);
  });

  test('insert with columns { except }', async () => {
    await recreate();
    await client.insert({ table: TABLE, format: 'JSONEachRow', values: [{ id: 3, name: 'z', score: 0, tags: ['t'], day: '2000-02-29', flag: true }],
      columns: { except: ['note'] } });
    assert.deepEqual(await tableRows(), [{ id: 3, name: 'z', score: 0, tags: ['t'], day: '2000-02-29', flag: true, note: null }]);
  });

  test('insert from an object-mode stream (JSONEachRow) and from text streams (CSV, TabSeparated, CustomSeparated)', missingFormat('CustomSeparated'), async () => {
    await recreate();
    await client.insert({ table: TABLE, format: 'JSONEachRow', values: Readable.from(ROWS) });
    assert.deepEqual(await tableRows(), ROWS);
    const raw: Array<[string, string]> = [
      ['CSV', '1,"one",1.5,"[\'a\',\'b\']",2024-01-02,true,\\N\n2,"tab\there \'quoted\'",-2,"[]",1970-01-01,false,"n"\n'],
      ['CSVWithNames', '"id","name","score","tags","day","flag","note"\n1,"one",1.5,"[\'a\',\'b\']",2024-01-02,true,\\N\n2,"tab\there \'quoted\'",-2,"[]",1970-01-01,false,"n"\n'],
      ['TabSeparated', "1\tone\t1.5\t['a','b']\t2024-01-02\ttrue\t\\N\n2\ttab\\there \\'quoted\\'\t-2\t[]\t1970-01-01\tfalse\tn\n"],
      ['TabSeparatedWithNamesAndTypes', "id\tname\tscore\ttags\tday\tflag\tnote\nUInt32\tString\tFloat64\tArray(String)\tDate\tBool\tNullable(String)\n" +
        "1\tone\t1.5\t['a','b']\t2024-01-02\ttrue\t\\N\n2\ttab\\there \\'quoted\\'\t-2\t[]\t1970-01-01\tfalse\tn\n"],
      ['CustomSeparated', "1\tone\t1.5\t['a','b']\t2024-01-02\ttrue\t\\N\n2\ttab\\there \\'quoted\\'\t-2\t[]\t1970-01-01\tfalse\tn\n"],
    ];
    for (const [format, body] of raw) {
      await recreate();
      // Two chunks, split inside a row, as a file read in pieces would come.
      const cut = Math.floor(body.length / 2);
      await client.insert({ table: TABLE, format: format as 'CSV', values: Readable.from([body.slice(0, cut), body.slice(cut)], { objectMode: false }) });
      assert.deepEqual(await tableRows(), ROWS, format);
    }
  });

  test('an empty array inserts nothing and sends nothing', async () => {
    const result = await client.insert({ table: 'no_such_table', values: [] });
    assert.deepEqual(result, { executed: false, query_id: '', response_headers: {} });
  });

  describe('query in every format', () => {
    before(async () => {
      await recreate();
      await client.insert({ table: TABLE, values: ROWS, format: 'JSONEachRow' });
    });
    const query = `SELECT id, name, tags, flag, note FROM ${TABLE} ORDER BY id`;

    test('JSON, JSONStrings, JSONCompact, JSONCompactStrings, JSONColumnsWithMetadata', async () => {
      const meta = [{ name: 'id', type: 'UInt32' }, { name: 'name', type: 'String' }, { name: 'tags', type: 'Array(String)' },
        { name: 'flag', type: 'Bool' }, { name: 'note', type: 'Nullable(String)' }];
      const json = await (await client.query({ query, format: 'JSON' })).json<{ id: number }>();
      assert.deepEqual(json.meta, meta);
      assert.deepEqual(json.data, ROWS.map(({ id, name, tags, flag, note }) => ({ id, name, tags, flag, note })));
      assert.equal(json.rows, 2);
      assert.equal(json.statistics?.rows_read, 2);
      const strings = await (await client.query({ query, format: 'JSONStrings' })).json();
      // NULL as text is Pretty's ᴺᵁᴸᴸ (SerializationNullable::serializeNullText).
      assert.deepEqual(strings.data, [{ id: '1', name: 'one', tags: "['a','b']", flag: 'true', note: 'ᴺᵁᴸᴸ' },
        { id: '2', name: "tab\there 'quoted'", tags: '[]', flag: 'false', note: 'n' }]);
      const compact = await (await client.query({ query, format: 'JSONCompact' })).json();
      assert.deepEqual(compact.data, [[1, 'one', ['a', 'b'], true, null], [2, "tab\there 'quoted'", [], false, 'n']]);
      const compactStrings = await (await client.query({ query, format: 'JSONCompactStrings' })).json();
      assert.deepEqual(compactStrings.data, [['1', 'one', "['a','b']", 'true', 'ᴺᵁᴸᴸ'], ['2', "tab\there 'quoted'", '[]', 'false', 'n']]);
      const columns = await (await client.query({ query, format: 'JSONColumnsWithMetadata' })).json<Record<string, unknown>>();
      assert.deepEqual(columns.meta, meta);
      assert.deepEqual(columns.data, { id: [1, 2], name: ['one', "tab\there 'quoted'"], tags: [['a', 'b'], []], flag: [true, false], note: [null, 'n'] });
    });

    test('JSONObjectEachRow: rows keyed by their number', async () => {
      assert.deepEqual(await (await client.query({ query: `SELECT id, name FROM ${TABLE} ORDER BY id`, format: 'JSONObjectEachRow' })).json(),
        { row_1: { id: 1, name: 'one' }, row_2: { id: 2, name: "tab\there 'quoted'" } });
    });

    for (const [format, rows] of [
      ['JSONEachRow', [{ id: 1, name: 'one' }, { id: 2, name: "tab\there 'quoted'" }]],
      ['JSONStringsEachRow', [{ id: '1', name: 'one' }, { id: '2', name: "tab\there 'quoted'" }]],
      ['JSONCompactEachRow', [[1, 'one'], [2, "tab\there 'quoted'"]]],
      ['JSONCompactStringsEachRow', [['1', 'one'], ['2', "tab\there 'quoted'"]]],
      ['JSONCompactEachRowWithNames', [['id', 'name'], [1, 'one'], [2, "tab\there 'quoted'"]]],
      ['JSONCompactEachRowWithNamesAndTypes', [['id', 'name'], ['UInt32', 'String'], [1, 'one'], [2, "tab\there 'quoted'"]]],
      ['JSONCompactStringsEachRowWithNames', [['id', 'name'], ['1', 'one'], ['2', "tab\there 'quoted'"]]],
      ['JSONCompactStringsEachRowWithNamesAndTypes', [['id', 'name'], ['UInt32', 'String'], ['1', 'one'], ['2', "tab\there 'quoted'"]]],
    ] as const) {
      test(`${format}: json() and stream() agree`, async () => {
        const q = `SELECT id, name FROM ${TABLE} ORDER BY id`;
        assert.deepEqual(await (await client.query({ query: q, format })).json(), rows);
        const streamed: unknown[] = [];
        for await (const batch of (await client.query({ query: q, format })).stream()) {
          for (const row of batch) streamed.push(row.json());
        }
        assert.deepEqual(streamed, rows);
      });
    }

    test('JSONEachRowWithProgress: rows and progress apart', async () => {
      const rows: unknown[] = [];
      let progress = 0;
      for await (const batch of (await client.query({ query: `SELECT id FROM ${TABLE} ORDER BY id`, format: 'JSONEachRowWithProgress' })).stream()) {
        for (const item of batch) {
          const value = item.json<Record<string, unknown>>();
          if ('row' in value) rows.push(value.row);
          else if ('progress' in value) progress++;
        }
      }
      assert.deepEqual(rows, [{ id: 1 }, { id: 2 }]);
      assert.ok(progress >= 1);
    });

    for (const [format, expected] of [
      ['CSV', '1,"one"\n2,"tab\there \'quoted\'"\n'],
      ['CSVWithNames', '"id","name"\n1,"one"\n2,"tab\there \'quoted\'"\n'],
      ['CSVWithNamesAndTypes', '"id","name"\n"UInt32","String"\n1,"one"\n2,"tab\there \'quoted\'"\n'],
      ['TabSeparated', "1\tone\n2\ttab\\there \\'quoted\\'\n"],
      ['TabSeparatedRaw', "1\tone\n2\ttab\there 'quoted'\n"],
      ['TabSeparatedWithNames', "id\tname\n1\tone\n2\ttab\\there \\'quoted\\'\n"],
      ['TabSeparatedWithNamesAndTypes', "id\tname\nUInt32\tString\n1\tone\n2\ttab\\there \\'quoted\\'\n"],
      ['CustomSeparated', "1\tone\n2\ttab\\there \\'quoted\\'\n"],
      ['CustomSeparatedWithNames', "id\tname\n1\tone\n2\ttab\\there \\'quoted\\'\n"],
      ['CustomSeparatedWithNamesAndTypes', "id\tname\nUInt32\tString\n1\tone\n2\ttab\\there \\'quoted\\'\n"],
    ] as const) {
      test(`${format}: text() and the stream of rows`, missingFormat(format), async () => {
        const q = `SELECT id, name FROM ${TABLE} ORDER BY id`;
        assert.equal(await (await client.query({ query: q, format })).text(), expected);
        const lines: string[] = [];
        for await (const batch of (await client.query({ query: q, format })).stream()) {
          for (const row of batch) lines.push(row.text);
        }
        assert.deepEqual(lines, expected.split('\n').slice(0, -1));
      });
    }

    test('CustomSeparated with its settings', missingFormat('CustomSeparated'), async () => {
      const result = await client.query({ query: `SELECT id, name FROM ${TABLE} ORDER BY id`, format: 'CustomSeparated',
        clickhouse_settings: { format_custom_field_delimiter: '|', format_custom_row_before_delimiter: '<', format_custom_row_after_delimiter: '>\n',
          format_custom_escaping_rule: 'CSV' } });
      assert.equal(await result.text(), '<1|"one">\n<2|"tab\there \'quoted\'">\n');
    });
  });

  describe('query_params of every type', () => {
    const cases: Array<[string, unknown, unknown]> = [
      ['Int8', -128, -128], ['UInt8', 255, 255], ['Int16', -32768, -32768], ['UInt16', 65535, 65535],
      ['Int32', -2147483648, -2147483648], ['UInt32', 4294967295, 4294967295],
      ['Int64', -9223372036854775808n, '-9223372036854775808'], ['UInt64', 18446744073709551615n, '18446744073709551615'],
      ['Int128', -170141183460469231731687303715884105728n, '-170141183460469231731687303715884105728'],
      ['UInt128', 340282366920938463463374607431768211455n, '340282366920938463463374607431768211455'],
      ['Int256', -(2n ** 255n), String(-(2n ** 255n))], ['UInt256', 2n ** 256n - 1n, String(2n ** 256n - 1n)],
      ['Float32', 1.5, 1.5], ['Float64', -0.1, -0.1], // JSON has no NaN or infinities: null unless output_format_json_quote_denormals.
      ['Float64', NaN, null], ['Float64', Infinity, null], ['Float64', -Infinity, null],
      ['Decimal(18, 4)', '12345.6789', '12345.6789'], ['Decimal(38, 10)', '-1234567890123456789012345678.0123456789', '-1234567890123456789012345678.0123456789'],
      ['String', "tab\t newline\n quote' backslash\\ unicode é", "tab\t newline\n quote' backslash\\ unicode é"],
      ['FixedString(3)', 'abc', 'abc'], ['LowCardinality(String)', 'lc', 'lc'],
      ['Bool', true, true], ['Bool', false, false],
      ['Date', '2024-02-29', '2024-02-29'], ['Date32', '1900-01-01', '1900-01-01'],
      ['DateTime', '2024-02-29 12:34:56', '2024-02-29 12:34:56'], ['DateTime(\'UTC\')', new Date(Date.UTC(2024, 1, 29, 12, 34, 56)), '2024-02-29 12:34:56'],
      ['DateTime64(3, \'UTC\')', new Date(Date.UTC(2024, 1, 29, 12, 34, 56, 789)), '2024-02-29 12:34:56.789'],
      ['UUID', '61f0c404-5cb3-11e7-907b-a6006ad3dba0', '61f0c404-5cb3-11e7-907b-a6006ad3dba0'],
      ['IPv4', '192.168.0.1', '192.168.0.1'], ['IPv6', '2001:db8::1', '2001:db8::1'],
      ['Enum8(\'a\' = 1, \'b\' = 2)', 'b', 'b'],
      ['Nullable(String)', null, null], ['Nullable(Int32)', 5, 5],
      ['Array(String)', ['x', "y'z", ''], ['x', "y'z", '']], ['Array(Nullable(Int32))', [1, null, 3], [1, null, 3]],
      ['Array(Array(UInt8))', [[1], [2, 3]], [[1], [2, 3]]], ['Array(Bool)', [true, false], [true, false]],
      ['Tuple(Int32, String, Nullable(UInt8))', new TupleParam([42, 'foo', null]), [42, 'foo', null]],
      ['Map(String, Int32)', { a: 1, 'b\'': 2 }, { a: 1, 'b\'': 2 }],
      ['Map(Int32, String)', new Map([[1, 'one'], [2, 'two']]), { 1: 'one', 2: 'two' }],
    ];
    for (const [type, value, expected] of cases) {
      test(`${type}: ${typeof value === 'bigint' ? `${value}n` : value instanceof Map ? 'Map' : JSON.stringify(value)}`, async () => {
        const rows = await (await client.query({ query: `SELECT {v: ${type}} AS v`, format: 'JSONEachRow', query_params: { v: value },
          clickhouse_settings: { output_format_json_quote_64bit_integers: 1, output_format_json_quote_decimals: 1 } })).json<{ v: unknown }>();
        assert.deepEqual(rows, [{ v: expected }]);
      });
    }

    test('an identifier parameter and several in one query, also in an insert and a command', async () => {
      await recreate();
      await client.command({ query: 'INSERT INTO {t: Identifier} (id, name) VALUES ({id: UInt32}, {name: String})',
        query_params: { t: TABLE, id: 9, name: 'from params' } });
      const rows = await (await client.query({ query: 'SELECT id, name FROM {t: Identifier} WHERE id = {id: UInt32} AND name = {name: String}',
        format: 'JSONEachRow', query_params: { t: TABLE, id: 9, name: 'from params' } })).json();
      assert.deepEqual(rows, [{ id: 9, name: 'from params' }]);
    });

    test('a missing parameter is ClickHouse\'s error 456', async () => {
      await assert.rejects(client.query({ query: 'SELECT {missing: UInt8}', format: 'JSON' }),
        (err: unknown) => err instanceof ClickHouseError && err.code === '456' && err.type === 'UNKNOWN_QUERY_PARAMETER');
    });

    test('query_params sent as multipart form data (use_multipart_params)', async () => {
      const rows = await (await client.query({ query: 'SELECT {a: String} AS a, {b: Array(UInt8)} AS b', format: 'JSONEachRow',
        query_params: { a: 'x'.repeat(10_000), b: [1, 2] }, use_multipart_params: true })).json<{ a: string; b: number[] }>();
      assert.equal(rows[0]!.a.length, 10_000);
      assert.deepEqual(rows[0]!.b, [1, 2]);
    });
  });

  test('sessions: SET and temporary tables live in the session they were made in', async () => {
    const session = connect({ session_id: `client-session-${process.pid}` });
    try {
      await session.command({ query: 'SET max_threads = 3' });
      await session.command({ query: 'CREATE TEMPORARY TABLE tmp_client (x UInt8)' });
      await session.insert({ table: 'tmp_client', values: [{ x: 1 }, { x: 2 }], format: 'JSONEachRow' });
      assert.equal(await (await session.query({ query: "SELECT getSetting('max_threads') AS m, (SELECT sum(x) FROM tmp_client) AS s", format: 'JSONEachRow' })).text(),
        '{"m":3,"s":3}\n');
      // Another session id on the same client, for one query.
      await assert.rejects(session.query({ query: 'SELECT * FROM tmp_client', session_id: `client-other-${process.pid}` }),
        (err: unknown) => err instanceof ClickHouseError && err.code === '60');
      // No session at all: the temporary table is not there either.
      await assert.rejects(client.query({ query: 'SELECT * FROM tmp_client' }),
        (err: unknown) => err instanceof ClickHouseError && err.code === '60');
    } finally {
      await session.close();
    }
  });

  test('settings: the client\'s, then the query\'s on top', async () => {
    const c = connect({ clickhouse_settings: { max_result_rows: '5', result_overflow_mode: 'break', output_format_json_quote_64bit_integers: 0 } });
    try {
      const rows = await (await c.query({ query: 'SELECT toUInt64(number) AS n FROM numbers(10)', format: 'JSONEachRow',
        clickhouse_settings: { max_block_size: '2' } })).json();
      assert.deepEqual(rows, [{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }]);
      const quoted = await (await c.query({ query: 'SELECT toUInt64(1) AS n', format: 'JSONEachRow',
        clickhouse_settings: { output_format_json_quote_64bit_integers: 1 } })).json();
      assert.deepEqual(quoted, [{ n: '1' }]);
      assert.equal(await text("SELECT getSetting('max_result_rows') FORMAT TabSeparated", c), '5\n');
      await assert.rejects(c.query({ query: 'SELECT 1', clickhouse_settings: { no_such_setting: 1 } as Record<string, number> }),
        (err: unknown) => err instanceof ClickHouseError && err.code === '115' && err.type === 'UNKNOWN_SETTING');
    } finally {
      await c.close();
    }
  });

  for (const codec of ['gzip', 'zstd', 'br'] as const) {
    test(`compression with ${codec}: the insert body compressed, the answer too`, async () => {
      const c = connect({ compression: { request: { codec }, response: { codec } } });
      try {
        await recreate();
        const result = await c.insert({ table: TABLE, values: ROWS, format: 'JSONEachRow' });
        assert.equal(result.summary?.written_rows, '2');
        assert.deepEqual(await (await c.query({ query: `SELECT * FROM ${TABLE} ORDER BY id`, format: 'JSONEachRow' })).json(), ROWS);
        const big = await c.query({ query: 'SELECT number FROM numbers(100000)', format: 'CSV' });
        assert.equal(big.response_headers['content-encoding'], codec);
        assert.equal((await big.text()).split('\n').length, 100_001);
        // An error comes compressed as well, and the client still reads it.
        await assert.rejects(c.query({ query: 'SELECT throwIf(1)' }), (err: unknown) => err instanceof ClickHouseError && err.code === '395');
      } finally {
        await c.close();
      }
    });
  }

  test('abort: a query cancelled by its AbortSignal while its answer streams', async () => {
    const controller = new AbortController();
    const running = client.query({ query: 'SELECT sleepEachRow(0.5) FROM numbers(20)', format: 'JSONEachRow', abort_signal: controller.signal,
      clickhouse_settings: { max_block_size: '1' }, query_id: `client-abort-${process.pid}` });
    setTimeout(() => controller.abort(), 300);
    await assert.rejects(running.then((result) => result.json()), /abort/i);
    // The client is still usable afterwards.
    assert.equal(await text('SELECT 1 FORMAT TabSeparated'), '1\n');
  });

  test('query_id: the given one reaches the server and comes back', async () => {
    const id = `client-query-id-${process.pid}`;
    const result = await client.query({ query: 'SELECT queryID() AS q', format: 'JSONEachRow', query_id: id });
    assert.equal(result.query_id, id);
    assert.equal(result.response_headers['x-clickhouse-query-id'], id);
    assert.deepEqual(await result.json(), [{ q: id }]);
    const generated = await client.query({ query: 'SELECT queryID() AS q', format: 'JSONEachRow' });
    assert.match(generated.query_id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(await generated.json(), [{ q: generated.query_id }]);
  });

  test('summaries: X-ClickHouse-Summary through insert, command and exec', async () => {
    await recreate();
    const insert = await client.insert({ table: TABLE, values: ROWS, format: 'JSONEachRow' });
    assert.equal(insert.summary?.written_rows, '2');
    assert.equal(insert.summary?.result_rows, '2');
    assert.ok(Number(insert.summary?.written_bytes) > 0);
    const command = await client.command({ query: `INSERT INTO ${TABLE} SELECT * FROM ${TABLE}` });
    assert.equal(command.summary?.written_rows, '2');
    assert.equal(command.summary?.read_rows, '2');
    const exec = await client.exec({ query: 'SELECT number FROM numbers(3) FORMAT TabSeparated' });
    assert.equal(exec.summary?.read_rows, '3');
    assert.equal((await exec.stream.toArray()).join(''), '0\n1\n2\n');
    assert.equal(JSON.parse(exec.response_headers['x-clickhouse-summary'] as string).read_rows, '3');
    // A query's result is counted when it ends, after the headers left with the first bytes of the
    // answer; wait_end_of_query holds them back until then.
    const summaryOf = async (settings: Record<string, number>) => {
      const rs = await client.query({ query: 'SELECT number FROM numbers(10) WHERE number % 2 = 0', format: 'JSONEachRow', clickhouse_settings: settings });
      await rs.json();
      const { read_rows, result_rows } = JSON.parse(rs.response_headers['x-clickhouse-summary'] as string) as Record<string, string>;
      return { read_rows, result_rows };
    };
    assert.deepEqual(await summaryOf({}), { read_rows: '10', result_rows: '0' });
    assert.deepEqual(await summaryOf({ wait_end_of_query: 1 }), { read_rows: '10', result_rows: '5' });
  });

  test('roles: the client\'s role, a query\'s roles, and a role not granted', async () => {
    const c = connect({ username: 'olapspec_roles', password: 'olapspec-roles-secret', role: 'olapspec_reader' });
    try {
      assert.equal(await (await c.query({ query: 'SELECT currentRoles() AS r', format: 'JSONEachRow' })).text(), '{"r":["olapspec_reader"]}\n');
      const both = await (await c.query({ query: 'SELECT arraySort(currentRoles()) AS r', format: 'JSONEachRow',
        role: ['olapspec_reader', 'olapspec_numbers'] })).json();
      assert.deepEqual(both, [{ r: ['olapspec_numbers', 'olapspec_reader'] }]);
      await assert.rejects(c.query({ query: 'SELECT 1', role: 'olapspec_unused' }),
        (err: unknown) => err instanceof ClickHouseError && err.code === '512' && err.type === 'SET_NON_GRANTED_ROLE');
    } finally {
      await c.close();
    }
  });

  test('Parquet: a query\'s file inserted back from a stream', missingFormat('Parquet'), async () => {
    await recreate();
    await client.insert({ table: TABLE, values: ROWS, format: 'JSONEachRow' });
    // The client's way to a binary file: exec with the FORMAT in the statement (query().stream() cuts rows at newlines).
    const file = Buffer.concat(await (await client.exec({ query: `SELECT * FROM ${TABLE} ORDER BY id FORMAT Parquet` })).stream.toArray());
    assert.equal(file.subarray(0, 4).toString(), 'PAR1');
    await recreate();
    await client.insert({ table: TABLE, format: 'Parquet', values: Readable.from([file], { objectMode: false }) });
    assert.deepEqual(await tableRows(), ROWS);
  });

  test('per-request credentials and headers; an answer left compressed for the caller', async () => {
    const asPlain = await client.query({ query: 'SELECT currentUser() AS u', format: 'JSONEachRow',
      auth: { username: 'olapspec_plain', password: 'olapspec-plain-secret' } });
    assert.deepEqual(await asPlain.json(), [{ u: 'olapspec_plain' }]);
    const viaHeader = await client.query({ query: 'SELECT 1 AS one', format: 'JSONEachRow', http_headers: { 'X-ClickHouse-Format': 'TabSeparated' } });
    assert.deepEqual(await viaHeader.json(), [{ one: 1 }], 'the FORMAT the client appends wins over X-ClickHouse-Format');
    const c = connect({ compression: { response: true } });
    try {
      const raw = await c.exec({ query: 'SELECT number FROM numbers(3) FORMAT CSV', decompress_response_stream: false });
      assert.equal(raw.response_headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(Buffer.concat(await raw.stream.toArray())).toString(), '0\n1\n2\n');
    } finally {
      await c.close();
    }
  });

  test('exec: a statement with its own FORMAT, a body to insert, and the raw error', async () => {
    await recreate();
    const loaded = await client.exec({ query: `INSERT INTO ${TABLE} (id, name) FORMAT CSV`, values: Readable.from(['5,"five"\n6,"six"\n']) });
    await loaded.stream.toArray();
    assert.equal(loaded.summary?.written_rows, '2');
    assert.equal(await text(`SELECT id, name FROM ${TABLE} ORDER BY id FORMAT CSV`), '5,"five"\n6,"six"\n');
    await assert.rejects(client.exec({ query: 'SELECT * FROM no_such_table_here' }),
      (err: unknown) => err instanceof ClickHouseError && err.code === '60' && err.type === 'UNKNOWN_TABLE' && /no_such_table_here/.test(err.message));
    const ignored = await client.exec({ query: 'SELECT * FROM no_such_table_here', ignore_error_response: true });
    assert.equal(ignored.http_status_code, 404);
    assert.match((await ignored.stream.toArray()).join(''), /^Code: 60\. DB::Exception: Unknown table expression identifier 'no_such_table_here'/);
  });

  test('errors: a syntax error and an error in the middle of a streamed answer', async () => {
    await assert.rejects(client.query({ query: 'SELEC 1' }), (err: unknown) => err instanceof ClickHouseError && err.code === '62');
    // The answer starts with 200 and the rows before the error; the exception block after them
    // (X-ClickHouse-Exception-Tag) fails the query or the reading of it, as soon as the client sees it.
    const reading = client.query({ query: 'SELECT throwIf(number = 3, \'boom\') AS x FROM numbers(10)', format: 'JSONEachRow',
      clickhouse_settings: { max_block_size: '1' } }).then((result) => result.json());
    await assert.rejects(reading, (err: unknown) => err instanceof ClickHouseError && err.code === '395' && /boom/.test(err.message));
  });

  test('database: the client\'s default database', async () => {
    await client.command({ query: 'CREATE DATABASE IF NOT EXISTS client_db' });
    const c = connect({ database: 'client_db' });
    try {
      assert.equal(await text('SELECT currentDatabase() FORMAT TabSeparated', c), 'client_db\n');
    } finally {
      await c.close();
      await client.command({ query: 'DROP DATABASE client_db' });
    }
  });
});
