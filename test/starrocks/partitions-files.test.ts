import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchPartitions, expressionPartition } from '../../reference/starrocks/dialect/partition-names.ts';
import { canonical, lookup } from '../../reference/starrocks/cluster/be-files.ts';

test('a day batch is named p<yyyyMMdd> with half-open day ranges', () => {
  assert.deepEqual(batchPartitions('2024-01-30', '2024-02-02', 1, 'DAY'), [
    { name: 'p20240130', lower: '2024-01-30', upper: '2024-01-31' },
    { name: 'p20240131', lower: '2024-01-31', upper: '2024-02-01' },
    { name: 'p20240201', lower: '2024-02-01', upper: '2024-02-02' },
  ]);
  assert.deepEqual(batchPartitions('2024-01-01', '2024-03-01', 1, 'MONTH').map((p) => p.name), ['p202401', 'p202402']);
});

test('an integer batch is named p<lower> and the last range ends at END', () => {
  assert.deepEqual(batchPartitions('1', '25', 10, undefined), [
    { name: 'p1', lower: '1', upper: '11' }, { name: 'p11', lower: '11', upper: '21' }, { name: 'p21', lower: '21', upper: '25' },
  ]);
});

test('expression partitions: date_trunc units and list values', () => {
  assert.deepEqual(expressionPartition('2024-01-05 10:00:00', 'DAY', true), { name: 'p20240105', lower: '2024-01-05 00:00:00', upper: '2024-01-06 00:00:00' });
  assert.equal(expressionPartition('2024-07-15', 'MONTH', false)?.name, 'p202407');
  assert.deepEqual(expressionPartition('new-york', undefined, false), { name: 'pnewyork', values: ['new-york'] });
});

test('the BE file tree lists directories and finds files', () => {
  const files = new Map([['/s/snapshot/x/1/2/1.hdr', '{}']]);
  assert.deepEqual(lookup('/s/snapshot', files, ['/s']), { kind: 'dir', children: ['x'] });
  assert.deepEqual(lookup('/s/snapshot/x/1/2/1.hdr', files, []), { kind: 'file', content: '{}' });
  assert.equal(lookup('/s/none', files, ['/s']), undefined);
  assert.equal(canonical('/s/a/../b//c/.'), '/s/b/c');
});
