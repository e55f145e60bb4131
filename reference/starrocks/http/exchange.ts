// One request and its reply, on the raw Node objects (the servers hijack every
// request from fastify, as StarRocks' Netty/libevent servers own their wire).

import type http from 'node:http';
import type { ReplyFault } from './faults.ts';

export interface ReplyOptions {
  contentType?: string;
  headers?: Record<string, string | number | string[]>;
  /** Close the connection after the reply even if the client asked to keep it. */
  close?: boolean;
}

export class Exchange {
  readonly req: http.IncomingMessage;
  readonly res: http.ServerResponse;
  readonly method: string;
  /** Path without the query, percent-encoding kept (FE/BE match raw segments). */
  readonly path: string;
  /** Query string without `?`, as sent ('' when none). */
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  params: Record<string, string> = {};
  /** --faults: how this reply goes out instead (faults.ts); unset for every request without faults. */
  fault?: ReplyFault;
  readonly remoteIp: string;
  readonly startedAt = Date.now();
  private bodyPromise: Promise<Buffer> | undefined;

  constructor(req: http.IncomingMessage, res: http.ServerResponse) {
    this.req = req;
    this.res = res;
    this.method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    this.path = q < 0 ? url : url.slice(0, q);
    this.rawQuery = q < 0 ? '' : url.slice(q + 1);
    this.query = new URLSearchParams(this.rawQuery);
    const ip = req.socket?.remoteAddress ?? '127.0.0.1';
    this.remoteIp = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  }

  /** getSingleParameter: a path variable, else the first query value. */
  param(name: string): string | undefined {
    const p = this.params[name];
    if (p !== undefined) return safeDecode(p);
    return this.query.get(name) ?? undefined;
  }

  header(name: string): string | undefined {
    const v = this.req.headers[name.toLowerCase()];
    if (Array.isArray(v)) return v[0];
    return v;
  }

  /** Whether the client keeps the connection (Netty's HttpUtil.isKeepAlive). */
  clientKeepsAlive(): boolean {
    const conn = (this.header('connection') ?? '').toLowerCase();
    if (conn.includes('close')) return false;
    if (this.req.httpVersion === '1.0') return conn.includes('keep-alive');
    return true;
  }

  expectsContinue(): boolean {
    return (this.header('expect') ?? '').toLowerCase() === '100-continue';
  }

  /** The whole request body (read once). */
  body(): Promise<Buffer> {
    this.bodyPromise ??= (async () => {
      const chunks: Buffer[] = [];
      for await (const c of this.req) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    })();
    return this.bodyPromise;
  }

  get replied(): boolean {
    return this.res.headersSent || this.res.writableEnded;
  }

  /** Send a complete reply with Content-Length. */
  send(status: number, body: string | Buffer, opts: ReplyOptions = {}): void {
    if (this.replied) return;
    const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const res = this.res;
    res.statusCode = status;
    if (opts.contentType !== undefined) res.setHeader('Content-Type', opts.contentType);
    for (const [k, v] of Object.entries(opts.headers ?? {})) res.setHeader(k, v);
    res.setHeader('Content-Length', buf.length);
    if (opts.close) res.setHeader('Connection', 'close');
    const out = this.method === 'HEAD' ? undefined : buf;
    if (this.fault) this.fault.reply(res, out);
    else res.end(out);
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
