// The query handlers (DynamicQueryHandler, and PredefinedQueryHandler for
// <http_handlers> rules, told apart by QuerySource): request → context → engine →
// format → response, one way. It owns the order of operations, which follows
// HTTPHandler::processQuery in 24.8; the pieces it calls know nothing about
// each other.

import { credentialRulesFor } from '../auth.ts';
import type { ClickHouseCompat } from '../compat.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseContentEncoding } from '../../../lib/compression/http-methods.ts';
import type { Block, ColumnDef, Progress, QueryContext, RowsResult } from '../../engine/api.ts';
import type { QueryEngine } from '../engine-port.ts';
import { ServerError, exceptionText } from '../errors.ts';
import { formQuery, readMultipart } from '../external-data.ts';
import type { MultipartForm } from '../external-data.ts';
import { inputFormat, outputFormat } from '../formats/index.ts';
import { whileReading } from '../formats/input-processors.ts';
import type { FormatContext, OutputStatistics, RowOutput } from '../formats/index.ts';
import type { ClickHouseFaults } from '../faults/index.ts';
import { describeConnection } from '../http/connection.ts';
import { outputOptions } from '../http/output-options.ts';
import { QueryResponse } from '../http/query-response.ts';
import { decodeRequestBody, readRaw } from '../http/request-body.ts';
import { NodeResponseSink, RawSocketSink } from '../http/sink.ts';
import type { HeaderList, Sink } from '../http/sink.ts';
import { authenticateRequest, buildQueryContext, initialSettings, setQueryParameter, takeQueryParam } from '../request-context.ts';
import type { Principal, QueryParamPolicy, QueryRequestContext } from '../request-context.ts';
import { headerValue, pathOf } from '../http-handlers/select.ts';
import { namedCaptures } from '../http-handlers/re2.ts';
import { keepSetChanges } from '../sessions.ts';
import { holdMetric } from '../../engine/current-metrics.ts';
import type { SessionStore, SessionTimeouts } from '../sessions.ts';
import { boolParam, lastParam, parseQueryString } from '../url-params.ts';
import type { UrlParams } from '../url-params.ts';
import { respondOptions } from './options.ts';

export interface QueryHandlerDeps {
  /** The version the server emulates: what differs between 24.8 and 26.7. */
  compat: ClickHouseCompat;
  engine: QueryEngine;
  sessions: SessionStore;
  timeouts?: SessionTimeouts;
  displayName: string;
  serverTimezone: string;
  /** <format_schema_path>: Template's format files. */
  formatSchemaPath?: string;
  /** Headers of <http_options_response>; answered to OPTIONS and added for requests with Origin. */
  optionsHeaders?: HeaderList;
  /** enable_http_stacktrace=false: the `stacktrace` URL parameter is ignored. */
  stacktraceDisabled?: boolean;
  /** --faults: slow, dropped or failing answers for client authors (faults/); absent, requests are served as always. */
  faults?: ClickHouseFaults;
}

/** A regex of the rule whose named groups become query parameters: the url's (header undefined) or a header's. */
export interface CaptureSource {
  header?: string;
  regex: RegExp;
}

/**
 * Where the SQL comes from. Dynamic (the default handler, dynamic_query_handler):
 * a URL parameter, a newline, then the body. Predefined (predefined_query_handler):
 * the configured query, the body right after it, parameters from the URL and
 * from the rule's regex captures.
 */
export type QuerySource =
  | { kind: 'dynamic'; paramName: string }
  | { kind: 'predefined'; query: string; receive: ReadonlySet<string>; captures: readonly CaptureSource[] };

export interface QueryHandlerOptions {
  source: QuerySource;
  /** A rule's http_response_headers and content_type, set on the response once the query is known. */
  responseHeaders?: HeaderList;
}

export const DEFAULT_QUERY_HANDLER: QueryHandlerOptions = { source: { kind: 'dynamic', paramName: 'query' } };

/** http_max_request_param_data_size's default: how much of the body `_request_body` takes. */
const MAX_REQUEST_PARAM_DATA = 10 * 1024 * 1024;

function paramPolicy(source: QuerySource): QueryParamPolicy {
  return source.kind === 'dynamic' ? { kind: 'dynamic', paramName: source.paramName } : { kind: 'predefined', receive: source.receive };
}

function newProgress(): Progress {
  return { readRows: 0, readBytes: 0, writtenRows: 0, writtenBytes: 0, totalRowsToRead: 0, resultRows: 0, resultBytes: 0 };
}

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

