// The query handler's response, modelled on 24.8's HTTPHandler::Output and
// WriteBufferFromHTTPServerResponse. Headers collect until the first body
// bytes reach the socket (or the response ends), then go out with the
// summary of the progress made so far. With send_progress_in_http_headers the
// status line and the headers known so far go out at the first progress
// header, the header block stays open for more, and a later error can only
// add X-ClickHouse-Exception-Code to a 200.
//
// Errors before any body byte became a normal error response; errors after
// it go into the (possibly compressed) stream: appended with the chunked
// stream ended properly (≤ 24.10), or from 25.11 as a block framed with the
// answer's exception tag, the connection then broken (exception-tag.ts).

import { NativeBlockEncoder } from '../../../lib/compression/native-blocks.ts';
import { createResponseCompressStream, type SnappyFormat } from '../../../lib/compression/http-codecs.ts';
import type { HttpCompressionMethod } from '../../../lib/compression/http-methods.ts';
import type { Progress } from '../../engine/api.ts';
import type { ClickHouseCompat } from '../compat.ts';
import { errorCode, exceptionText, httpStatusForCode } from '../errors.ts';
import { ErrorCodes } from '../../engine/errors.ts';
import { DelayedOutput } from './delayed-output.ts';
import { EXCEPTION_TAG_HEADER, exceptionBlock, newExceptionTag } from './exception-tag.ts';
import { TransformStage } from './output-stages.ts';
import type { OutputStage } from './output-stages.ts';
import { reasonPhrase } from './status.ts';
import { progressHeaderJson, progressKey, summaryJson } from './summary.ts';
import type { HeaderList, Sink } from './sink.ts';

export interface ConnectionInfo {
  http10: boolean;
  keepAlive: boolean;
  /** The Keep-Alive header value, e.g. `timeout=10, max=9999`; absent without keep-alive. */
  keepAliveHeader?: string;
  head: boolean;
}

export interface ResultHeaders {
  queryId: string;
  timezone: string;
  format?: string;
  contentType?: string;
}

/** How the body is written, settled once the request's settings are known. */
export interface OutputOptions {
  /** Accept-Encoding's method when enable_http_compression is on. */
  encoding: HttpCompressionMethod | null;
  /** http_zlib_compression_level. */
  level: number;
  /** What `snappy` writes (the 24.8 line has no writer and fails). */
  snappy: SnappyFormat;
  /** compress=1: ClickHouse's native compressed blocks (LZ4). */
  nativeCompress: boolean;
  /** Bytes held in memory before anything is sent (0: every block goes out at once). */
  bufferBytes: number;
  /** wait_end_of_query / http_wait_end_of_query: nothing is sent before the query ends. */
  waitEndOfQuery: boolean;
}

/** What of a version's HTTP answers the response itself decides. */
export type ResponseStyle = Pick<ClickHouseCompat, 'midStreamErrors' | 'exposeHeaders' | 'summaryMemoryUsage'>;

/** The 24.8 answer, for callers that name no version. */
const APPENDED_ERRORS: ResponseStyle = { midStreamErrors: 'appended', exposeHeaders: false, summaryMemoryUsage: false };

/** Access-Control-Expose-Headers (PR #74180); 25.11 added the exception tag to it. */
function exposedHeaders(tagged: boolean): string {
  const names = ['X-ClickHouse-Query-Id', 'X-ClickHouse-Summary', 'X-ClickHouse-Server-Display-Name',
    'X-ClickHouse-Format', 'X-ClickHouse-Timezone', 'X-ClickHouse-Exception-Code'];
  return (tagged ? [...names, EXCEPTION_TAG_HEADER] : names).join(',');
}

/** The memory part of a fully buffered result before it spills to a temporary file. */
const WAIT_END_MEMORY = 1 << 20;

const { REQUIRED_PASSWORD } = ErrorCodes;

export class QueryResponse {
  private sink: Sink;
  private conn: ConnectionInfo;
  private displayName: string;
  private started = process.hrtime.bigint();
  private contentType = 'text/plain; charset=UTF-8';
  private result?: ResultHeaders;
  private progress?: Progress;
  private beforeEnd: (() => void)[] = [];
  private extra: HeaderList = [];
  /** A handler rule's http_response_headers: they replace headers of the same name, Content-Type included. */
  private overrides: HeaderList = [];

