// One World per scenario: the target it talks to, the request being prepared,
// the last response, and the scenario-unique names it created.

import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import type { FormData } from 'undici';
import { BackgroundQueries } from './background_queries.ts';
import { credentialParts, withParams, type Credentials } from './credentials.ts';
import { unescapeBytes } from './escapes.ts';
import { RUN_TIME_PLACEHOLDERS } from './expected_text.ts';
import { basicAuth, sendHttp, type HttpRequest, type HttpResponse } from './http.ts';
import { sendRaw } from './raw_http.ts';
import { nextScenarioNumber, runNonce, runTarget, type SuiteParameters, type TargetInfo } from './run_state.ts';

/** `{t}`, `{db}`, `{t2}`…: names a scenario uses; each becomes unique to the scenario and the run. */
const NAME = /\{([a-z][a-z0-9_]*)\}/g;
const RESERVED = new Set(RUN_TIME_PLACEHOLDERS);

export class OlapWorld extends World<SuiteParameters> {
  private ownTarget: TargetInfo | undefined;
  readonly scenarioNumber = nextScenarioNumber();
  /** Scenario names → names on the server. */
  readonly names = new Map<string, string>();
  /** Headers for the next request only. */
  nextHeaders: Record<string, string> = {};
  /** The user the next request names, in place of the target's. */
  nextCredentials: Credentials | undefined;
  /** Set by "the requests go over HTTPS": the scenario talks to the target's HTTPS port. */
  overHttps = false;
  lastResponse: HttpResponse | undefined;
  /** Set when a Then-step looked at the status or the error of the last response. */
  outcomeChecked = false;
  /** Requests left running while the scenario goes on (a long query, a held session). */
  readonly background = new BackgroundQueries();

  constructor(options: IWorldOptions<SuiteParameters>) {
    super(options);
  }

  /**
   * The run's target, or the server of the scenario's configuration variant
   * (config_variants.ts). Looked up on first use, so that a dry run, which
   * starts no target, can still build Worlds.
   */
  get target(): TargetInfo {
    return (this.ownTarget ??= runTarget());
  }

  set target(target: TargetInfo) {
    this.ownTarget = target;
  }

  /** Replaces the scenario's `{name}` placeholders with names unique to this run. */
  resolve(text: string): string {
    return text.replace(NAME, (whole, name: string) => {
      if (RESERVED.has(name)) return whole;
      let unique = this.names.get(name);
      if (unique === undefined) {
        unique = `${name}_${runNonce}_${this.scenarioNumber}`;
        this.names.set(name, unique);
      }
      return unique;
    });
  }

  get response(): HttpResponse {
    if (!this.lastResponse) throw new Error('no request has been sent in this scenario yet');
    return this.lastResponse;
  }

  /** Step text → request bytes: names resolved, then escapes such as \\n turned into bytes. */
  bytes(text: string): Buffer {
    return unescapeBytes(this.resolve(text));
  }

  /** Sends a request (the body goes as given) as the target's user unless the request brings its own credentials. */
  async send(method: string, path: string, body?: Buffer | FormData, headers: Record<string, string> = {}): Promise<HttpResponse> {
    this.lastResponse = await sendHttp(this.baseUrl(), this.prepare(method, path, body, headers));
    this.outcomeChecked = false;
    return this.lastResponse;
  }

  /** The target's HTTP port, or its HTTPS port once the scenario asked for it. */
  baseUrl(): string {
    if (!this.overHttps) return this.target.url;
    if (!this.target.httpsUrl) throw new Error('the target has no HTTPS endpoint');
    return this.target.httpsUrl;
  }

  /** The request send would make: names resolved, the pending headers taken, credentials added when the request has none. */
  prepare(method: string, path: string, body?: Buffer | FormData, headers: Record<string, string> = {}): HttpRequest {
    const all: Record<string, string> = {};
    for (const [name, value] of Object.entries({ ...this.nextHeaders, ...headers })) all[name.toLowerCase()] = this.resolve(value);
    this.nextHeaders = {};
    let resolvedPath = this.resolve(path);
    const credentials = this.nextCredentials;
    this.nextCredentials = undefined;
    if (credentials) {
      const { headers: given, params } = credentialParts(credentials, this.target);
      Object.assign(all, given);
      resolvedPath = withParams(resolvedPath, params);
    }
    const ownCredentials = credentials?.way === 'none' || 'authorization' in all || 'x-clickhouse-user' in all
      || 'x-clickhouse-key' in all || /[?&](user|password)=/.test(resolvedPath);
    if (!ownCredentials) Object.assign(all, basicAuth(this.target.user, this.target.password));
    return { method, path: resolvedPath, headers: all, ...(body ? { body } : {}) };
  }

  async sendRawBytes(bytes: Buffer): Promise<HttpResponse> {
    this.lastResponse = await sendRaw(this.target.url, bytes);
    this.outcomeChecked = false;
    return this.lastResponse;
  }

  /** For Given-steps and clean-up: runs a statement with POST and insists that it worked; not a response to check. */
  async exec(sql: string): Promise<string> {
    const res = await sendHttp(this.target.url, {
      method: 'POST',
      path: '/',
      headers: basicAuth(this.target.user, this.target.password),
      body: Buffer.from(this.resolve(sql), 'utf8'),
    });
    const text = res.body.toString('utf8');
    if (res.status !== 200) throw new Error(`${JSON.stringify(this.resolve(sql))} failed: ${res.status} ${text}`);
    return text;
  }
}

setWorldConstructor(OlapWorld);
