import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../reference/clickhouse/config.ts';
import type { ServerConfig } from '../../reference/clickhouse/config.ts';
import { orderedEntries, readConfigTree } from '../../reference/config/config-tree.ts';
import { readHttpHandlers } from '../../reference/clickhouse/http-handlers/rules.ts';
import type { ChainEntry, HandlerRule } from '../../reference/clickhouse/http-handlers/rules.ts';
import { selectHandler } from '../../reference/clickhouse/http-handlers/select.ts';
import { buildClickHouseServer } from '../../reference/clickhouse/server.ts';

function configFile(body: string, ext = 'xml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-handlers-'));
  const path = join(dir, `config.${ext}`);
  writeFileSync(path, ext === 'xml' ? `<clickhouse>${body}</clickhouse>` : body);
  return path;
}

function chainOf(body: string): ChainEntry[] | undefined {
  return readHttpHandlers(readConfigTree(configFile(body)));
}

function rule(entry: ChainEntry | undefined): HandlerRule {
  assert.equal(entry?.kind, 'rule');
  return (entry as { rule: HandlerRule }).rule;
}

const req = (method: string, uri: string, headers: Record<string, string> = {}) => ({ method, uri, headers });

test('no <http_handlers>: no chain, the default handlers answer', () => {
  assert.equal(chainOf('<display_name>x</display_name>'), undefined);
  assert.deepEqual(selectHandler(undefined, req('GET', '/ping')), { kind: 'default', route: 'ping' });
  assert.deepEqual(selectHandler(undefined, req('GET', '/nope')), { kind: 'not_found', hints: true });
  assert.deepEqual(selectHandler(undefined, req('PUT', '/nope')), { kind: 'not_implemented' });
});

test('rules and <defaults/> keep their document order, named as Poco names repeated keys', () => {
  const chain = chainOf(`<http_handlers>
    <rule><url>/a</url><handler><type>static</type></handler></rule>
    <defaults/>
    <rule><url>/b</url><handler><type>static</type></handler></rule>
  </http_handlers>`)!;
  assert.deepEqual(chain.map((e) => e.kind), ['rule', 'defaults', 'rule']);
  assert.equal(rule(chain[0]).path, 'http_handlers.rule');
  assert.equal(rule(chain[2]).path, 'http_handlers.rule[1]');
});

test('the same chain from YAML: a list under `rule`, then defaults', () => {
  const tree = readConfigTree(configFile(`http_handlers:
  rule:
    - url: /a
      handler: { type: static, response_content: A }
    - url: 'regex:/b/(?P<x>\\d+)'
      methods: GET, post
      handler: { type: predefined_query_handler, query: 'SELECT {x:UInt8}' }
  defaults: ''
`, 'yaml'));
  const chain = readHttpHandlers(tree)!;
  assert.deepEqual(chain.map((e) => e.kind), ['rule', 'rule', 'defaults']);
  const second = rule(chain[1]);
  assert.deepEqual(second.filters.methods, ['GET', 'POST']);
  assert.ok(second.filters.url?.regex?.test('/b/12'));
  assert.deepEqual(second.handler, { type: 'predefined_query_handler', query: 'SELECT {x:UInt8}' });
});

test('static handlers: defaults, content_type over http_response_headers, config:// resolved from the config', () => {
  const chain = chainOf(`<greeting><![CDATA[<b>hi</b>]]></greeting>
  <http_handlers>
    <rule><handler><type>static</type></handler></rule>
    <rule><handler><type>static</type><status>402</status>
      <http_response_headers><Content-Type>a/b</Content-Type><X-A>1</X-A></http_response_headers>
      <content_type>text/html</content_type><response_content>config://greeting</response_content></handler></rule>
    <rule><handler><type>static</type><response_content>config://missing</response_content></handler></rule>
    <rule><handler><type>static</type><response_content>config://</response_content></handler></rule>
    <rule><handler><type>static</type><response_content>file:///a.html</response_content></handler></rule>
  </http_handlers>`)!;
  assert.deepEqual(rule(chain[0]).handler, { type: 'static', status: 200, content: { kind: 'text', text: 'Ok.\n' } });
  assert.deepEqual(rule(chain[0]).responseHeaders, []);
  assert.deepEqual(rule(chain[1]).handler, { type: 'static', status: 402, content: { kind: 'text', text: '<b>hi</b>' } });
  assert.deepEqual(rule(chain[1]).responseHeaders, [['X-A', '1'], ['Content-Type', 'text/html']]);
  assert.deepEqual(rule(chain[2]).handler, { type: 'static', status: 200, content: { kind: 'text', text: 'Ok.\n' } });
  assert.deepEqual(rule(chain[3]).handler, { type: 'static', status: 200, content: { kind: 'incomplete_config_path' } });
  assert.deepEqual(rule(chain[4]).handler, { type: 'static', status: 200, content: { kind: 'file', name: '/a.html' } });
});