  private options?: OutputOptions;
  private top?: OutputStage;
  private delayed?: DelayedOutput;
  private transforms: TransformStage[] = [];
  /** Set when the encoder could not be built: ClickHouse has already named it in Content-Encoding. */
  private encodingName?: string;

  private headStarted = false;
  private headersFinished = false;
  private bodyBytes = 0;
  private exceptionCode?: number;
  /** `stacktrace=1` (unless enable_http_stacktrace is off): error texts carry the stack. */
  private stackTraces = false;
  /** What error texts end with ` (version …)`; none until known to be shown (see showVersionInErrors). */
  private errorVersion?: string;
  private errorStatus?: number;
  private progressTimer?: NodeJS.Timeout;
  private lastProgress = '';
  private readonly style: ResponseStyle;
  /** X-ClickHouse-Exception-Tag, drawn for every answer (25.11+). */
  private readonly exceptionTag?: string;

  constructor(sink: Sink, conn: ConnectionInfo, displayName: string, style: ResponseStyle = APPENDED_ERRORS) {
    this.sink = sink;
    this.conn = conn;
    this.displayName = displayName;
    this.style = style;
    if (style.midStreamErrors === 'tagged') this.exceptionTag = newExceptionTag();
  }

  get committed(): boolean {
    return this.headStarted || this.headersFinished;
  }

  get clientGone(): boolean {
    return this.sink.gone;
  }

  /** Counters read for progress headers and X-ClickHouse-Summary. */
  trackProgress(progress: Progress): void {
    this.progress = progress;
    this.lastProgress = progressKey(progress);
  }

  /** What executeQuery's result-details callback sets once the query has a pipeline. */
  setResult(result: ResultHeaders): void {
    this.result = result;
    if (result.contentType) this.contentType = result.contentType;
  }

  /**
   * Run just before the last bytes go out: a session must be free again by
   * the time the client can send its next request (ClickHouse releases it
   * before finalizing the response for the same reason).
   */
  onBeforeEnd(fn: () => void): void {
    this.beforeEnd.push(fn);
  }

  /** Idempotent; also called when a request ends without a response (the client left). */
  runBeforeEnd(): void {
    const fns = this.beforeEnd;
    this.beforeEnd = [];
    for (const fn of fns) fn();
  }

  /** CORS headers and the like, sent with whatever response goes out. */
  addHeader(name: string, value: string): void {
    this.extra.push([name, value]);
  }

  /** applyHTTPResponseHeaders: set (not added), so a configured Content-Type wins over the format's. */
  overrideHeaders(headers: HeaderList): void {
    this.overrides.push(...headers);
  }

  /** Close after this response: the request body cannot be skipped (e.g. POST with no length). */
  closeConnection(): void {
    this.conn = { ...this.conn, keepAlive: false };
  }

  elapsedNs(): bigint {
    return process.hrtime.bigint() - this.started;
  }

  // ------------------------------------------------------------ output layers

  /**
   * Set up the layers between the formats and the socket. From here on even
   * an error is written through them (compressed like data would be), as
   * ClickHouse writes it into the output it has already set up.
   */
  configureOutput(options: OutputOptions): void {
    this.options = options;
    this.top = this.buildLayers(true);
  }

  /** send_progress_in_http_headers: progress headers at most every `intervalMs` until the body starts. */
  startProgress(intervalMs: number): void {
    if (this.headersFinished || this.progressTimer) return;
    this.progressTimer = setInterval(() => this.sendProgress(), Math.max(1, intervalMs));
    this.progressTimer.unref();
  }

