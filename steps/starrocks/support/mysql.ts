// The MySQL protocol to a StarRocks FE (query port), through mysql2: how users
// create databases and tables and read rows back, so the suite does the same.

import { createConnection, type Connection } from 'mysql2/promise';
import type { StarRocksEndpoints } from '../../targets/starrocks_endpoints.ts';

export type { Connection } from 'mysql2/promise';

export async function connectMySql(endpoints: StarRocksEndpoints, credentials?: { user: string; password: string }): Promise<Connection> {
  if (endpoints.queryPort === 0) throw new Error(`the target announced no MySQL query port for the FE at ${endpoints.fe}`);
  return createConnection({
    host: endpoints.queryHost,
    port: endpoints.queryPort,
    user: credentials?.user ?? endpoints.user,
    password: credentials?.password ?? endpoints.password,
    connectTimeout: 10_000,
    // Rows as text, the way the mysql client prints them: no JS number rounding, no Date objects.
    rowsAsArray: true,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    multipleStatements: false,
  });
}

/** A result cell as the mysql client shows it: NULL for null, text otherwise. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Runs one statement; rows come back as arrays of cell texts (empty for statements without rows). */
export async function queryRows(connection: Connection, sql: string): Promise<{ columns: string[]; rows: string[][] }> {
  const [result, fields] = await connection.query({ sql, rowsAsArray: true });
  if (!Array.isArray(result)) return { columns: [], rows: [] };
  return {
    columns: (fields ?? []).map((field) => field.name),
    rows: (result as unknown[][]).map((row) => row.map(cellText)),
  };
}