test('configuration mistakes stop the start with ClickHouse\'s codes and words', () => {
  const fails = (body: string, code: number, message: string | RegExp) => {
    assert.throws(() => chainOf(`<http_handlers>${body}</http_handlers>`), (err: Error & { code?: number }) => {
      assert.equal(err.code, code);
      if (typeof message === 'string') assert.equal(err.message, message);
      else assert.match(err.message, message);
      return true;
    });
  };
  fails('<rule><handler><type>static</type></handler></rule><rule><uri>/x</uri><handler><type>static</type></handler></rule>',
    137, 'Unknown element in config: http_handlers.rule[1].uri');
  fails('<handler/>', 137, "Unknown element in config: http_handlers.handler, must be 'rule' or 'defaults'");
  fails('<rule><url>/x</url></rule>', 318, 'Handler type in config is not specified here: http_handlers.rule.handler.type');
  fails('<rule><handler><type>nope</type></handler></rule>', 318, "Unknown handler type 'nope' in config here: http_handlers.rule.handler.type");
  fails('<rule><handler><type>predefined_query_handler</type></handler></rule>', 139,
    "There is no path 'http_handlers.rule.handler.query' in configuration file.");
  fails('<rule><url>regex:/a(</url><handler><type>static</type></handler></rule>', 427,
    /^Cannot compile re2: regex:\/a\( for http handling rule, error: .*\. Look at https:\/\/github.com\/google\/re2\/wiki\/Syntax for reference\.$/);
});

test('matching: first rule wins, url without the query string, regex in full, methods, missing header is empty', () => {
  const chain = chainOf(`<http_handlers>
    <rule><url>/first</url><handler><type>static</type><response_content>1</response_content></handler></rule>
    <rule><url>regex:/fir.*</url><handler><type>static</type><response_content>2</response_content></handler></rule>
    <rule><url>/post</url><methods> post , PUT</methods><handler><type>static</type></handler></rule>
    <rule><url>/h</url><headers><X-Mode>regex:(|quiet)</X-Mode></headers><handler><type>static</type></handler></rule>
    <rule><url>/e</url><empty_query_string/><handler><type>static</type></handler></rule>
  </http_handlers>`)!;
  const pick = (r: ReturnType<typeof req>) => {
    const s = selectHandler(chain, r);
    return s.kind === 'rule' ? s.rule.path : s.kind;
  };
  assert.equal(pick(req('GET', '/first')), 'http_handlers.rule');
  assert.equal(pick(req('GET', '/first?x=1')), 'http_handlers.rule');
  assert.equal(pick(req('GET', '/firsts')), 'http_handlers.rule[1]');
  assert.equal(pick(req('GET', '/a/first')), 'not_found');
  assert.equal(pick(req('POST', '/post')), 'http_handlers.rule[2]');
  assert.equal(pick(req('PUT', '/post')), 'http_handlers.rule[2]');
  assert.equal(pick(req('GET', '/post')), 'not_found');
  assert.equal(pick(req('GET', '/h')), 'http_handlers.rule[3]');
  assert.equal(pick(req('GET', '/h', { 'x-mode': 'quiet' })), 'http_handlers.rule[3]');
  assert.equal(pick(req('GET', '/h', { 'x-mode': 'loud' })), 'not_found');
  assert.equal(pick(req('GET', '/e')), 'http_handlers.rule[4]');
  assert.equal(pick(req('GET', '/e?')), 'not_found');
});

test('without <defaults/> only the rules exist: 404 without hints for GET/HEAD/POST, 501 otherwise', () => {
  const chain = chainOf('<http_handlers><rule><url>/a</url><handler><type>static</type></handler></rule></http_handlers>')!;
  for (const [method, uri] of [['GET', '/'], ['GET', '/ping'], ['GET', '/?query=SELECT%201'], ['POST', '/'], ['HEAD', '/pong']]) {
    assert.deepEqual(selectHandler(chain, req(method!, uri!)), { kind: 'not_found', hints: false }, `${method} ${uri}`);
  }
  assert.deepEqual(selectHandler(chain, req('DELETE', '/')), { kind: 'not_implemented' });
  const withDefaults = chainOf('<http_handlers><rule><url>/a</url><handler><type>static</type></handler></rule><defaults/></http_handlers>')!;
  assert.deepEqual(selectHandler(withDefaults, req('GET', '/?query=1')), { kind: 'default', route: 'query' });
  assert.deepEqual(selectHandler(withDefaults, req('GET', '/pong')), { kind: 'not_found', hints: true });
});

test('XML keeps interleaved repeated elements in document order; the grouped view stays as it was', () => {
  const tree = readConfigTree(configFile('<s><b>1</b><c>2</c><b>3</b></s>'));
  assert.deepEqual(tree.s, { b: ['1', '3'], c: '2' });
  assert.deepEqual(orderedEntries(tree.s), [['b', '1'], ['c', '2'], ['b', '3']]);
});

// ------------------------------------------------------------------ served

function server(body: string, files: Record<string, string> = {}) {
  const path = configFile(body);
  const userFiles = mkdtempSync(join(tmpdir(), 'olapspec-user-files-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(userFiles, name), text);
  const config: ServerConfig = { ...loadConfig(path), userFilesPath: userFiles, displayName: 'test-host' };
  return { app: buildClickHouseServer({ config }), userFiles };
}

test('served without defaults: the rules answer, / and the query handler are gone', async () => {
  const { app } = server(`<http_handlers>
    <rule><url>/hi</url><methods>GET</methods><handler><type>static</type><status>402</status>
      <content_type>text/html; charset=UTF-8</content_type>
      <http_response_headers><X-My>43</X-My></http_response_headers><response_content>Say Hi!</response_content></handler></rule>
  </http_handlers>`);
  const hi = await app.inject({ method: 'GET', url: '/hi' });
  assert.equal(hi.statusCode, 402);
  assert.equal(hi.statusMessage, 'Payment Required');
  assert.equal(hi.body, 'Say Hi!');
  assert.equal(hi.headers['content-type'], 'text/html; charset=UTF-8');
  assert.equal(hi.headers['x-my'], '43');
  const root = await app.inject({ method: 'GET', url: '/' });
  assert.equal(root.statusCode, 404);
  assert.match(root.body, /^There is no handle \/\n\n/);
  const ping = await app.inject({ method: 'GET', url: '/pingg' });
  assert.doesNotMatch(ping.body, /Maybe you meant/);
  assert.equal((await app.inject({ method: 'GET', url: '/?query=SELECT%201' })).statusCode, 404);
  assert.equal((await app.inject({ method: 'DELETE', url: '/hi' })).statusCode, 501);
});

test('static files from user_files_path; a missing one is a 500 with INCORRECT_FILE_NAME', async () => {
  const { app } = server(`<http_handlers>
    <rule><url>/abs</url><handler><type>static</type><response_content>file:///a.html</response_content></handler></rule>
    <rule><url>/rel</url><handler><type>static</type><response_content>file://./a.html</response_content></handler></rule>
    <rule><url>/none</url><handler><type>static</type><status>201</status><response_content>file://none.html</response_content></handler></rule>
    <rule><url>/cfg</url><handler><type>static</type><response_content>config://</response_content></handler></rule>
  </http_handlers>`, { 'a.html': '<p>A</p>\n' });
  for (const url of ['/abs', '/rel']) {
    const r = await app.inject({ method: 'GET', url });
    assert.equal(r.statusCode, 200);
    assert.equal(r.body, '<p>A</p>\n');
    assert.equal(r.headers['content-type'], 'text/plain; charset=UTF-8');
  }
  const none = await app.inject({ method: 'GET', url: '/none' });
  assert.equal(none.statusCode, 500);
  assert.equal(none.headers['x-clickhouse-exception-code'], '79');
  assert.match(none.body, /^Code: 79\. DB::Exception: Invalid file name .*none\.html for static HTTPHandler\. \. \(INCORRECT_FILE_NAME\) \(version [0-9.]+\)\n$/);
  const cfg = await app.inject({ method: 'GET', url: '/cfg' });
  assert.equal(cfg.statusCode, 500);
  assert.equal(cfg.headers['x-clickhouse-exception-code'], '318');
});

test('static never serves a file outside user_files_path: "..", absolute names and symlinks are refused with 291', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'olapspec-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'secret\n');
  const { app, userFiles } = server(`<http_handlers>
    <rule><url>/up</url><handler><type>static</type><response_content>file://../${outside.split('/').pop()}/secret.txt</response_content></handler></rule>
    <rule><url>/abs</url><handler><type>static</type><response_content>file:///${outside}/secret.txt</response_content></handler></rule>
    <rule><url>/link</url><handler><type>static</type><response_content>file://link/secret.txt</response_content></handler></rule>
    <rule><url>/inside</url><handler><type>static</type><response_content>file://sub/../a.html</response_content></handler></rule>
  </http_handlers>`, { 'a.html': '<p>A</p>\n' });
  symlinkSync(outside, join(userFiles, 'link'));
  for (const url of ['/up', '/abs', '/link']) {
    const r = await app.inject({ method: 'GET', url });
    assert.equal(r.statusCode, 500, url);
    assert.equal(r.headers['x-clickhouse-exception-code'], '291', url);
    assert.match(r.body, /^Code: 291\. DB::Exception: File `.*secret\.txt` for static HTTPHandler is not inside user files path\. \(PATH_ACCESS_DENIED\)/, url);
    assert.doesNotMatch(r.body, /secret\n/);
  }
  const inside = await app.inject({ method: 'GET', url: '/inside' });
  assert.equal(inside.statusCode, 200);
  assert.equal(inside.body, '<p>A</p>\n');
});

test('redirect: 302 with Location and an empty body', async () => {
  const { app } = server('<http_handlers><rule><url>/play</url><handler><type>redirect</type><location>/play?user=play</location></handler></rule></http_handlers>');
  const r = await app.inject({ method: 'GET', url: '/play' });
  assert.equal(r.statusCode, 302);
  assert.equal(r.headers.location, '/play?user=play');
  assert.equal(r.headers['content-length'], '0');
  assert.equal(r.body, '');
});

test('predefined queries: url and header captures, name= and param_name=, other params are settings, GET is readonly', async () => {
  const { app } = server(`<http_handlers>
    <rule><url><![CDATA[regex:/n/(?P<n>[0-9]+)]]></url>
      <headers><X-Label><![CDATA[regex:(?P<label>.*)]]></X-Label></headers>
      <handler><type>predefined_query_handler</type><query>SELECT {n:UInt8} + 1, {label:String}, getSetting('readonly')</query></handler></rule>
    <rule><url>/body</url><handler><type>predefined_query_handler</type><content_type>text/x-olap</content_type>
      <query>SELECT {_request_body:String}</query></handler></rule>
    <rule><url>/dyn</url><handler><type>dynamic_query_handler</type><query_param_name>q</query_param_name></handler></rule>
  </http_handlers>`);
  const get = async (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  assert.equal((await get('/n/41', { 'x-label': 'h' })).body, '42\th\t2\n');
  // A name the URL gives and a capture gives too is set twice: Context::setQueryParameter refuses that.
  const twice = await get('/n/41?n=7', { 'x-label': 'h' });
  assert.equal(twice.statusCode, 400);
  assert.match(twice.body, /^Code: 36\. DB::Exception: Duplicate name `n` of query parameter\. \(BAD_ARGUMENTS\)/);
  assert.equal((await get('/n/41?param_label=u', { 'x-label': 'h' })).statusCode, 400);
  const unknown = await get('/n/41?olapspec_nosuch=1', { 'x-label': 'h' });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.headers['x-clickhouse-exception-code'], '115');
  const body = await app.inject({ method: 'POST', url: '/body', payload: 'hello body' });
  assert.equal(body.body, 'hello body\n');
  assert.equal(body.headers['content-type'], 'text/x-olap');
  const dyn = await get('/dyn?q=SELECT%20%7Bv:UInt8%7D&param_v=5');
  assert.equal(dyn.body, '5\n');
  // `query` is not the dynamic handler's parameter here, so it is a setting ClickHouse does not know.
  assert.equal((await get('/dyn?q=SELECT%201&query=x')).statusCode, 404);
});
