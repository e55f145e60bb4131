import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compatFor } from '../../reference/clickhouse/compat.ts';
import { routeRequest } from '../../reference/clickhouse/routes.ts';
import { buildClickHouseServer } from '../../reference/clickhouse/server.ts';
import { FakeEngine } from './fake-engine.ts';

const page = (name: string) => readFileSync(new URL(`../../reference/clickhouse/web-ui/${name}`, import.meta.url), 'utf8');

async function served(line: '26.7' | '24.8', url = '/play'): Promise<string> {
  const app = buildClickHouseServer({ engine: new FakeEngine(), displayName: 'test-host', compat: compatFor(line) });
  try {
    return (await app.inject({ method: 'GET', url })).body;
  } finally {
    await app.close();
  }
}

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

test("emulating 26.7 the page is 26.7's own play.html; emulating 24.8, olapspec's stand-in", async () => {
  assert.equal(await served('26.7'), page('play-26.7.html'));
  assert.equal(await served('24.8', '/playground'), page('play.html'));
});

test("26.7's page keeps where it came from and its licence", () => {
  const head = page('play-26.7.html').slice(0, 1000);
  assert.match(head, /^<!DOCTYPE html>\n<!--/);
  assert.match(head, /programs\/server\/play\.html/);
  assert.match(head, /Apache License, Version 2\.0/);
});

for (const name of ['play-26.7.html', 'play.html']) {
  test(`${name} carries the ids of ClickHouse's Web UI for what a person drives`, () => {
    const html = page(name);
    for (const id of ['url', 'user', 'password', 'query', 'run', 'data-table', 'data-unparsed', 'error', 'stats', 'hourglass', 'check-mark']) {
      assert.match(html, new RegExp(`id="${id}"`), id);
    }
  });

  test(`${name} loads nothing from elsewhere when it opens`, () => {
    // Only data: URLs in the markup; 26.7's page fetches a chart library from a CDN when a chart is asked for, never on load.
    for (const m of page(name).matchAll(/<(script|link|img)\b[^>]*\b(src|href)="([^"]*)"/g)) {
      assert.match(m[3]!, /^data:/, m[0]);
    }
  });
}
