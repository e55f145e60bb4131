// The fixed answers: `/` and `/ping` (Ok.), `/replicas_status` (no
// replicated tables here, so always Ok.), the 404 page, and the bare
// connection-level errors (501 for unknown methods, 400 for oversized URIs).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { compressBuffer, type SnappyFormat } from '../../../lib/compression/http-codecs.ts';
import { chooseResponseEncodingBy, type AcceptEncodingRule } from '../../../lib/compression/http-methods.ts';
import { notFoundBody } from '../routes.ts';
import { describeConnection } from '../http/connection.ts';
import { NodeResponseSink, RawSocketSink } from '../http/sink.ts';
import type { HeaderList, Sink } from '../http/sink.ts';
import { reasonPhrase } from '../http/status.ts';
import { firstParam, parseQueryString } from '../url-params.ts';
import { exceptionText } from '../errors.ts';

export const HTML = 'text/html; charset=UTF-8';

export interface SimpleResponse {
  status: number;
  body: string | Buffer;
  contentType?: string;
  /** Content-Length instead of chunked framing (Poco's sendBuffer). */
  fixedLength?: boolean;
  /** Poco's send() without length or chunking: the body ends with the connection. */
  closeAfter?: boolean;
  /** StaticRequestHandler compresses by Accept-Encoding alone, at level 1. */
  compressible?: boolean;
  /** How the emulated version reads Accept-Encoding, writes snappy and says Vary; 24.8's when absent. */
  codecs?: StaticCodecs;
  /** http_response_headers of a handler rule: each replaces a header of the same name (Poco's set). */
  headers?: HeaderList;
}

function setHeaders(h: HeaderList, overrides: HeaderList): void {
  for (const [name, value] of overrides) {
    const i = h.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (i >= 0) h[i] = [name, value];
    else h.push([name, value]);
  }
}

export interface StaticCodecs {
  acceptEncoding: AcceptEncodingRule;
  snappy: SnappyFormat;
  varyAcceptEncoding: boolean;
}

/** The static handlers' encoding: any method Accept-Encoding accepts; snappy only where the version can write it. */
async function staticEncoding(req: IncomingMessage, body: Buffer, codecs: SimpleResponse['codecs']): Promise<{ name?: string; body: Buffer }> {
  const accept = req.headers['accept-encoding'];
  const { acceptEncoding, snappy } = codecs ?? { acceptEncoding: 'substring', snappy: 'hadoop' };
  const method = chooseResponseEncodingBy(acceptEncoding, Array.isArray(accept) ? accept[0] : accept);
  if (!method || (method === 'snappy' && snappy !== 'framed') || body.length === 0) return { body };
  return { name: method, body: await compressBuffer(method, body, { level: 1, snappy }) };
}

export async function respond(req: IncomingMessage, res: ServerResponse, r: SimpleResponse): Promise<void> {
  const conn = describeConnection(req);
  const head = req.method === 'HEAD';
  const close = conn.http10 || r.closeAfter === true || !conn.keepAlive;
  // Without framing the body runs until the connection closes, as Poco does for send() without a length.
  if (r.closeAfter) res.useChunkedEncodingByDefault = false;
  const sink: Sink = conn.http10 ? new RawSocketSink(req.socket, conn.version, head) : new NodeResponseSink(res);
  const h: HeaderList = [['Date', new Date().toUTCString()], ['Connection', close ? 'Close' : 'Keep-Alive']];
  if (r.contentType) h.push(['Content-Type', r.contentType]);
  if (r.headers) setHeaders(h, r.headers);
  const raw = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  const encoded = r.compressible ? await staticEncoding(req, raw, r.codecs) : { body: raw };
  const body = encoded.body;
  const framing: [string, string] | undefined = r.fixedLength ? ['Content-Length', String(body.length)]
    : !conn.http10 && !r.closeAfter ? ['Transfer-Encoding', 'chunked'] : undefined;
  if (r.compressible && r.codecs?.varyAcceptEncoding) {
    // 26.7's order: the framing, Vary (whatever was chosen), then Content-Encoding.
    if (framing) h.push(framing);
    h.push(['Vary', 'Accept-Encoding']);
    if (encoded.name) h.push(['Content-Encoding', encoded.name]);
  } else {
    if (encoded.name) h.push(['Content-Encoding', encoded.name]);
    if (framing) h.push(framing);
  }
  if (!close) h.push(['Keep-Alive', conn.keepAliveHeader]);
  sink.writeHead(r.status, reasonPhrase(r.status), h);
  if (!head) await sink.write(body);
  await sink.end();
}

/** `headers`: a rule's http_response_headers when a <http_handlers> rule binds the handler to its own URL. */
export function handleRoot(req: IncomingMessage, res: ServerResponse, defaultResponse: string, headers: HeaderList = [],
  codecs?: StaticCodecs): Promise<void> {
  return respond(req, res, { status: 200, body: defaultResponse, contentType: HTML, compressible: true, headers, ...(codecs ? { codecs } : {}) });
}

export function handlePing(req: IncomingMessage, res: ServerResponse, headers: HeaderList = [], codecs?: StaticCodecs): Promise<void> {
  return respond(req, res, { status: 200, body: 'Ok.\n', contentType: HTML, compressible: true, headers, ...(codecs ? { codecs } : {}) });
}

/** No Replicated*MergeTree tables exist, so every replica is fine; verbose lists none. */
export function handleReplicasStatus(req: IncomingMessage, res: ServerResponse, version: string, headers: HeaderList = []): Promise<void> {
  let params;
  try {
    params = parseQueryString(req.url ?? '');
  } catch (err) {
    // ReplicasStatusHandler catches what HTMLForm throws and sends it as a 500, a line of text.
    return respond(req, res, { status: 500, body: `${exceptionText(err, version)}\n`, closeAfter: true });
  }
  const verbose = firstParam(params, 'verbose');
  const isVerbose = verbose !== undefined && verbose !== '' && verbose !== '0';
  return isVerbose
    ? respond(req, res, { status: 200, body: '', headers })
    : respond(req, res, { status: 200, body: 'Ok.\n', fixedLength: true, headers });
}

export function handleNotFound(req: IncomingMessage, res: ServerResponse, hints = true): Promise<void> {
  return respond(req, res, { status: 404, body: notFoundBody(req.url ?? '', hints), closeAfter: true });
}

/** What HTTPServerConnection::sendErrorResponse writes: status line, Connection: Close, nothing else. */
export function sendBareError(res: ServerResponse, status: number, message?: string): Promise<void> {
  res.sendDate = false;
  res.useChunkedEncodingByDefault = false;
  // HTTPServerConnection::sendErrorResponse: the parser's message as text/plain when there is one (PR #98268).
  const headers = message === undefined ? ['Connection', 'Close']
    : ['Connection', 'Close', 'Content-Length', String(Buffer.byteLength(message)), 'Content-Type', 'text/plain'];
  res.writeHead(status, reasonPhrase(status), headers);
  return new Promise((resolve) => res.end(message ?? '', () => resolve()));
}

/** The same bytes for a request Node could not even parse (e.g. a request line over the size limit). */
export function sendBareErrorToSocket(socket: Socket, status: number): void {
  if (socket.destroyed || !socket.writable) return;
  socket.end(`HTTP/1.1 ${status} ${reasonPhrase(status)}\r\nConnection: Close\r\n\r\n`);
}
