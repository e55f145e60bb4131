// The query handler (DynamicQueryHandler): request → context → engine →
// format → response, one way. It owns the order of operations; the pieces
// it calls know nothing about each other.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Progress, QueryContext, RowsResult } from '../../engine/api.ts';
import type { QueryEngine } from '../engine-port.ts';
import { ServerError, exceptionText } from '../errors.ts';
import { inputFormat, outputFormat } from '../formats/index.ts';
import type { FormatContext, RowOutput } from '../formats/index.ts';
import { describeConnection } from '../http/connection.ts';
import { chooseResponseEncoding, decodeBody } from '../http/compression.ts';
import { QueryResponse } from '../http/query-response.ts';
import { NodeResponseSink, RawSocketSink } from '../http/sink.ts';
import type { HeaderList, Sink } from '../http/sink.ts';
import { buildQueryContext } from '../request-context.ts';
import { keepSetChanges } from '../sessions.ts';
import type { Session, SessionStore } from '../sessions.ts';
import { parseQueryString } from '../url-params.ts';
import type { UserStore } from '../users.ts';
import { respondOptions } from './options.ts';

export interface QueryHandlerDeps {
  engine: QueryEngine;
  users: UserStore;
  sessions: SessionStore;
  displayName: string;
  serverTimezone: string;
  /** Headers of <http_options_response>; answered to OPTIONS and added for requests with Origin. */
  optionsHeaders?: HeaderList;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function newProgress(): Progress {
  return { readRows: 0, readBytes: 0, writtenRows: 0, writtenBytes: 0, totalRowsToRead: 0, resultRows: 0, resultBytes: 0 };
}

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** setCurrentDatabase fails at once for a database that does not exist, before any query runs. */
function assertDatabase(engine: QueryEngine, name: string): void {
  if (engine.assertDatabase) engine.assertDatabase(name);
  else engine.catalog?.database(name);
}

export async function handleQuery(req: IncomingMessage, res: ServerResponse, deps: QueryHandlerDeps): Promise<void> {
  if (req.method === 'OPTIONS') return respondOptions(req, res, deps.optionsHeaders);

  const conn = describeConnection(req);
  const head = req.method === 'HEAD';
  const sink: Sink = conn.http10 ? new RawSocketSink(req.socket, conn.version, head) : new NodeResponseSink(res);
  const response = new QueryResponse(sink, { ...conn, head }, deps.displayName);
  const abort = new AbortController();
  sink.onGone(() => abort.abort());
  let session: Session | undefined;
  const origin = header(req, 'origin');
  // With <http_options_response>, its headers go to every request that names an Origin.
  if (origin !== '' && deps.optionsHeaders) for (const [n, v] of deps.optionsHeaders) response.addHeader(n, v);

  try {
    // Poco does not detect this case itself (HTTPHandler's workaround).
    if (req.method === 'POST' && req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
      // Without a length the body would run to the end of the connection, so it cannot be kept.
      response.closeConnection();
      throw new ServerError('HTTP_LENGTH_REQUIRED',
        'The Transfer-Encoding is not chunked and there is no Content-Length header for POST request');
    }
    const rc = buildQueryContext(
      { method: req.method ?? 'GET', headers: req.headers, params: parseQueryString(req.url ?? '') },
      { users: deps.users, sessions: deps.sessions, assertDatabase: (name) => assertDatabase(deps.engine, name) },
    );
    session = rc.session;
    if (session) {
      const held = session;
      response.onBeforeEnd(() => deps.sessions.release(held));
    }
    const { settings } = rc;

    // Known only after authentication, so a failed login never carries it.
    if (origin !== '' && !deps.optionsHeaders && settings.get('add_http_cors_header')) {
      response.addHeader('Access-Control-Allow-Origin', '*');
    }

    const accept = header(req, 'accept-encoding');
    if (accept !== '' && settings.get('enable_http_compression')) {
      const encoding = chooseResponseEncoding(accept);
      if (encoding) response.compressWith(encoding, settings.getNumber('http_zlib_compression_level'));
    }

    const body = await decodeBody(await readBody(req), header(req, 'content-encoding'));
    const bodyText = body.toString('utf8');
    // DynamicQueryHandler::getQuery: the `query` parameter, a newline, then the body.
    const sql = rc.queryParam !== '' ? `${rc.queryParam}\n${bodyText}` : bodyText;

    const progress = newProgress();
    response.trackProgress(progress);
    const q = deps.engine.parse(sql, { maxQuerySize: settings.getNumber('max_query_size') });
    for (const [name, value] of q.settings) settings.set(name, value);

    const timezone = String(settings.get('session_timezone')) || deps.serverTimezone;
    const ctx: QueryContext = {
      database: rc.database || rc.user.defaultDatabase || 'default',
      user: rc.user.name,
      queryId: rc.queryId,
      settings,
      readonly: settings.getNumber('readonly'),
      ...(rc.readonlyHint !== undefined ? { readonlyHint: rc.readonlyHint } : {}),
      progress,
      signal: abort.signal,
      ...(session ? { onUseDatabase: (db: string) => { session!.database = db; } } : {}),
    };
    const fctx: FormatContext = { settings, timezone };

    if (q.insertData) {
      const columns = deps.engine.insertTarget(q, ctx);
      const input = inputFormat(q.insertData.format);
      const rows = input.read(sql.slice(q.insertData.offset), columns, {
        ...fctx,
        parseValues: (text, cols) => deps.engine.parseValues(text, cols, ctx),
      });
      await deps.engine.insert(q, rows, ctx);
      response.setResult({ queryId: rc.queryId, timezone });
      await response.finish();
      return;
    }

    // SET in a session changes the session, not just this query (InterpreterSetQuery).
    const before = session && q.kind === 'set' ? settings.clone() : undefined;
    const result = await deps.engine.execute(q, ctx);
    if (session && before) keepSetChanges(session, before, settings);
    if (result.kind === 'none') {
      response.setResult({ queryId: rc.queryId, timezone });
      await response.finish();
      return;
    }
    const formatName = q.format ?? rc.defaultFormat;
    const format = outputFormat(formatName);
    response.setResult({ queryId: rc.queryId, timezone, format: formatName, contentType: format.contentType(settings) });
    await streamRows(result, format.create(result.columns, fctx), response, progress,
      Boolean(settings.get('http_write_exception_in_output_format')));
  } catch (err) {
    await response.fail(err);
  } finally {
    response.runBeforeEnd();
    abort.abort();
  }
}

/**
 * Each block is formatted and sent before the next is pulled, so memory stays
 * flat and the first block commits the status (ClickHouse flushes per block).
 */
async function streamRows(result: RowsResult, out: RowOutput, response: QueryResponse, progress: Progress,
  exceptionInFormat: boolean): Promise<void> {
  let started = false;
  const prefixOnce = (): string => {
    if (started) return '';
    started = true;
    return out.prefix();
  };
  try {
    for await (const block of result.blocks) {
      if (response.clientGone) return;
      if (block.rows.length === 0) continue;
      await response.send(prefixOnce() + out.block(block.rows));
    }
    const rowsBeforeLimit = result.rowsBeforeLimit?.();
    await response.send(prefixOnce() + out.suffix({
      elapsedSeconds: Number(response.elapsedNs()) / 1e9,
      rowsRead: progress.readRows,
      bytesRead: progress.readBytes,
      ...(rowsBeforeLimit !== undefined ? { rowsBeforeLimit } : {}),
    }));
    await response.finish();
  } catch (err) {
    if (exceptionInFormat && out.exceptionSuffix && !response.clientGone) {
      await response.failInFormat(err, prefixOnce() + out.exceptionSuffix(exceptionText(err)));
      return;
    }
    throw err;
  }
}
