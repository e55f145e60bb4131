// A strict reader of the bytes a server wrote on one connection: HTTP/1.x
// responses one after another, each framed exactly one way (Content-Length,
// chunked with a proper last chunk, or the connection's close). It says what
// is wrong rather than guessing, because a lenient client (curl, undici)
// hides exactly the framing bugs fuzzing is after.

export interface WireResponse {
  version: '1.0' | '1.1';
  status: number;
  reason: string;
  /** Header lines in order, names as sent. */
  headers: [string, string][];
  body: Buffer;
  framing: 'length' | 'chunked' | 'close' | 'none';
  /** The body was cut by the connection's close (a chunked or length body without its end). */
  truncated: boolean;
}

export interface WireReading {
  responses: WireResponse[];
  /** The first thing that is not HTTP as a server must write it; undefined when all bytes are well-formed. */
  error?: string;
  /** Bytes of a response whose head is not complete yet (only meaningful while the connection is open). */
  pending: boolean;
}

const STATUS_LINE = /^HTTP\/1\.([01]) ([1-5]\d\d) ([\t \x21-\x7e\x80-\xff]*)$/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FIELD_VALUE = /^[\t \x21-\x7e\x80-\xff]*$/;

export function header(r: WireResponse, name: string): string | undefined {
  const n = name.toLowerCase();
  return r.headers.find(([k]) => k.toLowerCase() === n)?.[1];
}

export function headerValues(r: WireResponse, name: string): string[] {
  const n = name.toLowerCase();
  return r.headers.filter(([k]) => k.toLowerCase() === n).map(([, v]) => v);
}

function closes(r: WireResponse): boolean {
  const c = (header(r, 'connection') ?? '').toLowerCase();
  if (c.split(',').some((t) => t.trim() === 'close')) return true;
  return r.version === '1.0' && !c.split(',').some((t) => t.trim() === 'keep-alive');
}

/**
 * Reads `data` as everything a server wrote so far. `closed`: the server
 * closed the connection after these bytes. `heads`: for each response, whether
 * its request was HEAD (no body whatever the headers say), in order.
 */
