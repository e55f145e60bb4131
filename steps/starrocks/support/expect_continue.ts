// A request the way `curl -H "Expect: 100-continue" -T file` sends it: headers
// first, the body only after the server said `100 Continue`. A StarRocks FE
// never says it (it answers 307 at once and closes), a BE does. Like curl, the
// body goes anyway if the server says nothing for a second, so a silent server
// cannot hang the suite. undici refuses the Expect header, hence node:http.

import { request as httpRequest } from 'node:http';
import type { HttpResponse } from '../../support/http.ts';

const CURL_EXPECT_WAIT_MS = 1000;

export interface ExpectContinueResponse extends HttpResponse {
  /** Whether the server sent `100 Continue` before its answer. */
  sawContinue: boolean;
  /** Whether the body went out before the answer came. */
  bodySent: boolean;
}

export function sendExpectContinue(url: string, method: string, headers: Record<string, string>, body: Buffer,
  localAddress?: string): Promise<ExpectContinueResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    let sawContinue = false;
    let bodySent = false;
    const req = httpRequest({
      protocol: target.protocol,
      hostname: target.hostname.replace(/^\[|\]$/g, ''),
      port: target.port || 80,
      path: `${target.pathname}${target.search}`,
      method,
      agent: false,
      headers: { ...headers, expect: '100-continue', 'content-length': String(body.length) },
      ...(localAddress ? { localAddress } : {}),
    });
    const sendBody = () => {
      if (bodySent) return;
      bodySent = true;
      clearTimeout(fallback);
      req.end(body);
    };
    const fallback = setTimeout(sendBody, CURL_EXPECT_WAIT_MS);
    req.on('continue', () => {
      sawContinue = true;
      sendBody();
    });
    req.on('response', (res) => {
      clearTimeout(fallback);
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const out: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
        // An answer before the body means the body is not wanted: drop the connection like curl does.
        if (!bodySent) req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks), sawContinue, bodySent });
      });
      res.on('error', reject);
    });
    req.on('error', (err) => {
      clearTimeout(fallback);
      reject(err);
    });
    req.flushHeaders();
  });
}
