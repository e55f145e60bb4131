// The FE query port: StarRocks SQL over the MySQL protocol, served with the
// server side of mysql2. One engine session (database, variables) per
// connection; statements run one at a time in arrival order.

import mysql from 'mysql2';
import { randomUUID } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { Settings } from '../../engine/index.ts';
import { T } from '../../engine/types.ts';
import type { StarRocksEngine } from '../dialect/index.ts';
import type { ExecResult, QueryContext } from '../../engine/api.ts';
import type { SrFrontendStatement } from '../dialect/ast.ts';
import { isFrontendStatement } from '../dialect/ast.ts';
import { SessionScope } from '../../engine/session.ts';
import { EngineError } from '../../engine/errors.ts';
import { srErrors, toStarRocksError } from '../dialect/errors.ts';
import type { StarRocksError } from '../dialect/errors.ts';
import { createStarRocksEngine } from '../version.ts';
import { checkNativePassword } from './auth.ts';
import { errorPacket, okPacket, parseChangeUser, raw } from './packets.ts';
import { binaryRowPayload, bindPlaceholders, columnDefinitionPayload, placeholderOffsets, prepareOkPayload, readExecute } from './prepared.ts';
import { mysqlColumn, mysqlText } from './columns.ts';
import type { MysqlColumn } from './columns.ts';

/** What StarRocks' handshake announces (MysqlHandshakePacket: fixed `5.1.0`, utf8). */
const SERVER_VERSION = '5.1.0';
const UTF8_GENERAL_CI = 33;
const SERVER_STATUS_AUTOCOMMIT = 0x0002;
// Commands of the binary prepared-statement protocol (MysqlCommand).
const COM_STMT_PREPARE = 0x16;
const COM_STMT_EXECUTE = 0x17;
const COM_STMT_CLOSE = 0x19;
const COM_STMT_RESET = 0x1a;
/** A statement COM_STMT_PREPARE registered: its text, where its placeholders are, the parameter types last sent. */
interface PreparedStatement {
  sql: string;
  offsets: number[];
  types?: number[];
}
// LONG_PASSWORD | LONG_FLAG | CONNECT_WITH_DB | PROTOCOL_41 | TRANSACTIONS | SECURE_CONNECTION | PLUGIN_AUTH
const CAPABILITIES = 0x1 | 0x4 | 0x8 | 0x200 | 0x2000 | 0x8000 | 0x80000;

/** A statement as the FE's audit/query-detail machinery sees it. */
export interface FeQueryEvent {
  queryId: string;
  connectionId: number;
  user: string;
  database: string;
  sql: string;
  remoteIP: string;
  /** ms since the epoch. */
  startTime: number;
  /** A SELECT (QueryDetail.isQuery). */
  isQuery: boolean;
  /** The session asked for a profile (enable_profile). */
  profile: boolean;
}

export interface FeQueryOutcome {
  state: 'FINISHED' | 'FAILED';
  endTime: number;
  errorMessage?: string;
  returnRows: number;
}

/**
 * What the FE around the query port does: it runs the statements about the
 * cluster (users, roles, nodes, FE configuration, PROC) and hears about every
 * connection and query (audit log, query_detail, /api/connection, profiles,
 * metrics).
 */
export interface FeFrontend {
  execute(st: SrFrontendStatement, ctx: QueryContext): ExecResult | Promise<ExecResult>;
  connectionOpened?(connectionId: number, user: string, remoteIP: string): void;
  connectionClosed?(connectionId: number): void;
  queryStarted?(q: FeQueryEvent): void;
  queryFinished?(q: FeQueryEvent, outcome: FeQueryOutcome): void;
}

export interface FeQueryServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Shared with the FE/BE HTTP servers so loads and queries see one catalog; made when absent. */
  engine?: StarRocksEngine;
  /** user → password (or a lookup, for users the config changes later); default `root` with an empty password. */
  users?: Record<string, string> | ((user: string) => string | undefined);
  /** The cluster's side of the FE; without one, statements about users and nodes are refused. */
  frontend?: FeFrontend;
}

export interface FeQueryServer {
  port: number;
  url: string;
  engine: StarRocksEngine;
  close(): Promise<void>;
}

