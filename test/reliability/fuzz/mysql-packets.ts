// The FE's MySQL port, fuzzed: a handshake response (right, cut, lying about
// its length, garbage), then commands (COM_QUERY with SQL that loads the
// probe table or fails, COM_PING, COM_INIT_DB, prepared statements, unknown
// command bytes), each packet possibly with a wrong length, a wrong sequence
// id or cut short. The reader checks every packet the server writes is
// framed, and every ERR is MySQL's (code, SQLSTATE, message).

import fc from 'fast-check';
import { JS_ERROR } from './starrocks-dialect.ts';

export interface MysqlPacket {
  seq: number;
  payload: Buffer;
  /** Declared length minus the real one (0: honest). */
  lengthLie: number;
}

export interface MysqlCase {
  packets: MysqlPacket[];
  /** Send only this many bytes (modulo the length). */
  cutAt?: number;
}

const CLIENT_CONNECT_WITH_DB = 0x8;
const CLIENT_PROTOCOL_41 = 0x200;
const CLIENT_SECURE_CONNECTION = 0x8000;
const CLIENT_PLUGIN_AUTH = 0x80000;

export function handshakeResponse(user: string, db?: string, plugin = 'mysql_native_password', token = Buffer.alloc(0), flags?: number): Buffer {
  const caps = flags ?? (CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH | (db ? CLIENT_CONNECT_WITH_DB : 0));
  const head = Buffer.alloc(32);
  head.writeUInt32LE(caps >>> 0, 0);
  head.writeUInt32LE(16 * 1024 * 1024, 4);
  head[8] = 33;
  return Buffer.concat([head, Buffer.from(`${user}\0`), Buffer.from([token.length]), token, db ? Buffer.from(`${db}\0`) : Buffer.alloc(0), Buffer.from(`${plugin}\0`)]);
}

export function toWire(p: MysqlPacket): Buffer {
  const h = Buffer.alloc(4);
  h.writeUIntLE(Math.max(0, Math.min(0xffffff, p.payload.length + p.lengthLie)), 0, 3);
  h[3] = p.seq & 0xff;
  return Buffer.concat([h, p.payload]);
}

const SQL = [
  'SELECT 1', 'SELECT current_version()', 'SHOW DATABASES', 'SELECT COUNT(*) FROM fuzz.probe', "INSERT INTO fuzz.probe VALUES (1, 'm')",
  "INSERT INTO fuzz.probe VALUES (2, 'm'), (3, 'n')", "INSERT INTO fuzz.probe VALUES ('x', 'y', 'z')", 'INSERT INTO fuzz.nope VALUES (1)',
  'SELECT * FROM fuzz.probe LIMIT 2', 'SELEC 1', 'SELECT (', '', 'USE fuzz', 'USE nope', 'SET query_timeout = 1', 'SET nope = 1', 'SHOW VARIABLES LIKE "ver%"',
  'SELECT @@version_comment', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SELECT sleep(0)', "SELECT 'é'", 'SHOW TABLES FROM fuzz', 'DESC fuzz.probe', 'KILL 999',
];

const commandArb: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(fc.constantFrom(...SQL), fc.string({ maxLength: 40 })).map((q) => Buffer.concat([Buffer.from([0x03]), Buffer.from(q, 'utf8')])) },
  { weight: 1, arbitrary: fc.constantFrom(0x0e, 0x09, 0x01, 0x1f, 0x99, 0x00, 0xff).map((c) => Buffer.from([c])) },
  { weight: 1, arbitrary: fc.constantFrom('fuzz', 'nope', '', 'information_schema').map((d) => Buffer.concat([Buffer.from([0x02]), Buffer.from(d)])) },
  { weight: 1, arbitrary: fc.constantFrom('SELECT ?', 'SELECT 1', 'INSERT INTO fuzz.probe VALUES (?, ?)', 'nope').map((q) => Buffer.concat([Buffer.from([0x16]), Buffer.from(q)])) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 24 }).map((u) => Buffer.concat([Buffer.from([0x17]), Buffer.from(u)])) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 24 }).map((u) => Buffer.concat([Buffer.from([0x11]), Buffer.from(u)])) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 32 }).map((u) => Buffer.from(u)) },
);

