import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notFoundBody, pathHint, routeRequest } from '../../reference/clickhouse/routes.ts';

test('the default handler chain of 24.8', () => {
  assert.equal(routeRequest('GET', '/'), 'root');
  assert.equal(routeRequest('HEAD', '/'), 'root');
  assert.equal(routeRequest('GET', '/ping'), 'ping');
  assert.equal(routeRequest('GET', '/ping?x=1'), 'not_found');
  assert.equal(routeRequest('GET', '/replicas_status?verbose=1'), 'replicas_status');
  assert.equal(routeRequest('GET', '/?query=SELECT%201'), 'query');
  assert.equal(routeRequest('GET', '/query?query=1'), 'query');
  assert.equal(routeRequest('GET', '/?'), 'query');
  assert.equal(routeRequest('POST', '/'), 'query');
  assert.equal(routeRequest('POST', '/query'), 'not_found');
  assert.equal(routeRequest('GET', '/nope'), 'not_found');
  assert.equal(routeRequest('POST', '/ping'), 'not_found');
  assert.equal(routeRequest('DELETE', '/'), 'not_implemented');
  assert.equal(routeRequest('PUT', '/?query=1'), 'not_implemented');
  assert.equal(routeRequest('OPTIONS', '/'), 'query');
});

test('404 hints follow NamePrompter: close typos only', () => {
  assert.equal(pathHint('/pong'), '/ping');
  assert.equal(pathHint('/replica_status'), '/replicas_status');
  assert.equal(pathHint('/nope'), undefined);
  assert.equal(pathHint('/x'), undefined);
});

test('the 404 body is byte-exact', () => {
  assert.equal(notFoundBody('/nope'),
    'There is no handle /nope\n\nUse / or /ping for health checks.\nOr /replicas_status for more sophisticated health checks.\n\n' +
    'Send queries from your program with POST method or GET /?query=...\n\nUse clickhouse-client:\n\n' +
    "For interactive data analysis:\n    clickhouse-client\n\nFor batch query processing:\n    clickhouse-client --query='SELECT 1' > result\n" +
    '    clickhouse-client < query > result\n');
  assert.match(notFoundBody('/pign'), /^There is no handle \/pign\. Maybe you meant \/ping\.\n\n/);
});
