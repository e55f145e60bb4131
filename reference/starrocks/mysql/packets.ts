// Packets mysql2's server writers get wrong for StarRocks: ERR without its
// SQLSTATE, OK without room for the info text (INSERT's label/txnId).

type RawPacket = { buffer: Buffer; length(): number; writeHeader(seq: number): void; _name: string };

/** A packet of the given payload, for writers mysql2 lacks (the prepared-statement protocol's). */
export function raw(name: string, body: Buffer): RawPacket {
  const buffer = Buffer.concat([Buffer.alloc(4), body]);
  return {
    buffer,
    _name: name,
    length: () => buffer.length - 4,
    writeHeader(seq: number) {
      buffer.writeUIntLE(body.length, 0, 3);
      buffer[3] = seq & 0xff;
    },
  };
}

function lengthEncoded(n: number): Buffer {
  if (n < 251) return Buffer.from([n]);
  if (n < 0x10000) return Buffer.from([0xfc, n & 0xff, (n >> 8) & 0xff]);
  if (n < 0x1000000) return Buffer.from([0xfd, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff]);
  const b = Buffer.alloc(9);
  b[0] = 0xfe;
  b.writeBigUInt64LE(BigInt(n), 1);
  return b;
}

/** ERR: 0xff, code, `#` + SQLSTATE, message. */
export function errorPacket(code: number, sqlState: string, message: string): RawPacket {
  return raw('Error', Buffer.concat([Buffer.from([0xff, code & 0xff, (code >> 8) & 0xff]), Buffer.from(`#${sqlState.padEnd(5, '0').slice(0, 5)}`, 'ascii'), Buffer.from(message, 'utf8')]));
}

/** OK: affected rows, last insert id 0, status, no warnings, info text to the end of the packet. */
export function okPacket(affectedRows: number, status: number, info = ''): RawPacket {
  return raw('OK', Buffer.concat([Buffer.from([0]), lengthEncoded(affectedRows), lengthEncoded(0), Buffer.from([status & 0xff, status >> 8, 0, 0]), Buffer.from(info, 'utf8')]));
}

/** COM_CHANGE_USER's payload (after the command byte): user, auth response, database. */
export function parseChangeUser(payload: Buffer): { user: string; token: Buffer; database: string } {
  let p = 0;
  const cstring = (): string => {
    const end = payload.indexOf(0, p);
    const s = payload.toString('utf8', p, end < 0 ? payload.length : end);
    p = end < 0 ? payload.length : end + 1;
    return s;
  };
  const user = cstring();
  const len = payload[p] ?? 0;
  const token = payload.subarray(p + 1, p + 1 + len);
  p += 1 + len;
  const database = p < payload.length ? cstring() : '';
  return { user, token, database };
}