  private buildLayers(withDelay: boolean): OutputStage {
    const o = this.options!;
    this.transforms = [];
    const body: OutputStage = {
      write: (chunk) => this.writeBody(chunk),
      end: async () => undefined,
    };
    let stage: OutputStage = body;
    if (o.encoding) {
      try {
        const t = new TransformStage(createResponseCompressStream(o.encoding, o.level, o.snappy), stage);
        this.transforms.push(t);
        stage = t;
      } catch (err) {
        // The header is set before the encoder is built; the error then goes out uncompressed under it.
        this.encodingName = o.encoding;
        this.options = { ...o, encoding: null };
        throw err;
      }
    }
    if (o.nativeCompress) {
      // One block per flush: the formats flush after every block of the result.
      const t = new TransformStage(new NativeBlockEncoder({ blockPerWrite: true }), stage);
      this.transforms.push(t);
      stage = t;
    }
    this.delayed = undefined;
    if (withDelay && (o.bufferBytes > 0 || o.waitEndOfQuery)) {
      this.delayed = new DelayedOutput(o.waitEndOfQuery ? Math.max(o.bufferBytes, WAIT_END_MEMORY) : o.bufferBytes, o.waitEndOfQuery, stage);
      stage = this.delayed;
    }
    return stage;
  }

  /** Throw away what is held and build fresh layers (the error replaces the result). */
  private async restartLayers(): Promise<void> {
    await this.delayed?.discard();
    for (const t of this.transforms) t.destroy();
    this.top = this.buildLayers(false);
  }

  private async writeBody(chunk: Buffer): Promise<void> {
    if (chunk.length === 0) return;
    this.bodyBytes += chunk.length;
    if (!this.headersFinished) this.finishHead();
    if (!this.conn.head) await this.sink.write(chunk);
  }

  // ------------------------------------------------------------ headers

  private baseHeaders(): HeaderList {
    const h: HeaderList = [['Date', new Date().toUTCString()]];
    h.push(['Connection', this.conn.keepAlive ? 'Keep-Alive' : 'Close']);
    h.push(['Content-Type', this.contentType]);
    if (this.style.exposeHeaders) h.push(['Access-Control-Expose-Headers', exposedHeaders(this.exceptionTag !== undefined)]);
    const encoding = this.encodingName ?? (this.bodyBytes > 0 ? this.options?.encoding : undefined);
    if (encoding) h.push(['Content-Encoding', encoding]);
    h.push(['X-ClickHouse-Server-Display-Name', this.displayName]);
    if (!this.conn.http10) h.push(['Transfer-Encoding', 'chunked']);
    if (this.result) {
      h.push(['X-ClickHouse-Query-Id', this.result.queryId]);
      if (this.result.format) h.push(['X-ClickHouse-Format', this.result.format]);
      h.push(['X-ClickHouse-Timezone', this.result.timezone]);
    }
    h.push(...this.extra);
    for (const [name, value] of this.overrides) {
      const i = h.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
      if (i >= 0) h[i] = [name, value];
      else h.push([name, value]);
    }
    if (this.conn.keepAlive && this.conn.keepAliveHeader) h.push(['Keep-Alive', this.conn.keepAliveHeader]);
    return h;
  }

  /** The tag comes last, with the headers that close the block (finishSendHeaders). */
  private tagHeader(): HeaderList {
    return this.exceptionTag ? [[EXCEPTION_TAG_HEADER, this.exceptionTag]] : [];
  }

  private summary(): [string, string] {
    // A result's rows and bytes are counted when the query ends, after its output is finalized: headers
    // that go out with the body (unless wait_end_of_query held it back) show none; an INSERT's count as it writes.
    const p = this.progress && this.bodyBytes > 0 && !this.options?.waitEndOfQuery ? { ...this.progress, resultRows: 0, resultBytes: 0 } : this.progress;
    return ['X-ClickHouse-Summary', summaryJson(p, this.elapsedNs(), this.style.summaryMemoryUsage ? 0 : undefined)];
  }

  /** finishSendHeaders: the summary (and a late exception code) close the header block. */
  private finishHead(): void {
    if (this.headersFinished) return;
    this.headersFinished = true;
    this.stopProgress();
    if (this.headStarted) {
      const late: HeaderList = [];
      if (this.bodyBytes > 0 && this.options?.encoding) late.push(['Content-Encoding', this.options.encoding]);
      late.push(this.summary());
      if (this.exceptionCode !== undefined) late.push(['X-ClickHouse-Exception-Code', String(this.exceptionCode)]);
      late.push(...this.tagHeader());
      this.sink.endHead(late);
      return;
    }
    const status = this.errorStatus ?? 200;
    const h = this.baseHeaders();
    if (this.exceptionCode !== undefined) h.splice(h.length - (this.conn.keepAlive && this.conn.keepAliveHeader ? 1 : 0), 0, ['X-ClickHouse-Exception-Code', String(this.exceptionCode)]);
    h.push(...this.tagHeader(), this.summary());
    this.sink.writeHead(status, reasonPhrase(status), h);
  }

