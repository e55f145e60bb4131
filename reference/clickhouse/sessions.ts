// HTTP sessions (session_id): what SET changed, the database chosen by USE and
// the temporary tables (the engine's SessionScope) outlive the request, per
// user and session id, until the session has been idle for its timeout. One
// request at a time may use a session (NamedSessionsStorage in ClickHouse).
// Expiry timers are unref'd: an idle session never keeps the process alive.

import { SETTINGS, settingValueText } from '../engine/settings.ts';
import type { Settings } from '../engine/settings.ts';
import type { SessionScope } from '../engine/session.ts';
import { ServerError } from './errors.ts';

export const DEFAULT_SESSION_TIMEOUT_S = 60;
export const MAX_SESSION_TIMEOUT_S = 3600;

export interface Session {
  id: string;
  user: string;
  settings: Settings;
  /** Set by USE; '' until then. */
  database: string;
  /** Temporary tables and SET ROLE. */
  scope: SessionScope;
  timeoutMs: number;
  inUse: boolean;
  closed: boolean;
}

export interface SessionTimeouts {
  defaultTimeoutS?: number;
  maxTimeoutS?: number;
}

/**
 * session_timeout (parseSessionTimeout): an unsigned integer of seconds, at
 * most max_session_timeout; the server's default_session_timeout otherwise.
 */
export function parseSessionTimeout(value: string | undefined, timeouts: SessionTimeouts = {}): number {
  const def = timeouts.defaultTimeoutS ?? DEFAULT_SESSION_TIMEOUT_S;
  const max = timeouts.maxTimeoutS ?? MAX_SESSION_TIMEOUT_S;
  if (value === undefined) return def;
  // tryReadIntText: an optional sign, digits, and nothing after them; unsigned wraps are out of range.
  if (!/^[+]?[0-9]+$/.test(value)) throw new ServerError('INVALID_SESSION_TIMEOUT', `Invalid session timeout: '${value}'`);
  const seconds = Number(value);
  if (seconds > max) {
    throw new ServerError('INVALID_SESSION_TIMEOUT', `Session timeout '${value}' is larger than max_session_timeout: ${max}. ` +
      'Maximum session timeout could be modified in configuration file.');
  }
  return seconds;
}

export interface NewSession {
  settings: Settings;
  scope: SessionScope;
}

export class SessionStore {
  private sessions = new Map<string, Session>();
  private timers = new Map<Session, NodeJS.Timeout>();

  private static key(user: string, id: string): string {
    return `${user}\0${id}`;
  }

  /**
   * Take the session for one request; creates it unless `mustExist`
   * (session_check=1). SESSION_IS_LOCKED while another request holds it.
   */
  acquire(user: string, id: string, timeoutS: number, mustExist: boolean, create: () => NewSession): Session {
    const key = SessionStore.key(user, id);
    let s = this.sessions.get(key);
    if (!s) {
      if (mustExist) throw new ServerError('SESSION_NOT_FOUND', `Session ${id} not found`);
      const fresh = create();
      s = { id, user, settings: fresh.settings, scope: fresh.scope, database: '', timeoutMs: timeoutS * 1000, inUse: false, closed: false };
      this.sessions.set(key, s);
    }
    if (s.inUse) throw new ServerError('SESSION_IS_LOCKED', `Session ${id} is locked by a concurrent client`);
    const timer = this.timers.get(s);
    if (timer) clearTimeout(timer);
    this.timers.delete(s);
    s.inUse = true;
    s.timeoutMs = timeoutS * 1000;
    return s;
  }

  /** The request is done with the session: its idle timeout starts now. */
  release(s: Session): void {
    if (!s.inUse) return;
    s.inUse = false;
    if (s.closed) return;
    const timer = setTimeout(() => this.expire(s), s.timeoutMs);
    timer.unref();
    this.timers.set(s, timer);
  }

  /** close_session=1: the session ends once the request has released it. */
  close(s: Session): void {
    this.expire(s);
  }

  private expire(s: Session): void {
    const timer = this.timers.get(s);
    if (timer) clearTimeout(timer);
    this.timers.delete(s);
    s.closed = true;
    const key = SessionStore.key(s.user, s.id);
    if (this.sessions.get(key) === s) this.sessions.delete(key);
    s.scope.clear();
  }

  /** Drop every session (server shutdown). */
  closeAll(): void {
    for (const s of [...this.sessions.values()]) this.expire(s);
  }

  get size(): number {
    return this.sessions.size;
  }
}

/** Carry what a SET changed in the query's settings over to the session's. */
export function keepSetChanges(session: Session, before: Settings, after: Settings): void {
  for (const def of SETTINGS) {
    const v = after.get(def.name);
    if (v !== before.get(def.name)) session.settings.setUnchecked(def.name, settingValueText(def, v).replace(/^'(.*)'$/, '$1'));
  }
}