interface QueryText {
  sql: string;
  /** The decoded body and where it starts in `sql` (in bytes), for binary INSERT data. */
  body?: Buffer;
  bodyOffsetBytes?: number;
}

/** The query text and, for forms, the external tables (getQuery and customizeContext of both handlers). */
async function readQuery(req: IncomingMessage, params: UrlParams, rc: QueryRequestContext, deps: QueryHandlerDeps,
  decoding: { contentEncoding: ReturnType<typeof parseContentEncoding>; nativeBlocks: boolean }, source: QuerySource): Promise<QueryText> {
  const policy = paramPolicy(source);
  if (header(req, 'content-type').startsWith('multipart/form-data')) {
    const form: MultipartForm = await readMultipart(req, params, rc.settings.getNumber('http_max_multipart_form_data_size'),
      deps.compat.multipartOverflow);
    for (const [name, value] of form.params.slice(params.length)) {
      if (name.startsWith('param_')) takeQueryParam(policy, name, value, rc.queryParameters);
    }
    for (const t of form.tables) {
      const fctx = { settings: rc.settings, timezone: deps.serverTimezone };
      const input = inputFormat(t.format);
      const rows = input.read(t.data.toString(input.binary ? 'latin1' : 'utf8'), t.columns, {
        ...fctx, parseValues: (text, cols) => deps.engine.parseValues(text, cols),
      });
      deps.engine.createTemporaryTable(rc.scope, t.name, t.columns, rows);
    }
    if (source.kind === 'predefined') {
      applyCaptures(req, source, rc.queryParameters);
      return { sql: source.query };
    }
    return { sql: formQuery(form.params, source.paramName) };
  }
  let body = await decodeRequestBody(await readRaw(req), {
    ...decoding,
    disableChecksum: Boolean(rc.settings.get('http_native_compression_disable_checksumming_on_decompress')),
    snappy: deps.compat.snappy,
  });
  if (source.kind === 'predefined') {
    applyCaptures(req, source, rc.queryParameters);
    // `{_request_body:String}` takes the body (up to its limit); what is left follows the query as its data.
    if (source.receive.has('_request_body') && !rc.queryParameters.has('_request_body')) {
      const limit = requestParamLimit(rc);
      rc.queryParameters.set('_request_body', body.subarray(0, limit).toString('utf8'));
      body = body.subarray(limit);
    }
    const prefix = source.query;
    return { sql: prefix + body.toString('utf8'), body, bodyOffsetBytes: Buffer.byteLength(prefix) };
  }
  const text = body.toString('utf8');
  // The `query` parameter, a newline, then the body.
  const prefix = rc.queryParam !== '' ? `${rc.queryParam}\n` : '';
  return { sql: prefix + text, body, bodyOffsetBytes: Buffer.byteLength(prefix) };
}

/** customizeContext: named groups of the url and header regexes, after the URL's parameters; a name the URL gave too is an error. */
function applyCaptures(req: IncomingMessage, source: Extract<QuerySource, { kind: 'predefined' }>, into: Map<string, string>): void {
  for (const capture of source.captures) {
    const input = capture.header === undefined ? pathOf(req.url ?? '') : headerValue(req.headers, capture.header);
    for (const [name, value] of namedCaptures(capture.regex, input)) setQueryParameter(into, name, value);
  }
}

function requestParamLimit(rc: QueryRequestContext): number {
  try {
    return rc.settings.getNumber('http_max_request_param_data_size');
  } catch {
    // Not in the engine's settings registry: ClickHouse's default.
    return MAX_REQUEST_PARAM_DATA;
  }
}

