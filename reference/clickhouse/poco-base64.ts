// Base64 as Poco's Base64Decoder reads it (HTTPBasicCredentials decodes the
// Authorization header with it): whitespace is skipped, '=' counts as a zero
// digit anywhere, input is read in groups of four, a lone trailing digit is
// dropped, a group cut after two or three digits is padded (BASE64_NO_PADDING,
// as 26.7 answers), and any other character throws
// DataFormatException, which ClickHouse answers as POCO_EXCEPTION (1000).
// Node's Buffer.from(…, 'base64') skips bad characters instead.

import { PocoError } from './errors.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));
VALUE.set('=', 0);

export function decodePocoBase64(text: string): Buffer {
  const chars = [...text].filter((c) => c !== ' ' && c !== '\r' && c !== '\t' && c !== '\n');
  const out: number[] = [];
  const bad = () => new PocoError('Bad data format');
  for (let i = 0; i < chars.length; i += 4) {
    const group = chars.slice(i, i + 4);
    if (VALUE.get(group[0]!) === undefined) throw bad();
    if (group.length < 2) break;
    if (VALUE.get(group[1]!) === undefined) throw bad();
    // HTTPBasicCredentials decodes with BASE64_NO_PADDING: a group cut short is padded, not refused.
    while (group.length < 4) group.push('=');
    if (VALUE.get(group[2]!) === undefined || VALUE.get(group[3]!) === undefined) throw bad();
    const [a, b, c, d] = group.map((x) => VALUE.get(x)!) as [number, number, number, number];
    const bytes = [((a << 2) | (b >> 4)) & 0xff, (((b & 0x0f) << 4) | (c >> 2)) & 0xff, ((c << 6) | d) & 0xff];
    out.push(...bytes.slice(0, group[2] === '=' ? 1 : group[3] === '=' ? 2 : 3));
  }
  return Buffer.from(out);
}
