// A StarRocks scenario's own state next to the World: the MySQL connection, what
// the scenario created (dropped afterwards), the hops of the last request (a
// 307 from the FE and the BE's answer), the transaction it works on, and values
// it noted to compare later answers with.

import { Agent } from 'undici';
import { basicAuthHeader, requestFor } from './requests.ts';
import { sendExpectContinue } from './expect_continue.ts';
import { connectMySql, queryRows, type Connection } from './mysql.ts';
import { hostPort, nodeUrls, type NodeKind } from './nodes.ts';
import { sendHttp, type HttpResponse } from '../../support/http.ts';
import type { OlapWorld } from '../../support/world.ts';
import type { StarRocksInfo } from '../../targets/starrocks_endpoints.ts';

export interface Credentials {
  user: string;
  password: string;
}

/** Whose credentials go in `Authorization: Basic`: the target's, nobody's, or the given ones. */
export type Auth = 'target' | 'none' | Credentials;

export interface SendOptions {
  body?: Buffer;
  /** Headers of the request itself (a transaction's label, db, table); those a Given-step set win. */
  headers?: Record<string, string>;
  auth?: Auth;
  /** Send `Expect: 100-continue` and the body only when the server asks (curl -T). */
  expectContinue?: boolean;
  /** Bind the client side of the connection to this address (to be, or not be, an FE host). */
  localAddress?: string;
  /** Send over a connection of its own rather than the run's keep-alive pool. */
  newConnection?: boolean;
}

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  expectContinue: boolean;
}

export interface Transaction {
  label: string;
  db: string;
  table: string;
}

function resolved(world: OlapWorld, headers: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = world.resolve(value);
  return out;
}

const sessions = new WeakMap<OlapWorld, StarRocksSession>();

/** The StarRocks side of a scenario's World. */
export function starrocks(world: OlapWorld): StarRocksSession {
  let session = sessions.get(world);
  if (!session) {
    session = new StarRocksSession(world);
    sessions.set(world, session);
  }
  return session;
}

export function existingSession(world: OlapWorld): StarRocksSession | undefined {
  return sessions.get(world);
}

export class StarRocksSession {
  readonly world: OlapWorld;
  readonly info: StarRocksInfo;
  private connection: Promise<Connection> | undefined;
  /** Databases and users this scenario created; the After hook drops them. */
  readonly databases = new Set<string>();
  readonly users = new Set<string>();
  /** Every answer of the last request: the FE's 307 first when it redirected. */
  hops: HttpResponse[] = [];
  private lastSent: SentRequest | undefined;
  transaction: Transaction | undefined;
  /** The scenario's transaction id, once an answer showed it ({txn} in templates). */
  txnId: string | undefined;
  /** Tablet ids an answer listed, for later requests about them. */
  tablets: string[] = [];
  /** Metric values and other numbers noted for later comparison. */
  readonly noted = new Map<string, number>();
  /** Answers of loads sent at the same time. */
  concurrent: HttpResponse[] = [];
  /** The BE that holds the noted tablets, when it is not the first BE. */
  preferredBe: string | undefined;

  constructor(world: OlapWorld) {
    this.world = world;
    if (!world.target.starrocks) throw new Error('this target has no StarRocks cluster (the @starrocks tag should have skipped the scenario)');
    this.info = world.target.starrocks;
  }

  async nodeUrl(kind: NodeKind): Promise<string> {
    if (kind === 'BE' && this.preferredBe) return this.preferredBe;
    const urls = await nodeUrls(this.info, kind);
    if (urls.length === 0) throw new Error(`the cluster has no ${kind}`);
    return urls[0]!;
  }

  /** `host:port` of every BE, for matching Location headers and ErrorURLs. */
  async beHostPorts(): Promise<string[]> {
    return (await nodeUrls(this.info, 'BE')).map(hostPort);
  }

  credentials(auth: Auth): Record<string, string> {
    if (auth === 'none') return {};
    const { user, password } = auth === 'target' ? this.info : auth;
    return { authorization: basicAuthHeader(user, password) };
  }

  /** Sends one request to a node; the answer becomes the scenario's last response. */
  async send(kind: NodeKind, method: string, path: string, options: SendOptions = {}): Promise<HttpResponse> {
    return this.sendTo(`${await this.nodeUrl(kind)}${this.world.resolve(path)}`, method, options);
  }

  /** Sends one request to an absolute URL (an ErrorURL, say). */
  async sendTo(url: string, method: string, options: SendOptions = {}): Promise<HttpResponse> {
    const res = await this.transmit(this.prepare(url, method, options), options.localAddress, options.newConnection);
    this.hops = [res];
    return this.answer(res);
  }

  /** The request as it goes out; takes the headers Given-steps set for the next request. */
  prepare(url: string, method: string, options: SendOptions = {}): SentRequest {
    // Headers a scenario set itself, Authorization included, win over the default credentials.
    const headers = { ...this.credentials(options.auth ?? 'target'), ...resolved(this.world, options.headers), ...requestFor(this.world) };
    return { method, url, headers, body: options.body ?? Buffer.alloc(0), expectContinue: options.expectContinue ?? false };
  }

