// HTTP sessions (session_id): settings changed by SET and the database
// chosen by USE outlive the request, per user and session id, until the
// session has been idle for its timeout. One request at a time may use a
// session (NamedSessionsStorage in ClickHouse).

import { SETTINGS, Settings, settingValueText } from '../engine/settings.ts';
import { ServerError } from './errors.ts';

export const DEFAULT_SESSION_TIMEOUT_S = 60;
export const MAX_SESSION_TIMEOUT_S = 3600;

export interface Session {
  id: string;
  settings: Settings;
  /** Set by USE; '' until then. */
  database: string;
  timeoutMs: number;
  expiresAt: number;
  inUse: boolean;
}

/** session_timeout: an unsigned integer of seconds, at most max_session_timeout. */
export function parseSessionTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SESSION_TIMEOUT_S;
  if (!/^[0-9]+$/.test(text)) throw new ServerError('INVALID_SESSION_TIMEOUT', `Invalid session timeout: '${text}'`);
  const seconds = Number(text);
  if (seconds > MAX_SESSION_TIMEOUT_S) {
    throw new ServerError('INVALID_SESSION_TIMEOUT', `Session timeout '${text}' is larger than max_session_timeout: ${MAX_SESSION_TIMEOUT_S}. ` +
      'Maximum session timeout could be modified in configuration file.');
  }
  return seconds;
}

export class SessionStore {
  private sessions = new Map<string, Session>();

  /** Take the session for one request; creates it unless `mustExist` (session_check=1). */
  acquire(user: string, id: string, timeoutS: number, mustExist: boolean): Session {
    const key = `${user}\0${id}`;
    const now = Date.now();
    let s = this.sessions.get(key);
    if (s && !s.inUse && s.expiresAt <= now) {
      this.sessions.delete(key);
      s = undefined;
    }
    if (!s) {
      if (mustExist) throw new ServerError('SESSION_NOT_FOUND', `Session ${id} not found`);
      s = { id, settings: new Settings(), database: '', timeoutMs: timeoutS * 1000, expiresAt: 0, inUse: false };
      this.sessions.set(key, s);
    }
    if (s.inUse) throw new ServerError('SESSION_IS_LOCKED', `Session ${id} is locked by a concurrent client`);
    s.inUse = true;
    s.timeoutMs = timeoutS * 1000;
    return s;
  }

  release(s: Session): void {
    s.inUse = false;
    s.expiresAt = Date.now() + s.timeoutMs;
  }
}

/** Carry what a SET changed in the query's settings over to the session's. */
export function keepSetChanges(session: Session, before: Settings, after: Settings): void {
  for (const def of SETTINGS) {
    const v = after.get(def.name);
    if (v !== before.get(def.name)) session.settings.setUnchecked(def.name, settingValueText(def, v).replace(/^'(.*)'$/, '$1'));
  }
}
