// Some behaviour is only visible below a client library: HTTP/1.0 answers,
// `Connection: Close`, a request line too long for any sane client. This sends
// bytes as written and reads the answer until the server closes the connection.

import { connect } from 'node:net';
import type { HttpResponse } from './http.ts';

export interface RawResponse extends HttpResponse {
  statusLine: string;
  /** Header lines in wire order, as sent. */
  headerLines: string[];
}

export function sendRaw(baseUrl: string, bytes: Buffer, timeoutMs = 30_000): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 80) });
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no end of response within ${timeoutMs} ms`)));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (err) => {
      // A server may reset a connection it refused after answering; what arrived still counts.
      if (chunks.length > 0 && (err as NodeJS.ErrnoException).code === 'ECONNRESET') socket.emit('end');
      else reject(err);
    });
    socket.on('end', () => {
      try {
        resolve(parseRawResponse(Buffer.concat(chunks)));
      } catch (err) {
        reject(err);
      }
      socket.destroy();
    });
    socket.write(bytes, () => socket.end());
  });
}

export function parseRawResponse(raw: Buffer): RawResponse {
  const headEnd = raw.indexOf('\r\n\r\n');
  if (headEnd < 0) throw new Error(`no complete response head in ${raw.length} bytes: ${JSON.stringify(raw.toString('latin1').slice(0, 200))}`);
  const [statusLine = '', ...headerLines] = raw.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = /^HTTP\/\d\.\d (\d{3})/.exec(statusLine);
  if (!status) throw new Error(`not an HTTP status line: ${JSON.stringify(statusLine)}`);
  const headers: Record<string, string> = {};
  const headerLists: Record<string, string[]> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    (headerLists[name] ??= []).push(value);
  }
  let body = raw.subarray(headEnd + 4);
  if (/\bchunked\b/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  return { statusLine, headerLines, status: Number(status[1]), headers, headerLists, body };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
