import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileTemplate, isLike, type PlaceholderContext } from '../../steps/support/expected_text.ts';

const clickhouse = (version = '1'): PlaceholderContext => ({ version });

test('{version} matches the target version with or without "(official build)"', async () => {
  const { regex } = await compileTemplate('Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version {version})\n', clickhouse('24.8.1.1'));
  assert.ok(regex.test('Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version 24.8.1.1)\n'));
  assert.ok(regex.test('Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version 24.8.1.1 (official build))\n'));
  assert.ok(!regex.test('Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version 24.8.1.2)\n'));
});

test('{number} matches decimal numbers only, {id} positive integers only', async () => {
  const { regex } = await compileTemplate('"elapsed": {number},', clickhouse());
  assert.ok(regex.test('"elapsed": 0.000030034,'));
  assert.ok(regex.test('"elapsed": 3e-05,'));
  assert.ok(!regex.test('"elapsed": "x",'));
  assert.ok(await isLike('TxnId 12', 'TxnId {id}', clickhouse()));
  assert.ok(!(await isLike('TxnId -1', 'TxnId {id}', clickhouse())));
});

test('{uuid} matches a lower-case UUID only', async () => {
  assert.ok(await isLike('id 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0', 'id {uuid}', clickhouse()));
  assert.ok(!(await isLike('id 0B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0', 'id {uuid}', clickhouse())));
});

test('text without placeholders is compared as it is, regular expression characters included', async () => {
  assert.ok(await isLike('a.b(c)', 'a.b(c)', clickhouse()));
  assert.ok(!(await isLike('axb', 'a.b', clickhouse())));
  assert.ok(!(await isLike('a.b(c) and more', 'a.b(c)', clickhouse())));
});

test('{any} matches any text within one line', async () => {
  const template = 'non-zero{any}. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)';
  assert.ok(await isLike('non-zero. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)', template, clickhouse()));
  assert.ok(await isLike("non-zero: while executing 'FUNCTION throwIf(x)'. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)", template, clickhouse()));
  assert.ok(!(await isLike('non-zero\nmore. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)', template, clickhouse())));
});

test('{anything} matches any text, line breaks included', async () => {
  const template = '{anything}\n (version {version})\n';
  assert.ok(await isLike('Code: 62. Syntax error\n\nStack trace:\n0. foo\n (version 24.8.1.1)\n', template, clickhouse('24.8.1.1')));
  assert.ok(await isLike('\n (version 24.8.1.1)\n', template, clickhouse('24.8.1.1')));
  assert.ok(!(await isLike('Code: 62.\n (version 24.8.1.1)\nmore', template, clickhouse('24.8.1.1'))));
});

function starrocks(): PlaceholderContext & { holder: { txnId: string | undefined } } {
  const holder = { txnId: undefined as string | undefined };
  return { version: '', bes: async () => ['127.0.0.1:8040', 'be2:8040'], txn: () => holder, holder };
}

test('{be} is one of the cluster\'s BEs, and needs a cluster', async () => {
  assert.ok(await isLike('http://be2:8040/api', 'http://{be}/api', starrocks()));
  assert.ok(!(await isLike('http://other:8040/api', 'http://{be}/api', starrocks())));
  await assert.rejects(isLike('http://be2:8040/api', 'http://{be}/api', clickhouse()), /StarRocks/);
});

test('{txn} is fixed by the first answer and must stay the same', async () => {
  const context = starrocks();
  assert.ok(await isLike('"TxnId": 42, again 42', '"TxnId": {txn}, again {txn}', context));
  assert.equal(context.holder.txnId, '42');
  assert.ok(!(await isLike('Transaction 43', 'Transaction {txn}', context)));
  assert.ok(await isLike('Transaction 42', 'Transaction {txn}', context));
});