/** The server side of a mysql2 connection (its typings cover the client side only). */
interface ServerConnection {
  stream: Socket;
  sequenceId: number;
  handlePacket(packet: { sequenceId: number } | undefined): void;
  clientHelloReply?: { user: string; database?: string };
  serverHandshake(args: Record<string, unknown>): void;
  writeColumns(columns: MysqlColumn[]): void;
  writeTextRow(values: (string | null)[]): void;
  writeEof(warnings?: number, statusFlags?: number): void;
  writeOk(args?: { affectedRows?: number; insertId?: number; serverStatus?: number; warningCount?: number; message?: string }): void;
  writePacket(packet: unknown): void;
  close(): void;
  /** mysql2 holds the packets that come meanwhile and hands them over at resume(). */
  pause(): void;
  resume(): void;
  on(event: string, listener: (...args: never[]) => void): void;
}

export { createStarRocksEngine };

export async function startFeQueryServer(opts: FeQueryServerOptions = {}): Promise<FeQueryServer> {
  const engine = opts.engine ?? createStarRocksEngine();
  const given = opts.users ?? { root: '' };
  const users = typeof given === 'function' ? given : (user: string): string | undefined => (Object.hasOwn(given, user) ? given[user] : undefined);
  const host = opts.host ?? '127.0.0.1';
  let nextConnectionId = 1;
  const sockets = new Set<Socket>();
  const server = mysql.createServer((raw) => {
    const conn = raw as unknown as ServerConnection;
    sockets.add(conn.stream);
    // Small request/response packets: without TCP_NODELAY, Nagle plus delayed ACKs add ~40 ms per round trip.
    conn.stream.setNoDelay(true);
    conn.stream.on('close', () => sockets.delete(conn.stream));
    new Session(engine, users, conn, nextConnectionId++, opts.frontend);
  });
  const net = (server as unknown as { _server: import('node:net').Server & { allowHalfOpen?: boolean } })._server;
  // A client that half-closes after its commands still gets their answers (Node would end the socket at
  // once, and an INSERT already committed would go unacknowledged); the session closes after them.
  net.allowHalfOpen = true;
  await new Promise<void>((resolve, reject) => {
    net.once('error', reject);
    net.listen(opts.port ?? 9030, host, () => {
      net.off('error', reject);
      resolve();
    });
  });
  const port = (net.address() as AddressInfo).port;
  return {
    port,
    url: `mysql://${host.includes(':') ? `[${host}]` : host}:${port}`,
    engine,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      net.close(() => resolve());
    }),
  };
}

class Session {
  private readonly engine: StarRocksEngine;
  private readonly conn: ServerConnection;
  private readonly ctx: QueryContext;
  /** Statements of a connection run in order even when a client pipelines them. */
  private queue: Promise<void> = Promise.resolve();
  private queryCount = 0;
  private readonly users: (user: string) => string | undefined;
  /** The handshake's scramble: COM_CHANGE_USER answers it again. */
  private scramble = Buffer.alloc(0);
  private readonly frontend: FeFrontend | undefined;
  private readonly connectionId: number;

  /** The login failed: the connection is closing and serves nothing more. */
  private refused = false;
  /** A command is running; packets wait for it. */
  private busy = false;
  /** The command byte of the packet mysql2 is dispatching (its events do not say which command). */
  private command: number | undefined;
  /** COM_STMT_PREPARE's statements by id, per connection as in the FE's ConnectContext. */
  private readonly prepared = new Map<number, PreparedStatement>();
  private nextStatementId = 1;