const loginArb: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(handshakeResponse('root'), handshakeResponse('root', 'fuzz'), handshakeResponse('root', 'nope')) },
  { weight: 2, arbitrary: fc.constantFrom(handshakeResponse('nobody'), handshakeResponse('root', undefined, 'mysql_native_password', Buffer.alloc(20, 7)),
    handshakeResponse('root', undefined, 'caching_sha2_password'), handshakeResponse('root', undefined, 'nope_plugin'), handshakeResponse('', undefined),
    handshakeResponse('root', undefined, 'mysql_native_password', Buffer.alloc(0), 0), handshakeResponse('root', undefined, 'mysql_native_password', Buffer.alloc(0), 0xffffffff)) },
  { weight: 1, arbitrary: fc.tuple(fc.constant(handshakeResponse('root')), fc.nat()).map(([b, at]) => b.subarray(0, at % b.length)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((u) => Buffer.from(u)) },
);

const lieArb = fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -8, max: 8 }) }, { weight: 1, arbitrary: fc.constant(0xffffff) });

export const mysqlCaseArb: fc.Arbitrary<MysqlCase> = fc.record({
  login: fc.tuple(loginArb, lieArb, fc.oneof({ weight: 9, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) })),
  commands: fc.array(fc.tuple(commandArb, lieArb, fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 255 }) })), { maxLength: 4 }),
  cutAt: fc.option(fc.nat(), { nil: undefined, freq: 6 }),
}, { requiredKeys: ['login', 'commands'] }).map(({ login, commands, cutAt }) => ({
  packets: [{ payload: login[0], lengthLie: login[1], seq: login[2] }, ...commands.map(([payload, lengthLie, seq]) => ({ payload, lengthLie, seq }))],
  ...(cutAt !== undefined ? { cutAt } : {}),
}));

export interface ServerPackets {
  packets: { seq: number; payload: Buffer }[];
  /** Bytes of a packet the close cut (fine: the server may close at any packet boundary, never inside one). */
  partial: number;
}

export function readPackets(data: Buffer): ServerPackets {
  const packets: { seq: number; payload: Buffer }[] = [];
  let at = 0;
  while (at + 4 <= data.length) {
    const len = data.readUIntLE(at, 3);
    if (at + 4 + len > data.length) break;
    packets.push({ seq: data[at + 3]!, payload: data.subarray(at + 4, at + 4 + len) });
    at += 4 + len;
  }
  return { packets, partial: data.length - at };
}

/** What is wrong with the server's packets, if anything. */
export function judgePackets(r: ServerPackets): string[] {
  const problems: string[] = [];
  if (r.partial > 0) problems.push(`the connection ended inside a packet (${r.partial} bytes of it)`);
  const first = r.packets[0];
  if (first && first.payload[0] !== 10) problems.push(`the first packet is not a protocol-10 greeting: ${first.payload.subarray(0, 16).toString('hex')}`);
  for (const p of r.packets.slice(1)) {
    if (p.payload[0] !== 0xff) continue;
    if (p.payload.length < 3) {
      problems.push(`an ERR packet without its code: ${p.payload.toString('hex')}`);
      continue;
    }
    const hasState = p.payload[3] === 0x23;
    const message = p.payload.subarray(hasState ? 9 : 3).toString('utf8');
    if (hasState && !/^[0-9A-Z]{5}$/.test(p.payload.subarray(4, 9).toString('latin1'))) problems.push(`an ERR packet with SQLSTATE ${JSON.stringify(p.payload.subarray(4, 9).toString('latin1'))}`);
    if (JS_ERROR.test(message)) problems.push(`an ERR packet with a JavaScript error of the reference: ${JSON.stringify(message.slice(0, 300))}`);
  }
  return problems;
}

/** Rows that OK packets of INSERTs say were stored (StarRocks' INSERT OK carries its label in the info text). */
export function insertedRows(r: ServerPackets): number {
  let n = 0;
  for (const p of r.packets.slice(1)) {
    if (p.payload[0] !== 0x00 || p.payload.length < 7) continue;
    const info = p.payload.toString('utf8');
    if (!/'label'/.test(info)) continue;
    const first = p.payload[1]!;
    n += first < 251 ? first : first === 0xfc ? p.payload.readUInt16LE(2) : first === 0xfd ? p.payload.readUIntLE(2, 3) : 0;
  }
  return n;
}

export function showPackets(b: Buffer, max = 1200): string {
  return b.length > max ? `${b.subarray(0, max).toString('hex')}… (${b.length} bytes)` : b.toString('hex');
}
