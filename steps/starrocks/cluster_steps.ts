// What a scenario notes about the cluster to compare later answers with (ports,
// configuration, colocate groups, tablets as the FE lists them) and what it
// needs of it (the FE's role, a CN). A noted value is kept under its name, so
// `{name}` in later steps stands for it; values of answers are noted with
// `I noted <text> as "name"` (text_steps.ts).

import { defineParameterType, Given, Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import { sendHttp } from '../support/http.ts';
import type { OlapWorld } from '../support/world.ts';
import { arrayOf, at, objectOf } from '../support/json_path.ts';
import { nodeUrls } from './support/nodes.ts';
import { basicAuthHeader } from './support/requests.ts';
import { newestVersion, rowsetsOf } from './support/rowsets.ts';
import { starrocks, type StarRocksSession } from './support/session.ts';
import { splitTable } from './sql_steps.ts';

function note(world: OlapWorld, name: string, value: string): void {
  world.names.set(name, value);
}

Given('I noted the first file listed by HEAD {string} as {string}', async function (this: OlapWorld, path: string, name: string) {
  const session = starrocks(this);
  const res = await sendHttp(session.info.fe, {
    method: 'HEAD', path: this.resolve(path), headers: { authorization: basicAuthHeader(session.info.user, session.info.password) },
  });
  const files = Object.keys(JSON.parse(res.headers.file_infos ?? '{}') as object);
  if (files.length === 0) throw new Error(`HEAD ${path} lists no files (status ${res.status})`);
  note(this, name, files[0]!);
});

Given('I noted the HTTP port of the BE as {string}', async function (this: OlapWorld, name: string) {
  note(this, name, new URL(await starrocks(this).nodeUrl('BE')).port);
});

Given('I noted the BE configuration {string} from \\/varz as {string}', async function (this: OlapWorld, key: string, name: string) {
  const res = await sendHttp(await starrocks(this).nodeUrl('BE'), { method: 'GET', path: '/varz?raw' });
  const line = res.body.toString('utf8').split('\n').find((text) => text.startsWith(`${key}=`));
  if (!line) throw new Error(`/varz?raw has no ${key}=`);
  note(this, name, line.slice(key.length + 1));
});

// SHOW PROC '/colocation_group' names a group "<dbId>_<name>" with the id "<dbId>.<groupId>".
Given('I noted the ids of the colocate group {string}', async function (this: OlapWorld, group: string) {
  const { columns, rows } = await starrocks(this).sql("SHOW PROC '/colocation_group'");
  const col = (name: string) => columns.findIndex((column) => column.toLowerCase() === name.toLowerCase());
  const wanted = this.resolve(group);
  const row = rows.find((r) => r[col('GroupName')] === wanted || r[col('GroupName')]!.endsWith(`_${wanted}`));
  if (!row) throw new Error(`no colocate group ${wanted} in ${JSON.stringify(rows)}`);
  const [dbId, groupId] = row[col('GroupId')]!.split('.');
  note(this, 'db_id', dbId!);
  note(this, 'group_id', groupId!);
  note(this, 'table_id', row[col('TableIds')]!.split(',')[0]!.trim());
});

Given('the FE is the leader', async function (this: OlapWorld) {
  const res = await sendHttp(starrocks(this).info.fe, { method: 'GET', path: '/api/show_meta_info?action=SHOW_HA' });
  const role = (JSON.parse(res.body.toString('utf8')) as { role?: string }).role;
  return role === 'LEADER' ? undefined : 'skipped';
});

Given('the cluster has a CN', async function (this: OlapWorld) {
  const cns = await nodeUrls(starrocks(this).info, 'CN').catch(() => []);
  return cns.length > 0 ? undefined : 'skipped';
});

// --- Tablets: the FE's _migration rows are [table, partition, tablet id, schema hash, backend id] ---

type MigrationRow = [string, string, number, number, number?];

function migrationRows(world: OlapWorld): MigrationRow[] {
  const rows = arrayOf(world) as MigrationRow[];
  for (const row of rows) {
    expect(row, 'a _migration row').to.be.an('array');
    expect(row[0], 'table name').to.be.a('string');
    expect(row[1], 'partition name').to.be.a('string');
    expect(row[2], 'tablet id').to.be.a('number');
    expect(row[3], 'schema hash').to.be.a('number');
    if (row.length > 4) expect(row[4], 'backend id').to.be.a('number');
  }
  return rows;
}

// ` of the table "{t}" sorted by tablet id`: only that table's rows, which must come in tablet id order.
defineParameterType({
  name: 'of_table_sorted',
  regexp: /(?: of the table "[^"]*" sorted by tablet id)?/,
  transformer: (text: string | undefined) => /"([^"]*)"/.exec(text ?? '')?.[1],
});

