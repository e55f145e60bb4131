// Metrics as monitoring reads them, and counters compared before and after an event.

import { Given, Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import { sendHttp } from '../support/http.ts';
import type { OlapWorld } from '../support/world.ts';
import type { NodeKind } from './support/nodes.ts';
import { arrayOf } from './support/json_path.ts';
import { prometheusProblems, sampleValue } from './support/prometheus.ts';
import { starrocks } from './support/session.ts';

Then('the body is Prometheus text with HELP and TYPE lines and labels joined by {string}', function (this: OlapWorld, separator: string) {
  // node_info is written with a TYPE line only (PrometheusMetricVisitor.visitNodeInfo).
  const problems = prometheusProblems(this.response.body.toString('utf8'), { help: true, separator }, ['node_info']);
  expect(problems.slice(0, 10), 'problems').to.deep.equal([]);
});

Then('the body is Prometheus text with TYPE lines only and labels joined by {string}', function (this: OlapWorld, separator: string) {
  const problems = prometheusProblems(this.response.body.toString('utf8'), { help: false, separator });
  expect(problems.slice(0, 10), 'problems').to.deep.equal([]);
});

function expectMetricItems(world: OlapWorld, keys: string[]): void {
  const items = arrayOf(world);
  expect(items.length, 'number of metrics').not.to.equal(0);
  for (const item of items) {
    expect(Object.keys(item as object), `keys of ${JSON.stringify(item)}`).to.deep.equal(keys);
    expect((item as { tags: { metric?: unknown } }).tags.metric, 'tags.metric').to.be.a('string');
  }
}

Then('the body is a JSON array of metrics with {string}, {string} and {string}, one per line',
  function (this: OlapWorld, a: string, b: string, c: string) {
    expectMetricItems(this, [a, b, c]);
    const lines = this.response.body.toString('utf8').split('\n');
    expect(lines[0], 'first line').to.equal('[');
    expect(lines[lines.length - 1], 'last line').to.equal(']');
    for (const line of lines.slice(1, -1)) expect(line, 'an element line').to.match(/^\{.*\},?$/);
  });

Then('the body is a compact JSON array of metrics with {string}, {string} and {string}',
  function (this: OlapWorld, a: string, b: string, c: string) {
    expectMetricItems(this, [a, b, c]);
    expect(this.response.body.toString('utf8'), 'body').not.to.match(/\n\s/);
  });

async function metric(world: OlapWorld, kind: NodeKind, sample: string): Promise<number> {
  const res = await sendHttp(await starrocks(world).nodeUrl(kind), { method: 'GET', path: '/metrics' });
  const value = sampleValue(res.body.toString('utf8'), sample);
  if (value === undefined) throw new Error(`no sample ${sample} in the ${kind}'s /metrics (status ${res.status})`);
  return value;
}

Given('I noted the {starrocks_node} metric {string}', async function (this: OlapWorld, kind: NodeKind, sample: string) {
  starrocks(this).noted.set(`${kind} ${sample}`, await metric(this, kind, sample));
});

function noted(world: OlapWorld, kind: NodeKind, sample: string): number {
  const before = starrocks(world).noted.get(`${kind} ${sample}`);
  if (before === undefined) throw new Error(`the ${kind} metric ${sample} was not noted before`);
  return before;
}

Then('the {starrocks_node} metric {string} grew by {int}', async function (this: OlapWorld, kind: NodeKind, sample: string, by: number) {
  const before = noted(this, kind, sample);
  expect((await metric(this, kind, sample)) - before, `growth of ${sample} from ${before}`).to.equal(by);
});

Then('the {starrocks_node} metric {string} grew by at least {int}', async function (this: OlapWorld, kind: NodeKind, sample: string, by: number) {
  const before = noted(this, kind, sample);
  const growth = (await metric(this, kind, sample)) - before;
  expect(growth >= by, `growth of ${sample} from ${before}: ${growth}`).to.equal(true);
});