  /** Sends a prepared request and follows its redirects like curl --location-trusted, recording nothing. */
  async roundTrip(sent: SentRequest, follow: boolean): Promise<HttpResponse[]> {
    const hops = [await this.transmit(sent)];
    for (let i = 0; follow && i < 3 && hops[hops.length - 1]!.status === 307; i++) {
      const location = hops[hops.length - 1]!.headers.location;
      if (!location) break;
      sent = { ...sent, url: new URL(location, sent.url).href };
      hops.push(await this.transmit(sent));
    }
    return hops;
  }

  /** Records the hops of a request: the last is the scenario's last response. */
  recordHops(hops: HttpResponse[]): HttpResponse {
    this.hops = hops;
    return this.answer(hops[hops.length - 1]!);
  }

  /** Sends the last request again to where the last 307 pointed, with the same credentials (curl --location-trusted). */
  async follow(): Promise<HttpResponse> {
    const last = this.hops[this.hops.length - 1];
    if (!this.lastSent || !last) throw new Error('no request has been sent yet');
    if (last.status !== 307 || !last.headers.location) {
      throw new Error(`the last answer is not a redirect: ${last.status} ${last.body.toString('utf8').slice(0, 300)}`);
    }
    const sent = { ...this.lastSent, url: new URL(last.headers.location, this.lastSent.url).href };
    const res = await this.transmit(sent);
    this.hops.push(res);
    return this.answer(res);
  }

  /** Sends, then follows redirects as `curl --location-trusted` does (at most three). */
  async sendFollowing(kind: NodeKind, method: string, path: string, options: SendOptions = {}): Promise<HttpResponse> {
    const sent = this.prepare(`${await this.nodeUrl(kind)}${this.world.resolve(path)}`, method, options);
    return this.recordHops(await this.roundTrip(sent, true));
  }

  private async transmit(sent: SentRequest, localAddress?: string, newConnection = false): Promise<HttpResponse> {
    this.lastSent = sent;
    if (sent.expectContinue && sent.body.length > 0) {
      return sendExpectContinue(sent.url, sent.method, sent.headers, sent.body, localAddress);
    }
    const url = new URL(sent.url);
    const request = { method: sent.method, path: `${url.pathname}${url.search}`, headers: sent.headers,
      ...(sent.body.length > 0 || sent.method === 'PUT' || sent.method === 'POST' ? { body: sent.body } : {}) };
    if (localAddress === undefined && !newConnection) return sendHttp(url.origin, request);
    // A client option: undici's connector overrides `connect.localAddress` with the client's own (none).
    const agent = new Agent(localAddress === undefined ? {} : { localAddress });
    try {
      const res = await agent.request({ origin: url.origin, path: request.path, method: sent.method as 'GET', headers: sent.headers,
        ...(request.body ? { body: request.body } : {}) });
      const body = sent.method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(await res.body.arrayBuffer());
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      return { status: res.statusCode, headers, body };
    } finally {
      await agent.close();
    }
  }

  private answer(res: HttpResponse): HttpResponse {
    this.world.lastResponse = res;
    this.world.outcomeChecked = false;
    return res;
  }

  /** Records an answer that came some other way (raw bytes, concurrent loads). */
  record(res: HttpResponse): HttpResponse {
    this.hops = [res];
    return this.answer(res);
  }

  mysql(): Promise<Connection> {
    this.connection ??= connectMySql(this.info);
    return this.connection;
  }

  /** Runs one statement over the MySQL protocol and remembers what it created. */
  async sql(statement: string): Promise<{ columns: string[]; rows: string[][] }> {
    const text = this.world.resolve(statement).trim().replace(/;$/, '');
    const connection = await this.mysql();
    let result;
    try {
      result = await queryRows(connection, text);
    } catch (err) {
      throw new Error(`over MySQL, ${JSON.stringify(text)} failed: ${(err as Error).message}`);
    }
    const database = /^CREATE\s+DATABASE\s+(?:IF\s+NOT\s+EXISTS\s+)?`?([A-Za-z0-9_]+)`?/i.exec(text);
    if (database) this.databases.add(database[1]!);
    const user = /^CREATE\s+USER\s+(?:IF\s+NOT\s+EXISTS\s+)?('[^']+'(?:@'[^']*')?|[A-Za-z0-9_]+)/i.exec(text);
    if (user) this.users.add(user[1]!);
    return result;
  }

  /** Drops what the scenario created and closes its connection. */
  async cleanUp(): Promise<void> {
    if (!this.connection) return;
    try {
      const connection = await this.connection;
      for (const database of this.databases) await connection.query(`DROP DATABASE IF EXISTS ${database} FORCE`);
      for (const user of this.users) await connection.query(`DROP USER ${user}`);
    } finally {
      const connection = await this.connection.catch(() => undefined);
      await connection?.end().catch(() => {});
    }
  }
}