export async function handleQuery(req: IncomingMessage, res: ServerResponse, deps: QueryHandlerDeps,
  options: QueryHandlerOptions = DEFAULT_QUERY_HANDLER): Promise<void> {
  if (req.method === 'OPTIONS') return respondOptions(req, res, deps.optionsHeaders);

  const conn = describeConnection(req);
  const head = req.method === 'HEAD';
  const faults = deps.faults?.forRequest(req);
  const wire: Sink = conn.http10 ? new RawSocketSink(req.socket, conn.version, head) : new NodeResponseSink(res);
  const sink = faults ? faults.sink(wire) : wire;
  const response = new QueryResponse(sink, { ...conn, head }, deps.displayName, deps.compat);
  response.showVersionInErrors(deps.compat.versionInErrorsBeforeLogin ? deps.compat.version : undefined);
  // Aborts the query when the client leaves, if the query may be cancelled for that.
  const cancel = new AbortController();
  let cancelOnClose = false;
  sink.onGone(() => {
    if (cancelOnClose) cancel.abort();
  });
  const origin = header(req, 'origin');
  // With <http_options_response>, its headers go to every request that names an Origin.
  if (origin !== '' && deps.optionsHeaders) for (const [n, v] of deps.optionsHeaders) response.addHeader(n, v);
  const { engine } = deps;
  // HTTPHandler holds CurrentMetrics::HTTPConnection for as long as it handles the request.
  const releaseMetric = holdMetric('HTTPConnection');

  try {
    // Poco does not detect this case itself (HTTPHandler's workaround).
    if (req.method === 'POST' && req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
      // Without a length the body would run to the end of the connection, so it cannot be kept.
      response.closeConnection();
      throw new ServerError('HTTP_LENGTH_REQUIRED',
        'The Transfer-Encoding is not chunked and there is no Content-Length header for POST request');
    }
    const params = parseQueryString(req.url ?? '');
    // Read before anything can fail, so that every error of the request carries the trace.
    response.includeStackTraces(!deps.stacktraceDisabled && boolParam(lastParam(params, 'stacktrace')));
    const closeSession = boolParam(lastParam(params, 'close_session'));
    const info = {
      method: req.method ?? 'GET', headers: req.headers, params,
      externalData: header(req, 'content-type').startsWith('multipart/form-data'),
      ...(req.socket.remoteAddress ? { address: req.socket.remoteAddress } : {}),
    };
    const principal: Principal = authenticateRequest(info, { engine, sessions: deps.sessions, ...(deps.timeouts ? { timeouts: deps.timeouts } : {}),
      credentialRules: credentialRulesFor(deps.compat) });
    const session = principal.session;
    // Logged in, session set up: from here on errors name the version.
    response.showVersionInErrors(deps.compat.version);
    if (session) {
      response.onBeforeEnd(() => {
        deps.sessions.release(session);
        if (closeSession) deps.sessions.close(session);
      });
    }
    if (faults) await faults.start();
    const settings = initialSettings(principal, engine);
    const contentEncoding = parseContentEncoding(header(req, 'content-encoding'));
    const nativeBlocks = boolParam(lastParam(params, 'decompress'));

    const rc = buildQueryContext(info, principal, settings, { engine }, paramPolicy(options.source));
    // Only once the URL's settings are applied: HTTPHandler sets up the response's compression
    // after them, so a bad setting (UNKNOWN_SETTING, CANNOT_PARSE_*) is answered uncompressed.
    response.configureOutput(outputOptions(params, settings, header(req, 'accept-encoding'), deps.compat));
    // Known only after authentication, so a failed login never carries it.
    if (origin !== '' && !deps.optionsHeaders && settings.get('add_http_cors_header')) {
      response.addHeader('Access-Control-Allow-Origin', '*');
    }
    const progress = newProgress();
    response.trackProgress(progress);
    if (settings.get('send_progress_in_http_headers')) response.startProgress(settings.getNumber('http_headers_progress_interval_ms'));
    cancelOnClose = settings.getNumber('readonly') > 0 && Boolean(settings.get('cancel_http_readonly_queries_on_client_close'));
    if (cancelOnClose && sink.gone) cancel.abort();

    const text = await readQuery(req, params, rc, deps, { contentEncoding, nativeBlocks }, options.source);
    if (options.responseHeaders && options.responseHeaders.length > 0) response.overrideHeaders(options.responseHeaders);
    const { sql } = text;
    const q = engine.parse(sql, { maxQuerySize: settings.getNumber('max_query_size') });
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
      signal: cancel.signal,
      queryParameters: rc.queryParameters,
      scope: rc.scope,
      ...(rc.roles.length > 0 ? { roles: rc.roles } : {}),
      quotaKey: rc.quotaKey,
      ...(req.socket.remoteAddress ? { address: req.socket.remoteAddress } : {}),
      ...(req.socket.remotePort ? { port: req.socket.remotePort } : {}),
      ...(session ? { onUseDatabase: (db: string) => { session.database = db; } } : {}),
    };
    const fctx: FormatContext = { settings, timezone, ...(deps.formatSchemaPath ? { formatSchemaPath: deps.formatSchemaPath } : {}) };

    if (q.insertData) {
      const columns = engine.insertTarget(q, ctx);
      response.setResult({ queryId: rc.queryId, timezone });
      const input = inputFormat(q.insertData.format);
      const ictx = { ...fctx, parseValues: (text: string, cols: ColumnDef[]) => engine.parseValues(text, cols, ctx) };
      let rows: Block | unknown[][];
      try {
        const block = input.readBlock?.(dataBytes(text, q.insertData.offset), columns, ictx);
        rows = block ?? input.read(input.binary ? binaryData(text, q.insertData.offset) : sql.slice(q.insertData.offset), columns, ictx);
      } catch (err) {
        throw whileReading(err, input);
      }
      await engine.insert(q, rows, ctx);
      await response.finish();
      return;
    }

    // SET in a session changes the session, not just this query (InterpreterSetQuery).
    const before = session && q.kind === 'set' ? settings.clone() : undefined;
    const result = await engine.execute(q, ctx);
    if (session && before) keepSetChanges(session, before, settings);
    if (result.kind === 'none') {
      response.setResult({ queryId: rc.queryId, timezone });
      await response.finish();
      return;
    }
    const formatName = q.format ?? rc.defaultFormat;
    const format = outputFormat(formatName);
    response.setResult({ queryId: rc.queryId, timezone, format: formatName, contentType: format.contentType(settings) });
    await streamRows(faults ? faults.rows(result) : result, () => format.create(result.columns, fctx), response, progress, format.binary === true,
      Boolean(settings.get('http_write_exception_in_output_format')), deps.compat.version, format.blockWriter?.(result.columns, fctx));
  } catch (err) {
    await response.fail(err);
  } finally {
    response.runBeforeEnd();
    releaseMetric();
  }
}

