// Runs in Chromium, bundled by esbuild with @clickhouse/client-web as it is
// published: a page on one origin using ClickHouse on another, the way a browser
// application does. Each step's outcome goes into a plain object that the test
// (clickhouse-client-web.test.ts) reads back and checks.

import { createClient, ClickHouseError, ClickHouseLogLevel } from '@clickhouse/client-web';

type Outcome = Record<string, unknown>;

function failure(err: unknown): Outcome {
  if (err instanceof ClickHouseError) return { code: err.code, type: err.type, message: err.message };
  return { error: String(err), name: (err as Error)?.name };
}

async function workflow(url: string, table: string): Promise<Outcome> {
  const out: Outcome = {};
  const client = createClient({ url, username: 'default', password: '', log: { level: ClickHouseLogLevel.OFF } });
  try {
    // The web client pings with a SELECT (/ping answers no preflight).
    const ping = await client.ping();
    out.ping = ping.success ? 'ok' : failure(ping.error);

    await client.command({ query: `DROP TABLE IF EXISTS ${table}` });
    await client.command({ query: `CREATE TABLE ${table} (id UInt32, name String, tags Array(String)) ENGINE = MergeTree ORDER BY id` });
    const inserted = await client.insert({ table, format: 'JSONEachRow', query_id: 'web-insert-1',
      values: [{ id: 1, name: 'one', tags: ['a'] }, { id: 2, name: "two 'quoted'", tags: [] }] });
    // The web client gives no parsed summary; the header is there for the page to read (Access-Control-Expose-Headers).
    const summary = inserted.response_headers['x-clickhouse-summary'];
    out.insert = { executed: inserted.executed, query_id: inserted.query_id, http_status_code: inserted.http_status_code,
      written_rows: typeof summary === 'string' ? (JSON.parse(summary) as { written_rows: string }).written_rows : summary };

    const json = await client.query({ query: `SELECT id, name, tags FROM ${table} ORDER BY id`, format: 'JSON' });
    out.json = await json.json();
    out.queryIdHeader = json.response_headers['x-clickhouse-query-id'] === json.query_id;

    const csv = await client.query({ query: `SELECT id, name FROM ${table} ORDER BY id`, format: 'CSV' });
    out.csv = await csv.text();

    // Rows as they stream, through the page's ReadableStream.
    const streamed: unknown[] = [];
    const reader = (await client.query({ query: 'SELECT number AS n FROM numbers(5)', format: 'JSONEachRow' })).stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const row of value) streamed.push(row.json());
    }
    out.stream = streamed;

    out.params = await (await client.query({ query: 'SELECT {s: String} AS s, {a: Array(UInt8)} AS a, {n: UInt64} AS n', format: 'JSONEachRow',
      query_params: { s: "it's\ttabbed", a: [1, 2], n: 9007199254740991n } })).json();

    out.settings = await (await client.query({ query: 'SELECT toUInt64(1) AS n', format: 'JSONEachRow',
      clickhouse_settings: { output_format_json_quote_64bit_integers: 1 } })).json();

    const session = createClient({ url, session_id: `web-session-${Date.now()}`, log: { level: ClickHouseLogLevel.OFF } });
    await session.command({ query: 'CREATE TEMPORARY TABLE web_tmp (x UInt8)' });
    await session.insert({ table: 'web_tmp', values: [{ x: 4 }, { x: 5 }], format: 'JSONEachRow' });
    out.session = await (await session.query({ query: 'SELECT sum(x) AS s FROM web_tmp', format: 'JSONEachRow' })).json();
    await session.close();

    // The browser asks for gzip and unpacks it; the client adds enable_http_compression=1.
    const compressed = createClient({ url, compression: { response: true }, log: { level: ClickHouseLogLevel.OFF } });
    const big = await compressed.query({ query: 'SELECT number FROM numbers(50000)', format: 'CSV' });
    out.compressed = { lines: (await big.text()).split('\n').length };
    await compressed.close();

    const exec = await client.exec({ query: 'SELECT 42 AS x FORMAT TabSeparatedWithNames' });
    out.exec = await new Response(exec.stream).text();

    const controller = new AbortController();
    const slow = client.query({ query: 'SELECT sleepEachRow(0.5) FROM numbers(20)', format: 'JSONEachRow', abort_signal: controller.signal,
      clickhouse_settings: { max_block_size: '1' } }).then((r) => r.json());
    setTimeout(() => controller.abort(), 300);
    out.abort = await slow.then(() => 'not aborted', (err: unknown) => failure(err));

    out.unknownTable = await client.query({ query: 'SELECT * FROM no_such_web_table' }).then(() => 'no error', failure);
    out.wrongPassword = await createClient({ url, username: 'olapspec_plain', password: 'wrong', log: { level: ClickHouseLogLevel.OFF } })
      .ping().then((r) => (r.success ? 'no error' : failure(r.error)));

    await client.command({ query: `DROP TABLE ${table}` });
  } catch (err) {
    out.unexpected = failure(err);
  } finally {
    await client.close();
  }
  return JSON.parse(JSON.stringify(out, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))) as Outcome;
}

(globalThis as { olapspecWorkflow?: typeof workflow }).olapspecWorkflow = workflow;