  constructor(engine: StarRocksEngine, users: (user: string) => string | undefined, conn: ServerConnection, connectionId: number, frontend?: FeFrontend) {
    this.engine = engine;
    this.conn = conn;
    this.users = users;
    this.frontend = frontend;
    this.connectionId = connectionId;
    // mysql2's server runs the whole session as one command and never restarts the packet sequence;
    // every client command starts at 0 and the replies must continue from it.
    const handle = conn.handlePacket.bind(conn);
    conn.handlePacket = (packet) => {
      // After a refused login nothing the client sent is run, not even what came in the same read.
      if (this.refused) return;
      // A packet that comes while a command runs waits in mysql2 (pause): its numbering starts when it is handled.
      if (packet && packet.sequenceId === 0 && !this.busy) conn.sequenceId = 0;
      const p = packet as unknown as { buffer: Buffer; start: number; end: number; numPackets: number } | undefined;
      this.command = p ? p.buffer[p.start + 4] : undefined;
      const internals = conn as unknown as { _paused: boolean; _bumpSequenceId(n: number): void };
      if (p && this.command === COM_STMT_EXECUTE && !internals._paused) {
        // mysql2's server guesses where COM_STMT_EXECUTE's parameters start (and can fail on them);
        // the FE reads them by the types the client sent, and so does execute() here.
        internals._bumpSequenceId(p.numPackets);
        const payload = Buffer.from(p.buffer.subarray(p.start + 5, p.end));
        this.enqueueTask(() => this.execute(payload));
        return;
      }
      handle(packet);
    };
    const scope = new SessionScope(String(connectionId));
    scope.variables.set('__connection_id', BigInt(connectionId));
    this.ctx = {
      database: '', user: '', queryId: '', settings: new Settings(), readonly: 0, scope,
      progress: { readRows: 0, readBytes: 0, writtenRows: 0, writtenBytes: 0, totalRowsToRead: 0, resultRows: 0, resultBytes: 0 },
      address: conn.stream.remoteAddress ?? '127.0.0.1',
      onUseDatabase: (db) => {
        this.ctx.database = db;
      },
    };
    conn.serverHandshake({
      protocolVersion: 10,
      serverVersion: SERVER_VERSION,
      connectionId,
      statusFlags: SERVER_STATUS_AUTOCOMMIT,
      characterSet: UTF8_GENERAL_CI,
      capabilityFlags: CAPABILITIES,
      authCallback: (params: { user: string; database?: string; address?: string; authPluginData1: Buffer; authPluginData2: Buffer; authToken: Buffer }, done: (err: unknown, mysqlError?: unknown) => void) => {
        const password = users(params.user);
        const token = params.authToken ?? Buffer.alloc(0);
        const scramble = Buffer.concat([params.authPluginData1, params.authPluginData2]);
        this.scramble = scramble;
        if (password === undefined || !checkNativePassword(password, scramble, token)) {
          // The FE's text: `Access denied for user 'u'@'host' (using password: YES|NO)`; host without the IPv6 prefix.
          const address = (params.address ?? '').replace(/^::ffff:/, '');
          this.fail(srErrors.accessDenied(params.user, address, token.length > 0));
          this.refused = true;
          conn.close();
          return;
        }
        this.ctx.user = params.user;
        if (params.database) {
          if (!engine.catalog.databases.has(params.database)) {
            this.fail(srErrors.badDatabase(params.database));
            this.refused = true;
            conn.close();
            return;
          }
          this.ctx.database = params.database;
        }
        this.frontend?.connectionOpened?.(connectionId, params.user, this.remoteIP());
        conn.stream.once('close', () => this.frontend?.connectionClosed?.(connectionId));
        done(null);
      },
    });
    conn.on('query', (sql: string) => this.enqueue(sql));
    // mysql2 hands COM_STMT_PREPARE and statements starting with `SET ` or `PREPARE ` to stmt_prepare;
    // StarRocks runs SET as a query.
    conn.on('stmt_prepare', (sql: string) => {
      if (this.command === COM_STMT_PREPARE) this.enqueueTask(() => this.prepare(sql));
      else if (/^\s*SET\s/i.test(sql)) this.enqueue(sql);
      else this.unsupportedPs();
    });
    // A text `EXECUTE …` (COM_STMT_EXECUTE never gets here: see handlePacket above).
    conn.on('stmt_execute', () => this.unsupportedPs());
    conn.on('init_db', (db: string) => {
      this.queue = this.queue.then(() => {
        if (!engine.catalog.databases.has(db)) {
          this.fail(srErrors.badDatabase(db));
          return;
        }
        this.ctx.database = db;
        conn.writeOk({ serverStatus: SERVER_STATUS_AUTOCOMMIT });
      });
    });
    conn.on('ping', () => conn.writeOk({ serverStatus: SERVER_STATUS_AUTOCOMMIT }));
    conn.on('field_list', () => conn.writeEof(0, SERVER_STATUS_AUTOCOMMIT));
    conn.on('quit', () => conn.stream.end());
    // COM_CHANGE_USER (17), which mysql2's server does not dispatch.
    conn.on('packet', (packet: { buffer: Buffer; start: number; end: number }, known: boolean, command: number) => {
      if (known) return;
      const payload = packet.buffer.subarray(packet.start + 5, packet.end);
      // COM_STMT_CLOSE has no answer; COM_STMT_RESET an OK (there are no long data or cursors to reset).
      if (command === COM_STMT_CLOSE && payload.length >= 4) this.prepared.delete(payload.readUInt32LE(0));
      if (command === COM_STMT_RESET) this.queue = this.queue.then(() => this.conn.writePacket(okPacket(0, SERVER_STATUS_AUTOCOMMIT)));
      if (command !== 17) return;
      this.queue = this.queue.then(() => this.changeUser(parseChangeUser(payload)));
    });
    conn.on('error', () => conn.stream.destroy());
    conn.stream.once('end', () => {
      void this.queue.then(() => conn.stream.end());
    });
  }

