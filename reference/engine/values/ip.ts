// IPv4 and IPv6 values and their text. IPv4 is a UInt32 (number); IPv6 is 16
// bytes kept as 32 lower-case hex digits, so string order is byte order, as
// ClickHouse compares them. Text follows ClickHouse's formatIPv6: the longest
// run of two or more zero groups becomes `::`, and IPv4-mapped addresses end in
// dotted form.

export function parseIPv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

export function formatIPv4(v: number): string {
  return `${(v >>> 24) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

/** IPv6 text (with `::` and a dotted tail), or an IPv4 address as its mapped form. */
export function parseIPv6(text: string): string | undefined {
  const v4 = parseIPv4(text);
  if (v4 !== undefined) return `00000000000000000000ffff${v4.toString(16).padStart(8, '0')}`;
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let groups: string[];
  let tail: number[] = [];
  let body = text;
  const dotted = /(?:^|:)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(body);
  if (dotted) {
    const ip = parseIPv4(dotted[1]!);
    if (ip === undefined) return undefined;
    tail = [ip >>> 16, ip & 0xffff];
    body = body.slice(0, body.length - dotted[1]!.length);
    if (body.endsWith(':') && !body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const split = (s: string): string[] | undefined => {
    if (s === '') return [];
    const g = s.split(':');
    return g.every((x) => /^[0-9a-fA-F]{1,4}$/.test(x)) ? g : undefined;
  };
  const head = split(halves[0]!);
  const rest = halves.length === 2 ? split(halves[1]!) : [];
  if (!head || !rest) return undefined;
  const words = [...head, ...rest].map((x) => parseInt(x, 16)).concat(tail);
  if (halves.length === 2) {
    const missing = 8 - words.length;
    if (missing < 1) return undefined;
    groups = [...head.map((x) => parseInt(x, 16)), ...new Array<number>(missing).fill(0),
      ...rest.map((x) => parseInt(x, 16)), ...tail].map((w) => w.toString(16).padStart(4, '0'));
  } else {
    if (words.length !== 8) return undefined;
    groups = words.map((w) => w.toString(16).padStart(4, '0'));
  }
  return groups.join('');
}

export function formatIPv6(hex: string): string {
  const words = Array.from({ length: 8 }, (_, i) => parseInt(hex.slice(i * 4, i * 4 + 4), 16));
  let best = { base: -1, len: 0 };
  let cur = { base: -1, len: 0 };
  for (let i = 0; i < 8; i++) {
    if (words[i] === 0) {
      if (cur.base === -1) cur = { base: i, len: 1 };
      else cur.len++;
      if (cur.len > best.len) best = { ...cur };
    } else cur = { base: -1, len: 0 };
  }
  if (best.len < 2) best = { base: -1, len: 0 };
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (best.base !== -1 && i >= best.base && i < best.base + best.len) {
      if (i === best.base) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    // An IPv4-compatible or IPv4-mapped address ends in dotted form.
    if (i === 6 && best.base === 0 && (best.len === 6 || (best.len === 5 && words[5] === 0xffff))) {
      out += `${words[6]! >> 8}.${words[6]! & 255}.${words[7]! >> 8}.${words[7]! & 255}`;
      break;
    }
    out += words[i]!.toString(16);
  }
  if (best.base !== -1 && best.base + best.len === 8) out += ':';
  return out;
}