export function readResponses(data: Buffer, closed: boolean, heads: boolean[] = []): WireReading {
  const responses: WireResponse[] = [];
  let at = 0;
  let finals = 0;
  const fail = (error: string): WireReading => ({ responses, error, pending: false });
  while (at < data.length) {
    const previous = responses[responses.length - 1];
    if (previous && previous.status >= 200 && (previous.framing === 'close' || closes(previous))) {
      return fail(`${data.length - at} bytes after a response that ended the connection (${previous.status}${previous.framing === 'close' ? ', delimited by close' : ', Connection: close'}): ${preview(data, at)}`);
    }
    const headEnd = data.indexOf('\r\n\r\n', at, 'latin1');
    if (headEnd < 0) {
      if (closed) return fail(`the connection closed inside a response head: ${preview(data, at)}`);
      return { responses, pending: true };
    }
    const lines = data.subarray(at, headEnd).toString('latin1').split('\r\n');
    if (lines.some((l) => l.includes('\n') || l.includes('\r'))) return fail(`a bare CR or LF in a response head: ${preview(data, at)}`);
    const m = STATUS_LINE.exec(lines[0]!);
    if (!m) return fail(`not a status line: ${JSON.stringify(lines[0]!.slice(0, 120))}`);
    const headers: [string, string][] = [];
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon <= 0) return fail(`not a header line: ${JSON.stringify(line.slice(0, 120))}`);
      const name = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
      if (!TOKEN.test(name)) return fail(`a header name that is not a token: ${JSON.stringify(name.slice(0, 80))}`);
      if (!FIELD_VALUE.test(value)) return fail(`a control character in header ${name}`);
      headers.push([name, value]);
    }
    const status = Number(m[2]);
    const r: WireResponse = { version: m[1] === '0' ? '1.0' : '1.1', status, reason: m[3]!, headers, body: Buffer.alloc(0), framing: 'none', truncated: false };
    at = headEnd + 4;
    const te = headerValues(r, 'transfer-encoding');
    const cl = headerValues(r, 'content-length');
    if (te.length > 0 && cl.length > 0) return fail(`both Transfer-Encoding and Content-Length (status ${status})`);
    if (te.length > 1) return fail('more than one Transfer-Encoding header');
    if (cl.length > 1 && new Set(cl).size > 1) return fail(`conflicting Content-Length headers: ${cl.join(', ')}`);
    if (te.length === 1 && te[0]!.toLowerCase() !== 'chunked') return fail(`Transfer-Encoding ${te[0]} (only chunked is framing a client can read)`);
    if (r.version === '1.0' && te.length > 0) return fail('chunked framing in an HTTP/1.0 response');
    const interim = status >= 100 && status < 200;
    const isHead = !interim && (heads[finals] ?? false);
    const bodiless = interim || status === 204 || status === 304 || isHead;
    if (bodiless) {
      if (interim && (te.length > 0 || cl.length > 0)) return fail(`framing headers on an interim ${status} response`);
      r.framing = 'none';
    } else if (te.length === 1) {
      r.framing = 'chunked';
      const chunks: Buffer[] = [];
      for (;;) {
        const eol = data.indexOf('\r\n', at, 'latin1');
        if (eol < 0) {
          if (!closed) return { responses, pending: true };
          r.truncated = true;
          break;
        }
        const sizeText = data.subarray(at, eol).toString('latin1');
        if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText)) return fail(`not a chunk size: ${preview(data, at)}`);
        const size = parseInt(sizeText, 16);
        at = eol + 2;
        if (size === 0) {
          // Trailer lines, then the empty line that ends the message.
          for (;;) {
            const end = data.indexOf('\r\n', at, 'latin1');
            if (end < 0) {
              if (!closed) return { responses, pending: true };
              return fail('the connection closed inside the last chunk\'s trailer');
            }
            const trailer = data.subarray(at, end).toString('latin1');
            at = end + 2;
            if (trailer === '') break;
            if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+:/.test(trailer)) return fail(`not a trailer line: ${JSON.stringify(trailer.slice(0, 80))}`);
          }
          break;
        }
        if (at + size + 2 > data.length) {
          if (!closed) return { responses, pending: true };
          chunks.push(data.subarray(at, Math.min(data.length, at + size)));
          at = data.length;
          r.truncated = true;
          break;
        }
        chunks.push(data.subarray(at, at + size));
        if (data.toString('latin1', at + size, at + size + 2) !== '\r\n') return fail(`chunk data not followed by CRLF: ${preview(data, at + size)}`);
        at += size + 2;
      }
      r.body = Buffer.concat(chunks);
    } else if (cl.length > 0) {
      if (!/^\d{1,15}$/.test(cl[0]!)) return fail(`Content-Length ${JSON.stringify(cl[0])}`);
      r.framing = 'length';
      const n = Number(cl[0]);
      if (at + n > data.length) {
        if (!closed) return { responses, pending: true };
        r.body = data.subarray(at);
        r.truncated = true;
        at = data.length;
      } else {
        r.body = data.subarray(at, at + n);
        at += n;
      }
    } else {
      // Neither: the body runs to the close, so nothing can follow it.
      if (!closed) return { responses, pending: true };
      r.framing = 'close';
      r.body = data.subarray(at);
      at = data.length;
      const inner = /HTTP\/1\.[01] [1-5]\d\d /.exec(r.body.toString('latin1'));
      if (inner) return fail(`a close-delimited ${status} body holds another status line at byte ${inner.index}: ${preview(r.body, inner.index)}`);
    }
    responses.push(r);
    if (!interim) finals++;
  }
  return { responses, pending: false };
}

function preview(data: Buffer, at: number): string {
  return JSON.stringify(data.subarray(at, at + 100).toString('latin1'));
}

/** Whether the server must close after the last response it wrote. */
export function endsConnection(r: WireResponse): boolean {
  return r.framing === 'close' || closes(r);
}