Then('the answer lists {int} tablets{of_table_sorted}', function (this: OlapWorld, count: number, table: string | undefined) {
  if (table === undefined) {
    expect(migrationRows(this).length, 'tablets').to.equal(count);
    return;
  }
  const name = this.resolve(table);
  const rows = migrationRows(this).filter((row) => row[0] === name);
  expect(rows.length, `tablets of ${name}`).to.equal(count);
  // An unpartitioned table has one partition named like the table.
  for (const row of rows) expect(row[1], 'partition').to.equal(name);
  const ids = rows.map((row) => row[2]);
  expect(ids, 'tablet ids in order').to.deep.equal([...ids].sort((a, b) => a - b));
  expect(new Set(ids).size, 'distinct tablet ids').to.equal(ids.length);
});

Then('every backend id in the answer is a BackendId of SHOW BACKENDS', async function (this: OlapWorld) {
  const { columns, rows } = await starrocks(this).sql('SHOW BACKENDS');
  const index = columns.findIndex((column) => column.toLowerCase() === 'backendid');
  const known = rows.map((row) => row[index]);
  for (const row of migrationRows(this)) expect(known, 'backend ids').to.include(String(row[4]));
});

Given('I noted the tablets of {string} that _migration lists', async function (this: OlapWorld, name: string) {
  const session = starrocks(this);
  const { db, table } = splitTable(this, name);
  const res = await sendHttp(session.info.fe, {
    method: 'GET', path: `/api/_migration?db=${db}&tbl=${table}`,
    headers: { authorization: basicAuthHeader(session.info.user, session.info.password) },
  });
  const rows = JSON.parse(res.body.toString('utf8')) as MigrationRow[];
  if (!Array.isArray(rows) || rows.length === 0) throw new Error(`_migration lists no tablets: ${res.body.toString('utf8')}`);
  session.tablets = rows.map((row) => String(row[2]));
  note(this, 'tablet', String(rows[0]![2]));
  note(this, 'schema_hash', String(rows[0]![3]));
  session.preferredBe = await backendUrl(session, rows[0]![4]);
});

/** The HTTP URL of a backend id; a cluster the target named its BE for has that one BE. */
async function backendUrl(session: StarRocksSession, id: number | undefined): Promise<string | undefined> {
  if (id === undefined || session.info.be) return undefined;
  const { columns, rows } = await session.sql('SHOW BACKENDS');
  const col = (name: string) => columns.findIndex((column) => column.toLowerCase() === name);
  const row = rows.find((r) => r[col('backendid')] === String(id));
  return row ? `http://${row[col('ip')] ?? row[col('host')]}:${row[col('httpport')]}` : undefined;
}

Given('I noted the keys of the JSON field {string} as the tablets', function (this: OlapWorld, path: string) {
  starrocks(this).tablets = Object.keys(at(objectOf(this), path) as object);
});

Then('the answer lists exactly the noted tablets', function (this: OlapWorld) {
  const ids = migrationRows(this).map((row) => String(row[2])).sort();
  expect(ids, 'tablets').to.deep.equal([...starrocks(this).tablets].sort());
});

Then('every entry of the JSON field {string} has the keys {string} with a non-empty routings list', function (this: OlapWorld, path: string, keys: string) {
  const entries = at(objectOf(this), path) as Record<string, Record<string, unknown>>;
  expect(Object.keys(entries).length, `entries of ${path}`).not.to.equal(0);
  for (const [id, entry] of Object.entries(entries)) {
    expect(Object.keys(entry), `keys of ${id}`).to.deep.equal(keys.split(',').map((key) => key.trim()));
    expect(Array.isArray(entry.routings) && entry.routings.length > 0, `routings of ${id}`).to.equal(true);
    expect(entry.version, `version of ${id}`).to.be.a('number');
  }
});

async function compactionOf(session: StarRocksSession, tablet: string): Promise<Record<string, unknown>> {
  const res = await sendHttp(await session.nodeUrl('BE'), { method: 'GET', path: `/api/compaction/show?tablet_id=${tablet}` });
  const text = res.body.toString('utf8');
  if (res.status !== 200) throw new Error(`compaction/show of ${tablet}: ${res.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

Then('the BE shows the compaction state of every noted tablet', async function (this: OlapWorld) {
  const session = starrocks(this);
  expect(session.tablets.length, 'noted tablets').not.to.equal(0);
  for (const tablet of session.tablets) {
    const state = await compactionOf(session, tablet);
    expect(Object.keys(state), `keys for tablet ${tablet}`).to.include('cumulative_point');
    newestVersion(rowsetsOf(state));
  }
});