  private changeUser(req: { user: string; token: Buffer; database: string }): void {
    const password = this.users(req.user);
    if (password === undefined || !checkNativePassword(password, this.scramble, req.token)) {
      const address = (this.conn.stream.remoteAddress ?? '').replace(/^::ffff:/, '');
      this.fail(srErrors.accessDenied(req.user, address, req.token.length > 0));
      return;
    }
    if (req.database && !this.engine.catalog.databases.has(req.database)) {
      this.fail(srErrors.badDatabase(req.database));
      return;
    }
    this.ctx.user = req.user;
    this.ctx.database = req.database;
    this.ctx.scope!.variables.clear();
    this.ctx.scope!.variables.set('__connection_id', BigInt(this.ctx.scope!.id ?? 0));
    this.conn.writePacket(okPacket(0, SERVER_STATUS_AUTOCOMMIT));
  }

  private fail(e: unknown, code?: number, sqlState?: string): StarRocksError {
    const err = toStarRocksError(e, this.ctx.database);
    this.conn.writePacket(errorPacket(code ?? err.mysqlCode, sqlState ?? err.sqlState, err.message));
    return err;
  }

  private enqueue(sql: string): void {
    this.enqueueTask(() => this.run(sql));
  }

  private enqueueTask(task: () => Promise<void> | void): void {
    // One command at a time, as the FE reads them: what follows waits for this one's answer (and a
    // packet mysql2 cannot parse, which closes the session, can no longer cost it its answer).
    this.conn.pause();
    this.busy = true;
    this.queue = this.queue.then(task).finally(() => {
      this.busy = false;
      this.conn.resume();
    });
  }

  /** ERR_UNSUPPORTED_PS: what the FE answers a prepared statement it cannot take. */
  private unsupportedPs(): void {
    this.fail(new EngineError('NOT_IMPLEMENTED', 'This command is not supported in the prepared statement protocol yet'), 1295, 'HY000');
  }

  /**
   * COM_STMT_PREPARE: only a query statement may be prepared (ConnectProcessor reports
   * ERR_UNSUPPORTED_PS for any other); the OK names its parameters, one definition each.
   * The result columns are left to COM_STMT_EXECUTE's result set: the OK announces none, where
   * the FE describes them already (finding them here would mean running the query).
   */
  private prepare(sql: string): void {
    const offsets = placeholderOffsets(sql);
    try {
      const st = this.engine.parse(bindPlaceholders(sql, offsets, offsets.map(() => null))).statement;
      if (st.kind !== 'select') return this.unsupportedPs();
    } catch (e) {
      this.fail(e);
      return;
    }
    const id = this.nextStatementId++;
    this.prepared.set(id, { sql, offsets });
    this.conn.writePacket(raw('PrepareOk', prepareOkPayload(id, 0, offsets.length)));
    if (offsets.length === 0) return;
    const param = mysqlColumn('?', T.String);
    for (let i = 0; i < offsets.length; i++) this.conn.writePacket(raw('ColumnDefinition', columnDefinitionPayload(param)));
    this.conn.writeEof(0, SERVER_STATUS_AUTOCOMMIT);
  }