  private sendProgress(): void {
    if (this.headersFinished || !this.progress || this.sink.gone) return this.stopProgress();
    const key = progressKey(this.progress);
    if (key === this.lastProgress) return;
    this.lastProgress = key;
    if (!this.headStarted) {
      this.headStarted = true;
      this.sink.beginHead(200, reasonPhrase(200), this.baseHeaders());
    }
    // HEAD responses start their headers but carry no progress lines.
    if (!this.conn.head) this.sink.headerLine('X-ClickHouse-Progress', progressHeaderJson(this.progress, this.elapsedNs()));
  }

  private stopProgress(): void {
    if (this.progressTimer) clearInterval(this.progressTimer);
    this.progressTimer = undefined;
  }

  // ------------------------------------------------------------ body

  /** Body bytes, through the configured layers. */
  async send(data: string | Buffer): Promise<void> {
    if (data.length === 0) return;
    const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (this.top) await this.top.write(chunk);
    else await this.writeBody(chunk);
  }

  /** Successful end: an empty body still gets its headers (and no Content-Encoding). */
  async finish(): Promise<void> {
    this.runBeforeEnd();
    this.stopProgress();
    if (this.top) await this.top.end();
    if (!this.headersFinished) this.finishHead();
    await this.sink.end();
  }

  private noteException(err: unknown): void {
    if (this.headersFinished) return;
    const code = errorCode(err);
    this.exceptionCode = code;
    // Once the status line is out (progress headers), it stays 200.
    if (this.headStarted) return;
    this.errorStatus = httpStatusForCode(code);
    // response.requireAuthentication: the browser is to ask for a password.
    if (code === REQUIRED_PASSWORD) this.addHeader('WWW-Authenticate', 'Basic realm="ClickHouse server HTTP API"');
  }

  /**
   * The version error texts name from now on; undefined leaves it out, as
   * 25.12+ does before the user is authenticated (PR #91003).
   */
  showVersionInErrors(version: string | undefined): void {
    this.errorVersion = version;
  }

  /** Whether error texts carry a stack trace (the `stacktrace` URL parameter). */
  includeStackTraces(on: boolean): void {
    this.stackTraces = on;
  }

  /**
   * A format that can state the error itself (JSON family, XML) ends its
   * document with it. `inPlace` continues the document written so far;
   * `fresh` is a whole document for when the held result is thrown away.
   */
  async failInFormat(err: unknown, inPlace: string, fresh: string): Promise<void> {
    this.runBeforeEnd();
    this.stopProgress();
    if (this.sink.gone) return;
    this.noteException(err);
    if (this.delayed && !this.delayed.released) {
      await this.restartLayers();
      await this.send(fresh);
    } else {
      await this.send(inPlace);
    }
    await this.finish();
  }

  /**
   * The exception as ClickHouse reports it over HTTP. Before any body byte:
   * the mapped status, X-ClickHouse-Exception-Code and the text as the body
   * (through the output layers once they exist). After: the text and a
   * newline appended to what was already sent; or, 25.11+, once the status
   * line is out, the tagged block and a broken connection.
   */
  async fail(err: unknown): Promise<void> {
    const text = exceptionText(err, this.errorVersion, this.stackTraces) + '\n';
    this.runBeforeEnd();
    this.stopProgress();
    if (this.sink.gone) return;
    this.noteException(err);
    try {
      if (this.top && this.bodyBytes === 0) await this.restartLayers();
    } catch {
      // The encoder itself failed (bad level, snappy): the text goes out as is.
      this.top = undefined;
    }
    if (this.exceptionTag !== undefined && this.committed) return this.breakOff(exceptionBlock(text, this.exceptionTag));
    await this.send(text);
    await this.finish();
  }

  /** cancelWithException once the answer is under way: the block, flushed through the layers, then no end. */
  private async breakOff(block: Buffer): Promise<void> {
    await this.send(block);
    await this.top?.flush?.();
    await this.sink.abort();
  }
}