/** INSERT data as bytes: the body's own bytes from where the query text ends. */
function dataBytes(text: QueryText, offset: number): Buffer {
  const start = Buffer.byteLength(text.sql.slice(0, offset));
  const bodyStart = text.bodyOffsetBytes ?? 0;
  if (!text.body || start < bodyStart) return Buffer.from(text.sql.slice(offset), 'utf8');
  return text.body.subarray(start - bodyStart);
}

/** INSERT data for a binary format, as a byte string. */
function binaryData(text: QueryText, offset: number): string {
  return dataBytes(text, offset).toString('latin1');
}

/**
 * Each block is formatted and sent before the next is pulled, so memory stays
 * flat and the first block commits the status (ClickHouse flushes per block).
 * A client that left stops the query at its next write, like the socket
 * error ClickHouse would get.
 */
async function streamRows(result: RowsResult, create: () => RowOutput, response: QueryResponse, progress: Progress,
  binary: boolean, exceptionInFormat: boolean, version: string, columnar?: (block: Block) => Buffer): Promise<void> {
  const out = create();
  const bytes = (piece: string): string | Buffer => (binary ? Buffer.from(piece, 'latin1') : piece);
  let started = false;
  const prefixOnce = (): string => {
    if (started) return '';
    started = true;
    return out.prefix();
  };
  const statistics = (): OutputStatistics => ({
    elapsedSeconds: Number(response.elapsedNs()) / 1e9,
    rowsRead: progress.readRows,
    bytesRead: progress.readBytes,
    totalRowsToRead: progress.totalRowsToRead,
  });
  const iterator = result.blocks[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (response.clientGone) {
        await iterator.return?.();
        return;
      }
      const block = next.value;
      if (block.length === 0) continue;
      if (columnar && block.isColumnar) {
        const prefix = prefixOnce();
        const body = columnar(block);
        await response.send(prefix ? Buffer.concat([Buffer.from(prefix, binary ? 'latin1' : 'utf8'), body]) : body);
      } else {
        // A WithProgress format reports the progress so far ahead of the rows, as ClickHouse does.
        await response.send(bytes((out.progress?.(statistics()) ?? '') + prefixOnce() + out.block(block.rows)));
      }
    }
    const rowsBeforeLimit = result.rowsBeforeLimit?.();
    await response.send(bytes(prefixOnce() + out.suffix({
      ...statistics(),
      ...(rowsBeforeLimit !== undefined ? { rowsBeforeLimit } : {}),
    })));
    await response.finish();
  } catch (err) {
    if (exceptionInFormat && out.exceptionSuffix && !response.clientGone) {
      const message = exceptionText(err, version);
      const fresh = create();
      await response.failInFormat(err, prefixOnce() + out.exceptionSuffix(message), fresh.prefix() + fresh.exceptionSuffix!(message));
      return;
    }
    throw err;
  }
}
