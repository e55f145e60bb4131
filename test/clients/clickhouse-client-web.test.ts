// The official browser client, @clickhouse/client-web, unmodified, in Chromium
// (through Playwright) against the reference — or OLAPSPEC_CLIENT_TARGET, e.g.
// clickhouse-chdb — started with the CORS configuration a browser application
// needs (config/variants/web_client.xml). The page comes from a server of its
// own on another port, so every request crosses origins as in real use: the
// preflight, Access-Control-Allow-Origin on the answers, and the headers the
// page may read (Access-Control-Expose-Headers) all take part.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { browserUnavailable, closeBrowser, sharedBrowser } from '../../steps/support/browser.ts';
import { startTarget, type RunningTarget } from '../../steps/targets/start_target.ts';
import { CLIENT_TARGET } from './target.ts';

const ENTRY = fileURLToPath(new URL('./web/workflow.ts', import.meta.url));

async function bundle(): Promise<string> {
  const result = await build({ entryPoints: [ENTRY], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false });
  return result.outputFiles[0]!.text;
}

/** A page and its script, served from 127.0.0.1 on a port of its own. */
function servePage(script: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/workflow.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(script);
    } else if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end('<!doctype html><meta charset="utf-8"><title>client-web</title><script src="/workflow.js"></script>');
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('@clickhouse/client-web in Chromium', { skip: browserUnavailable() }, () => {
  let target: RunningTarget;
  let server: Server;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const [started, script] = await Promise.all([startTarget(CLIENT_TARGET, { configVariant: 'web_client' }), bundle()]);
    target = started;
    server = await servePage(script);
    browser = await sharedBrowser();
    page = await (await browser.newContext()).newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  });
  after(async () => {
    await page?.context().close();
    await closeBrowser();
    server?.close();
    await target?.stop();
  });

  test('the whole workflow, from a page on another origin', async () => {
    // localhost, not 127.0.0.1: another origin than the page's (127.0.0.1:port) on any port.
    const url = target.url.replace('127.0.0.1', 'localhost');
    const out = await page.evaluate(([u, t]) => (globalThis as unknown as { olapspecWorkflow(url: string, table: string): Promise<Record<string, unknown>> })
      .olapspecWorkflow(u!, t!), [url, 'web_client_workflow']);
    assert.equal(out.unexpected, undefined, JSON.stringify(out.unexpected));
    assert.equal(out.ping, 'ok');
    assert.deepEqual(out.insert, { executed: true, query_id: 'web-insert-1', http_status_code: 200, written_rows: '2' });
    const json = out.json as { meta: unknown; data: unknown; rows: number };
    assert.deepEqual(json.meta, [{ name: 'id', type: 'UInt32' }, { name: 'name', type: 'String' }, { name: 'tags', type: 'Array(String)' }]);
    assert.deepEqual(json.data, [{ id: 1, name: 'one', tags: ['a'] }, { id: 2, name: "two 'quoted'", tags: [] }]);
    assert.equal(json.rows, 2);
    assert.equal(out.queryIdHeader, true, 'X-ClickHouse-Query-Id is readable from the page (Access-Control-Expose-Headers)');
    assert.equal(out.csv, '1,"one"\n2,"two \'quoted\'"\n');
    assert.deepEqual(out.stream, [{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    assert.deepEqual(out.params, [{ s: "it's\ttabbed", a: [1, 2], n: 9007199254740991 }]);
    assert.deepEqual(out.settings, [{ n: '1' }]);
    assert.deepEqual(out.session, [{ s: 9 }]);
    assert.deepEqual(out.compressed, { lines: 50_001 });
    assert.equal(out.exec, 'x\n42\n');
    assert.match(String((out.abort as { name?: string; error?: string }).error), /abort/i);
    assert.deepEqual({ ...(out.unknownTable as object), message: undefined }, { code: '60', type: 'UNKNOWN_TABLE', message: undefined });
    assert.equal((out.wrongPassword as { code?: string }).code, '516');
  });
});
