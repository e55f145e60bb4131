// The suite's only way to talk to a target: one HTTP request, the whole answer
// kept as raw bytes so that Then-steps can check it to the byte.

import { Agent, FormData } from 'undici';

export interface HttpResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ", " as HTTP allows. */
  headers: Record<string, string>;
  /** Every value of every header, repeats kept apart (X-ClickHouse-Progress comes many times). */
  headerLists?: Record<string, string[]>;
  body: Buffer;
  /**
   * The connection closed before the body ended (a chunked body without its
   * last chunk): what came is in `body`. Servers since 24.11 end an answer so
   * when an error follows data they already sent.
   */
  cutOff?: boolean;
}

export interface HttpRequest {
  method: string;
  /** Path and query string exactly as they go on the wire, e.g. `/?query=SELECT%201`. */
  path: string;
  headers?: Record<string, string>;
  /** Bytes as given, or a multipart form (undici sets its Content-Type with the boundary). */
  body?: Buffer | FormData;
  /** Aborting closes the connection, as a client that goes away does. */
  signal?: AbortSignal;
}

// One pool for the whole run; keep-alive as real clients use it.
const agent = new Agent({ keepAliveTimeout: 1000, connections: 8 });
// HTTPS targets serve throwaway self-signed certificates: the scenarios are about
// the protocol, not about the certificate chain.
const tlsAgent = new Agent({ keepAliveTimeout: 1000, connections: 4, connect: { rejectUnauthorized: false } });

export async function sendHttp(baseUrl: string, req: HttpRequest): Promise<HttpResponse> {
  const url = new URL(baseUrl);
  // The dispatcher takes the path as written; undici's request() would parse it
  // as a URL and drop the empty query string of `/?`.
  const res = await (url.protocol === 'https:' ? tlsAgent : agent).request({
    origin: url.origin,
    path: url.pathname.replace(/\/$/, '') + req.path,
    method: req.method as 'GET',
    headers: req.headers ?? {},
    ...(req.body !== undefined ? { body: req.body } : {}),
    ...(req.signal ? { signal: req.signal } : {}),
    headersTimeout: 60_000,
    bodyTimeout: 60_000,
  });
  const { body, cutOff } = req.method === 'HEAD' ? { body: Buffer.alloc(0), cutOff: false } : await readBody(res.body);
  if (req.method === 'HEAD') await res.body.dump();
  const headers: Record<string, string> = {};
  const headerLists: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    headers[name.toLowerCase()] = values.join(', ');
    headerLists[name.toLowerCase()] = values;
  }
  return { status: res.statusCode, headers, headerLists, body, ...(cutOff ? { cutOff } : {}) };
}

/** The whole body, or as much as came before the server closed the connection mid-body. */
async function readBody(stream: AsyncIterable<Buffer>): Promise<{ body: Buffer; cutOff: boolean }> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
    return { body: Buffer.concat(chunks), cutOff: false };
  } catch (err) {
    if ((err as { code?: string }).code !== 'UND_ERR_SOCKET') throw err;
    return { body: Buffer.concat(chunks), cutOff: true };
  }
}

/** Basic credentials for a target, or none for the passwordless default user. */
export function basicAuth(user: string, password: string): Record<string, string> {
  if (user === 'default' && password === '') return {};
  return { authorization: basicAuthorization(user, password) };
}

export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export async function closeHttp(): Promise<void> {
  await Promise.all([agent.close(), tlsAgent.close()]);
}
