// Metrics as monitoring reads them, and counters compared before and after an event.

import { defineParameterType, Given, Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import { sendHttp } from '../support/http.ts';
import type { Count } from '../parameter_types.ts';
import type { OlapWorld } from '../support/world.ts';
import type { NodeKind } from './support/nodes.ts';
import { arrayOf } from '../support/json_path.ts';
import { prometheusProblems, sampleValue } from './support/prometheus.ts';
import { starrocks } from './support/session.ts';

// `HELP and TYPE lines` (the FE's) or `TYPE lines only` (a BE's, a CN's).
defineParameterType({ name: 'prometheus_lines', regexp: /HELP and TYPE lines|TYPE lines only/, transformer: (text: string) => text.startsWith('HELP') });

Then('the body is Prometheus text with {prometheus_lines} and labels joined by {string}', function (this: OlapWorld, help: boolean, separator: string) {
  // node_info is written with a TYPE line only (PrometheusMetricVisitor.visitNodeInfo).
  const problems = prometheusProblems(this.response.body.toString('utf8'), { help, separator }, help ? ['node_info'] : undefined);
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

// `compact` (a BE's, a CN's: one line) or `one-metric-per-line` (the FE's: "[", an element a line, "]").
defineParameterType({ name: 'json_layout', regexp: /compact|one-metric-per-line/, transformer: (text: string) => text });

Then('the body is a {json_layout} JSON array of metrics with {string}, {string} and {string}',
  function (this: OlapWorld, layout: string, a: string, b: string, c: string) {
    expectMetricItems(this, [a, b, c]);
    const text = this.response.body.toString('utf8');
    if (layout === 'compact') {
      expect(text, 'body').not.to.match(/\n\s/);
      return;
    }
    const lines = text.split('\n');
    expect(lines[0], 'first line').to.equal('[');
    expect(lines[lines.length - 1], 'last line').to.equal(']');
    for (const line of lines.slice(1, -1)) expect(line, 'an element line').to.match(/^\{.*\},?$/);
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

Then('the {starrocks_node} metric {string} grew by {count}', async function (this: OlapWorld, kind: NodeKind, sample: string, by: Count) {
  const before = noted(this, kind, sample);
  const growth = (await metric(this, kind, sample)) - before;
  if (by.atLeast) expect(growth >= by.n, `growth of ${sample} from ${before}: ${growth}`).to.equal(true);
  else expect(growth, `growth of ${sample} from ${before}`).to.equal(by.n);
});
