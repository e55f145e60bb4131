import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Settings } from '../../reference/engine/settings.ts';
import { SessionStore, keepSetChanges, parseSessionTimeout } from '../../reference/clickhouse/sessions.ts';

test('session_timeout is whole seconds up to 3600', () => {
  assert.equal(parseSessionTimeout(undefined), 60);
  assert.equal(parseSessionTimeout('3600'), 3600);
  assert.throws(() => parseSessionTimeout('-1'), { code: 374, message: "Invalid session timeout: '-1'" });
  assert.throws(() => parseSessionTimeout('3601'), {
    code: 374, message: "Session timeout '3601' is larger than max_session_timeout: 3600. Maximum session timeout could be modified in configuration file.",
  });
});

test('a session is per user, locked while in use, and must exist with session_check=1', () => {
  const store = new SessionStore();
  assert.throws(() => store.acquire('default', 's1', 60, true), { code: 372, message: 'Session s1 not found' });
  const s = store.acquire('default', 's1', 60, false);
  assert.throws(() => store.acquire('default', 's1', 60, false), { code: 373, message: 'Session s1 is locked by a concurrent client' });
  const other = store.acquire('alice', 's1', 60, false);
  assert.notEqual(other, s);
  store.release(s);
  assert.equal(store.acquire('default', 's1', 60, true), s);
});

test('an idle session expires after its timeout', () => {
  const store = new SessionStore();
  const s = store.acquire('default', 's', 0, false);
  store.release(s);
  assert.throws(() => store.acquire('default', 's', 0, true), { code: 372 });
});

test('what a SET changed is kept in the session', () => {
  const store = new SessionStore();
  const s = store.acquire('default', 's', 60, false);
  const before = s.settings.clone();
  const after = before.clone();
  after.set('max_result_rows', '7');
  after.set('max_threads', '3');
  keepSetChanges(s, before, after);
  assert.equal(s.settings.getNumber('max_result_rows'), 7);
  assert.equal(s.settings.getNumber('max_threads'), 3);
  assert.equal(new Settings().getNumber('max_result_rows'), 0);
});
