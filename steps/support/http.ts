// The suite's only way to talk to a target: one HTTP request, the whole answer
// kept as raw bytes so that Then-steps can check it to the byte.

import { Agent } from 'undici';

export interface HttpResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ", " as HTTP allows. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface HttpRequest {
  method: string;
  /** Path and query string exactly as they go on the wire, e.g. `/?query=SELECT%201`. */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

// One pool for the whole run; keep-alive as real clients use it.
const agent = new Agent({ keepAliveTimeout: 1000, connections: 8 });

export async function sendHttp(baseUrl: string, req: HttpRequest): Promise<HttpResponse> {
  const url = new URL(baseUrl);
  // The dispatcher takes the path as written; undici's request() would parse it
  // as a URL and drop the empty query string of `/?`.
  const res = await agent.request({
    origin: url.origin,
    path: url.pathname.replace(/\/$/, '') + req.path,
    method: req.method as 'GET',
    headers: req.headers ?? {},
    ...(req.body !== undefined ? { body: req.body } : {}),
    headersTimeout: 60_000,
    bodyTimeout: 60_000,
  });
  const body = req.method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(await res.body.arrayBuffer());
  if (req.method === 'HEAD') await res.body.dump();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { status: res.statusCode, headers, body };
}

/** Basic credentials for a target, or none for the passwordless default user. */
export function basicAuth(user: string, password: string): Record<string, string> {
  if (user === 'default' && password === '') return {};
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

export async function closeHttp(): Promise<void> {
  await agent.close();
}
