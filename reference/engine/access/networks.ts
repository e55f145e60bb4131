// <networks> matching: is a client address among a user's allowed hosts?

import { isIP } from 'node:net';

/** 16 bytes of an IPv4 (mapped) or IPv6 address, or undefined when unparsable. */
function toBytes(address: string): number[] | undefined {
  let a = address.replace(/^\[|\]$/g, '');
  const zone = a.indexOf('%');
  if (zone >= 0) a = a.slice(0, zone);
  if (isIP(a) === 4) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...a.split('.').map(Number)];
  if (isIP(a) !== 6) return undefined;
  let tail: number[] = [];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (v4) {
    tail = v4[1]!.split('.').map(Number);
    a = `${a.slice(0, -v4[1]!.length)}0:0`;
  }
  const [head, rest] = a.split('::') as [string, string | undefined];
  const parse = (s: string): number[] => (s === '' ? [] : s.split(':').map((h) => parseInt(h, 16)));
  const hi = parse(head);
  const lo = rest === undefined ? [] : parse(rest);
  const groups = rest === undefined ? hi : [...hi, ...new Array<number>(8 - hi.length - lo.length).fill(0), ...lo];
  const bytes = groups.flatMap((g) => [g >> 8, g & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

function inSubnet(address: number[], spec: string): boolean {
  const [net, bitsText] = spec.split('/') as [string, string | undefined];
  const base = toBytes(net);
  if (!base) return false;
  let bits = bitsText === undefined ? 128 : Number(bitsText);
  // An IPv4 prefix length counts the bits of the mapped address's last four bytes.
  if (isIP(net) === 4 && bitsText !== undefined) bits += 96;
  for (let i = 0; i < 16 && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((address[i]! & mask) !== (base[i]! & mask)) return false;
  }
  return true;
}

const LOOPBACK = ['::1', '127.0.0.1/8'];

export function addressAllowed(address: string | undefined, networks: { ip?: string[]; host?: string[]; hostRegexp?: string[] } | undefined): boolean {
  if (!networks || address === undefined) return true;
  const bytes = toBytes(address);
  if (!bytes) return false;
  for (const ip of networks.ip ?? []) if (inSubnet(bytes, ip)) return true;
  const local = LOOPBACK.some((n) => inSubnet(bytes, n));
  for (const h of networks.host ?? []) if (h === 'localhost' && local) return true;
  for (const r of networks.hostRegexp ?? []) if (local && new RegExp(r).test('localhost')) return true;
  return false;
}
