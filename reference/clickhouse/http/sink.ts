// Where response bytes go. HTTP/1.1 responses use Node's ServerResponse (it
// owns keep-alive and chunked framing), with headers passed as a raw list so
// they keep ClickHouse's capitalisation and order. HTTP/1.0 responses are
// written straight to the socket, because Node would answer `HTTP/1.1` in the
// status line where Poco echoes the request's `HTTP/1.0`.

import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Writable } from 'node:stream';

export type HeaderList = [string, string][];

function headerText(headers: HeaderList): string {
  return headers.map(([k, v]) => `${k}: ${v}\r\n`).join('');
}

export interface Sink {
  writeHead(status: number, reason: string, headers: HeaderList): void;
  /**
   * The status line and the headers known so far, leaving the header block
   * open for more lines (X-ClickHouse-Progress). endHead closes it.
   */
  beginHead(status: number, reason: string, headers: HeaderList): void;
  headerLine(name: string, value: string): void;
  endHead(headers: HeaderList): void;
  /** Resolves once the bytes are accepted (after 'drain' when the peer is slow). */
  write(chunk: Buffer): Promise<void>;
  end(): Promise<void>;
  /**
   * Close the connection after what was written, leaving the body unended (no
   * last chunk), so that the client sees the answer broken off.
   */
  abort(): Promise<void>;
  /** True once the connection is closed; further writes are dropped. */
  readonly gone: boolean;
  /**
   * Told once when the client goes away: the connection closes, or the client
   * half-closes it (FIN), which ClickHouse takes as leaving for
   * cancel_http_readonly_queries_on_client_close, while an answer still goes
   * out whole to a client that only half-closed.
   */
  onGone(listener: () => void): void;
}

function waitDrain(emitter: NodeJS.EventEmitter, gone: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (gone()) return resolve();
    const done = (): void => {
      emitter.off('drain', done);
      emitter.off('close', done);
      resolve();
    };
    emitter.on('drain', done);
    emitter.on('close', done);
  });
}

/** What both sinks share: the peer's going away, told once, and body bytes that stop then. */
abstract class StreamSink {
  private isGone = false;
  private told = false;
  private listeners: (() => void)[] = [];

  protected markGone(): void {
    this.isGone = true;
    this.tellGone();
  }

  protected tellGone(): void {
    if (this.told) return;
    this.told = true;
    for (const l of this.listeners) l();
  }

  /** Listens for the client's FIN on `socket` until `done` (a keep-alive socket outlives many answers). */
  protected watchPeerEnd(socket: Socket | null, done: NodeJS.EventEmitter): void {
    if (!socket) return;
    if (socket.readableEnded) return this.tellGone();
    const ended = (): void => this.tellGone();
    socket.once('end', ended);
    done.once('close', () => socket.off('end', ended));
  }

  get gone(): boolean {
    return this.isGone;
  }

  onGone(listener: () => void): void {
    this.listeners.push(listener);
  }

  protected async writeTo(out: Writable, chunk: Buffer): Promise<void> {
    if (this.isGone || chunk.length === 0) return;
    if (!out.write(chunk)) await waitDrain(out, () => this.isGone);
  }

  protected closeSocket(socket: Socket | null): Promise<void> {
    return new Promise((resolve) => {
      if (this.isGone || !socket || socket.destroyed) return resolve();
      socket.end(() => resolve());
    });
  }

  protected endOf(out: Writable): Promise<void> {
    return new Promise((resolve) => {
      if (this.isGone) return resolve();
      out.end(() => resolve());
    });
  }
}

export class NodeResponseSink extends StreamSink implements Sink {
  private res: ServerResponse;

  constructor(res: ServerResponse) {
    super();
    this.res = res;
    res.sendDate = false;
    res.on('close', () => {
      if (!res.writableFinished) this.markGone();
    });
    if (res.socket) this.watchPeerEnd(res.socket, res);
    else res.once('socket', (socket: Socket) => this.watchPeerEnd(socket, res));
  }

  writeHead(status: number, reason: string, headers: HeaderList): void {
    this.res.writeHead(status, reason, headers.flat());
  }

  private begun?: { status: number; reason: string; headers: HeaderList };

  // Node cannot send headers in pieces, so the first part goes out raw on the
  // response's own output path (which keeps it ordered with the body), and
  // writeHead later still sets up framing and keep-alive, but only the lines
  // not yet sent remain in the header text Node prepends to the body.
  beginHead(status: number, reason: string, headers: HeaderList): void {
    this.begun = { status, reason, headers };
    this.raw(`HTTP/1.1 ${status} ${reason}\r\n${headerText(headers)}`);
  }

  headerLine(name: string, value: string): void {
    this.raw(headerText([[name, value]]));
  }

  endHead(headers: HeaderList): void {
    const b = this.begun;
    if (!b) return this.writeHead(200, 'OK', headers);
    this.res.writeHead(b.status, b.reason, [...b.headers, ...headers].flat());
    (this.res as unknown as { _header: string })._header = `${headerText(headers)}\r\n`;
  }

  private raw(text: string): void {
    if (this.gone) return;
    (this.res as unknown as { _writeRaw(data: string, encoding: string): boolean })._writeRaw(text, 'latin1');
  }

  write(chunk: Buffer): Promise<void> {
    return this.writeTo(this.res, chunk);
  }

  end(): Promise<void> {
    return this.endOf(this.res);
  }

  abort(): Promise<void> {
    return this.closeSocket(this.res.socket);
  }
}

export class RawSocketSink extends StreamSink implements Sink {
  private socket: Socket;
  private version: string;
  private head = false;

  constructor(socket: Socket, version: string, head: boolean) {
    super();
    this.socket = socket;
    this.version = version;
    this.head = head;
    socket.on('close', () => this.markGone());
    this.watchPeerEnd(socket, socket);
  }

  writeHead(status: number, reason: string, headers: HeaderList): void {
    this.socket.write(`HTTP/${this.version} ${status} ${reason}\r\n${headerText(headers)}\r\n`);
  }

  beginHead(status: number, reason: string, headers: HeaderList): void {
    this.socket.write(`HTTP/${this.version} ${status} ${reason}\r\n${headerText(headers)}`);
  }

  headerLine(name: string, value: string): void {
    this.socket.write(headerText([[name, value]]));
  }

  endHead(headers: HeaderList): void {
    this.socket.write(`${headerText(headers)}\r\n`);
  }

  async write(chunk: Buffer): Promise<void> {
    // A HEAD answer has no body, whatever the query wrote.
    if (this.head) return;
    return this.writeTo(this.socket, chunk);
  }

  end(): Promise<void> {
    return this.endOf(this.socket);
  }

  abort(): Promise<void> {
    return this.closeSocket(this.socket);
  }
}
