import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Settings } from '../../reference/engine/settings.ts';
import { SessionStore, keepSetChanges, parseSessionTimeout } from '../../reference/clickhouse/sessions.ts';
import { SessionScope } from '../../reference/engine/session.ts';

const fresh = () => ({ settings: new Settings(), scope: new SessionScope() });

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
  assert.throws(() => store.acquire('default', 's1', 60, true, fresh), { code: 372, message: 'Session s1 not found' });
  const s = store.acquire('default', 's1', 60, false, fresh);
  assert.throws(() => store.acquire('default', 's1', 60, false, fresh), { code: 373, message: 'Session s1 is locked by a concurrent client' });
  const other = store.acquire('alice', 's1', 60, false, fresh);
  assert.notEqual(other, s);
  store.release(s);
  assert.equal(store.acquire('default', 's1', 60, true, fresh), s);
});

test('an idle session expires after its timeout, and its temporary tables go with it', async () => {
  const store = new SessionStore();
  const s = store.acquire('default', 's', 0, false, fresh);
  let cleared = false;
  s.scope.clear = () => { cleared = true; };
  store.release(s);
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(cleared);
  assert.throws(() => store.acquire('default', 's', 0, true, fresh), { code: 372 });
});

test('session timeouts come from the server config', () => {
  assert.equal(parseSessionTimeout(undefined, { defaultTimeoutS: 5 }), 5);
  assert.throws(() => parseSessionTimeout('11', { maxTimeoutS: 10 }), { code: 374 });
  assert.throws(() => parseSessionTimeout('abc'), { code: 374, message: "Invalid session timeout: 'abc'" });
});

test('close ends a session at once; expiry timers never keep the process alive', () => {
  const store = new SessionStore();
  const s = store.acquire('default', 'c', 3600, false, fresh);
  store.release(s);
  store.close(s);
  assert.equal(store.size, 0);
  const t = store.acquire('default', 'd', 3600, false, fresh);
  store.release(t);
  // A pending 3600 s timer would hold the test process open if it were ref'd.
  store.closeAll();
});

test('what a SET changed is kept in the session', () => {
  const store = new SessionStore();
  const s = store.acquire('default', 's', 60, false, fresh);
  const before = s.settings.clone();
  const after = before.clone();
  after.set('max_result_rows', '7');
  after.set('max_threads', '3');
  keepSetChanges(s, before, after);
  assert.equal(s.settings.getNumber('max_result_rows'), 7);
  assert.equal(s.settings.getNumber('max_threads'), 3);
  assert.equal(new Settings().getNumber('max_result_rows'), 0);
});