  /** COM_STMT_EXECUTE: the statement with its parameters' literals in place, answered as a binary result set. */
  private async execute(payload: Buffer): Promise<void> {
    let read;
    try {
      read = readExecute(payload, (id) => this.prepared.get(id)?.offsets.length, (id) => this.prepared.get(id)?.types);
    } catch {
      this.fail(new EngineError('BAD_ARGUMENTS', 'Malformed packet'), 1835, 'HY000');
      return;
    }
    const stmt = this.prepared.get(read.stmtId);
    if ('unknown' in read || !stmt) {
      this.fail(new EngineError('BAD_ARGUMENTS', `msg: Not Found prepared statement, stmtName: ${read.stmtId}`), 1105, 'HY000');
      return;
    }
    stmt.types = read.types;
    await this.run(bindPlaceholders(stmt.sql, stmt.offsets, read.values), true);
  }

  private remoteIP(): string {
    return (this.conn.stream.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  }

  /** enable_profile of the session (or SET GLOBAL). */
  private profiling(): boolean {
    const v = this.ctx.scope?.variables.get('enable_profile') ?? this.engine.dialect.globals.get('enable_profile');
    return v === 1n || (typeof v === 'string' && v.toLowerCase() === 'true');
  }

  /** `binary`: rows in the binary protocol's format (COM_STMT_EXECUTE), else as text. */
  private async run(sql: string, binary = false): Promise<void> {
    // StarRocks query ids are UUIDs; last_query_id() answers the previous one of the session.
    const queryId = randomUUID();
    this.ctx.queryId = queryId;
    this.ctx.running = undefined;
    let event: FeQueryEvent | undefined;
    let returnRows = 0;
    try {
      const q = this.engine.parse(sql);
      const st = q.statement;
      event = {
        queryId, connectionId: this.connectionId, user: this.ctx.user, database: this.ctx.database, sql, remoteIP: this.remoteIP(),
        startTime: Date.now(), isQuery: st.kind === 'select', profile: this.profiling(),
      };
      this.frontend?.queryStarted?.(event);
      let result: ExecResult;
      if (isFrontendStatement(st)) {
        if (!this.frontend) throw new EngineError('NOT_IMPLEMENTED', `${st.kind.toUpperCase().replace(/_/g, ' ')} needs the StarRocks front-end`);
        result = await this.frontend.execute(st, this.ctx);
      } else {
        result = await this.engine.execute(q, this.ctx);
      }
      if (result.kind === 'none') {
        this.conn.writePacket(okPacket(result.affectedRows ?? 0, SERVER_STATUS_AUTOCOMMIT, result.info));
      } else {
        const tz = this.timezone();
        const columns = result.columns.map((c) => mysqlColumn(c.name, c.type));
        this.conn.writeColumns(columns);
        for await (const block of result.blocks) {
          for (const row of block.rows) {
            const texts = row.map((v, i) => mysqlText(result.columns[i]!.type, v, tz));
            if (binary) this.conn.writePacket(raw('BinaryRow', binaryRowPayload(columns, texts)));
            else this.conn.writeTextRow(texts);
          }
          returnRows += block.length;
        }
        this.conn.writeEof(0, SERVER_STATUS_AUTOCOMMIT);
      }
      if (event) this.frontend?.queryFinished?.(event, { state: 'FINISHED', endTime: Date.now(), returnRows });
    } catch (e) {
      // An error after the column definitions still ends the result set with ERR, as MySQL servers do.
      const err = this.fail(e);
      event ??= {
        queryId, connectionId: this.connectionId, user: this.ctx.user, database: this.ctx.database, sql, remoteIP: this.remoteIP(),
        startTime: Date.now(), isQuery: false, profile: this.profiling(),
      };
      this.frontend?.queryFinished?.(event, { state: 'FAILED', endTime: Date.now(), errorMessage: err.message, returnRows });
    } finally {
      this.ctx.scope!.variables.set('__last_query_id', queryId);
    }
  }

  private timezone(): string {
    const tz = this.ctx.scope?.variables.get('time_zone') ?? this.engine.dialect.globals.get('time_zone');
    return typeof tz === 'string' && tz ? tz : this.engine.timezone;
  }
}
