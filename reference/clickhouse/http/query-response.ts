// The query handler's response, modelled on WriteBufferFromHTTPServerResponse:
// headers collect until the first body bytes are flushed, then go out with
// the summary of the progress made so far. Errors before that point become a
// normal error response; errors after it are appended to the stream (the
// ≤24.11 behaviour) and the chunked stream still ends properly.
//
// Every write is awaited, so a slow client slows the query down instead of
// filling memory. Buffering knobs (http_response_buffer_size,
// wait_end_of_query) slot in as a layer in front of `send`.

import type { Progress } from '../../engine/api.ts';
import { errorCode, exceptionText, httpStatusForCode } from '../errors.ts';
import { StreamEncoder, createEncoder } from './compression.ts';
import type { Encoding } from './compression.ts';
import { reasonPhrase } from './status.ts';
import { summaryJson } from './summary.ts';
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

export class QueryResponse {
  private sink: Sink;
  private conn: ConnectionInfo;
  private displayName: string;
  private started = process.hrtime.bigint();
  private headersSent = false;
  private contentType = 'text/plain; charset=UTF-8';
  private result?: ResultHeaders;
  private progress?: Progress;
  private encoding?: Encoding;
  private encoder?: StreamEncoder;
  private level = 3;
  private bytesWritten = 0;
  private beforeEnd: (() => void)[] = [];
  private extra: HeaderList = [];

  constructor(sink: Sink, conn: ConnectionInfo, displayName: string) {
    this.sink = sink;
    this.conn = conn;
    this.displayName = displayName;
  }

  get committed(): boolean {
    return this.headersSent;
  }

  get clientGone(): boolean {
    return this.sink.gone;
  }

  /** Counters read when the headers go out (X-ClickHouse-Summary). */
  trackProgress(progress: Progress): void {
    this.progress = progress;
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

  /** Close after this response: the request body cannot be skipped (e.g. POST with no length). */
  closeConnection(): void {
    this.conn = { ...this.conn, keepAlive: false };
  }

  compressWith(encoding: Encoding, level: number): void {
    this.encoding = encoding;
    this.level = level;
  }

  elapsedNs(): bigint {
    return process.hrtime.bigint() - this.started;
  }

  private headers(extra: HeaderList, withEncoding: boolean): HeaderList {
    const h: HeaderList = [['Date', new Date().toUTCString()]];
    h.push(['Connection', this.conn.keepAlive ? 'Keep-Alive' : 'Close']);
    h.push(['Content-Type', this.contentType]);
    if (withEncoding && this.encoding) h.push(['Content-Encoding', this.encoding]);
    h.push(['X-ClickHouse-Server-Display-Name', this.displayName]);
    if (!this.conn.http10) h.push(['Transfer-Encoding', 'chunked']);
    if (this.result) {
      h.push(['X-ClickHouse-Query-Id', this.result.queryId]);
      if (this.result.format) h.push(['X-ClickHouse-Format', this.result.format]);
      h.push(['X-ClickHouse-Timezone', this.result.timezone]);
    }
    h.push(...this.extra, ...extra);
    if (this.conn.keepAlive && this.conn.keepAliveHeader) h.push(['Keep-Alive', this.conn.keepAliveHeader]);
    h.push(['X-ClickHouse-Summary', summaryJson(this.progress, this.elapsedNs())]);
    return h;
  }

  private commit(status: number, extra: HeaderList, withEncoding: boolean): void {
    this.sink.writeHead(status, reasonPhrase(status), this.headers(extra, withEncoding));
    this.headersSent = true;
  }

  /** Body bytes: the first call commits status 200 and the headers. */
  async send(text: string): Promise<void> {
    if (text.length === 0) return;
    let data: Buffer = Buffer.from(text, 'utf8');
    if (this.encoding) {
      this.encoder ??= new StreamEncoder(createEncoder(this.encoding, this.level));
      data = await this.encoder.push(data);
    }
    if (!this.headersSent) this.commit(200, [], true);
    this.bytesWritten += data.length;
    if (!this.conn.head) await this.sink.write(data);
  }

  /** Successful end: an empty body still gets its headers (and no Content-Encoding). */
  async finish(): Promise<void> {
    this.runBeforeEnd();
    if (this.encoder) {
      const tail = await this.encoder.end();
      this.encoder = undefined;
      if (!this.conn.head) await this.sink.write(tail);
    }
    if (!this.headersSent) this.commit(200, [], false);
    await this.sink.end();
  }

  /**
   * A format that can state the error itself (JSON family) ends its document
   * with it; the status still becomes the error's when nothing was sent yet.
   */
  async failInFormat(err: unknown, documentEnd: string): Promise<void> {
    this.runBeforeEnd();
    if (this.sink.gone) return;
    if (!this.headersSent) {
      const code = errorCode(err);
      this.commit(httpStatusForCode(code), [['X-ClickHouse-Exception-Code', String(code)]], true);
    }
    await this.send(documentEnd);
    await this.finish();
  }

  /**
   * The exception as ClickHouse reports it over HTTP. Before any byte: the
   * mapped status, X-ClickHouse-Exception-Code and the text as the body.
   * After: the text and a newline appended to what was already sent.
   */
  async fail(err: unknown): Promise<void> {
    const text = exceptionText(err) + '\n';
    this.runBeforeEnd();
    if (this.sink.gone) return;
    if (!this.headersSent) {
      const code = errorCode(err);
      this.encoder = undefined;
      this.commit(httpStatusForCode(code), [['X-ClickHouse-Exception-Code', String(code)]], false);
      if (!this.conn.head) await this.sink.write(Buffer.from(text, 'utf8'));
      await this.sink.end();
      return;
    }
    await this.send(text);
    await this.finish();
  }
}
