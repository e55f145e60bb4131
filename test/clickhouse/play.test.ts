import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routeRequest } from '../../reference/clickhouse/routes.ts';
import { buildClickHouseServer } from '../../reference/clickhouse/server.ts';
import { FakeEngine } from './fake-engine.ts';

test('/play is a prefix route for GET and HEAD only', () => {
  for (const uri of ['/play', '/play?user=x', '/playground', '/play/']) assert.equal(routeRequest('GET', uri), 'play', uri);
  assert.equal(routeRequest('HEAD', '/play'), 'play');
  assert.equal(routeRequest('POST', '/play'), 'not_found');
  assert.equal(routeRequest('GET', '/pla'), 'not_found');
  assert.equal(routeRequest('PUT', '/play'), 'not_implemented');
});

test('GET /play serves the page as chunked text/html; HEAD only its headers', async () => {
  const app = buildClickHouseServer({ engine: new FakeEngine(), displayName: 'test-host' });
  const r = await app.inject({ method: 'GET', url: '/play?user=x' });
  assert.equal(r.statusCode, 200);
  assert.equal(r.headers['content-type'], 'text/html; charset=UTF-8');
  assert.equal(r.headers['transfer-encoding'], 'chunked');
  assert.equal(r.headers['content-encoding'], undefined);
  assert.match(r.body, /^<!DOCTYPE html>/);
  const h = await app.inject({ method: 'HEAD', url: '/play' });
  assert.equal(h.statusCode, 200);
  assert.equal(h.body, '');
  await app.close();
});

test("the page carries the ids of ClickHouse's Web UI for what a person drives", async () => {
  const app = buildClickHouseServer({ engine: new FakeEngine(), displayName: 'test-host' });
  const html = (await app.inject({ method: 'GET', url: '/play' })).body;
  for (const id of ['url', 'user', 'password', 'query', 'run', 'data-table', 'data-unparsed', 'error', 'stats', 'hourglass', 'check-mark']) {
    assert.match(html, new RegExp(`id="${id}"`), id);
  }
  // Self-contained: no script, style or image from elsewhere.
  assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)=/);
  await app.close();
});
