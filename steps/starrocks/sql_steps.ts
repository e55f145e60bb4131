// Databases, tables and users made the way StarRocks users make them: over the
// MySQL protocol to the FE's query port; rows read back the same way.

import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import { unescapeText } from '../support/escapes.ts';
import type { OlapWorld } from '../support/world.ts';
import { starrocks } from './support/session.ts';

/** `db.table` as a scenario writes it. */
export function splitTable(world: OlapWorld, name: string): { db: string; table: string } {
  const resolved = world.resolve(name);
  const dot = resolved.indexOf('.');
  if (dot < 0) throw new Error(`a table is named as database.table, not ${JSON.stringify(resolved)}`);
  return { db: resolved.slice(0, dot), table: resolved.slice(dot + 1) };
}

async function ensureDatabase(world: OlapWorld, db: string): Promise<void> {
  const session = starrocks(world);
  if (!session.databases.has(db)) await session.sql(`CREATE DATABASE ${db}`);
}

async function duplicateTable(world: OlapWorld, name: string, columns: string, buckets: number, properties = ''): Promise<void> {
  const { db, table } = splitTable(world, name);
  await ensureDatabase(world, db);
  const first = columns.trim().split(/\s+/)[0]!;
  await starrocks(world).sql(`CREATE TABLE ${db}.${table} (${columns}) DUPLICATE KEY (${first}) ` +
    `DISTRIBUTED BY HASH(${first}) BUCKETS ${buckets} PROPERTIES ("replication_num" = "1"${properties})`);
}

Given('a StarRocks database {string}', async function (this: OlapWorld, db: string) {
  await ensureDatabase(this, this.resolve(db));
});

// A duplicate-key table keyed and bucketed on its first column, one replica.
Given('a StarRocks table {string} with the columns {string}', async function (this: OlapWorld, name: string, columns: string) {
  await duplicateTable(this, name, columns, 1);
});

Given('a StarRocks table {string} with the columns {string} in {int} buckets',
  async function (this: OlapWorld, name: string, columns: string, buckets: number) {
    await duplicateTable(this, name, columns, buckets);
  });

Given('a colocated StarRocks table {string} in the group {string} with {int} buckets',
  async function (this: OlapWorld, name: string, group: string, buckets: number) {
    await duplicateTable(this, name, 'id INT, name VARCHAR(20)', buckets, `, "colocate_with" = "${this.resolve(group)}"`);
  });

Given('the StarRocks table {string} created with:', async function (this: OlapWorld, name: string, ddl: string) {
  await ensureDatabase(this, splitTable(this, name).db);
  await starrocks(this).sql(ddl);
});

Given('a StarRocks user {string} with the password {string}', async function (this: OlapWorld, user: string, password: string) {
  await starrocks(this).sql(`CREATE USER '${this.resolve(user)}'@'%' IDENTIFIED BY '${password}'`);
});

Given('I ran over MySQL {string}', async function (this: OlapWorld, sql: string) {
  await starrocks(this).sql(unescapeText(sql));
});

When('I run over MySQL {string}', async function (this: OlapWorld, sql: string) {
  await starrocks(this).sql(unescapeText(sql));
});

Given('I noted the MySQL query {string} as {string}', async function (this: OlapWorld, sql: string, name: string) {
  const { rows } = await starrocks(this).sql(sql);
  if (rows.length === 0) throw new Error(`${sql} returned no rows`);
  this.names.set(name, rows[0]![0]!);
});

Then('the MySQL query {string} returns:', async function (this: OlapWorld, sql: string, table: DataTable) {
  const { rows } = await starrocks(this).sql(sql);
  const wanted = table.raw().map((row) => row.map((cell) => this.resolve(cell.trim())));
  expect(rows, `rows of ${this.resolve(sql)}`).to.deep.equal(wanted);
});

Then('the MySQL query {string} returns no rows', async function (this: OlapWorld, sql: string) {
  const { rows } = await starrocks(this).sql(sql);
  expect(rows, `rows of ${this.resolve(sql)}`).to.deep.equal([]);
});

async function rowWhere(world: OlapWorld, sql: string, conditions: [string, string][]): Promise<void> {
  const { columns, rows } = await starrocks(world).sql(sql);
  const indexes = conditions.map(([column]) => {
    const index = columns.findIndex((name) => name.toLowerCase() === column.toLowerCase());
    if (index < 0) throw new Error(`${sql} has no column ${column}: ${columns.join(', ')}`);
    return index;
  });
  const found = rows.some((row) => conditions.every(([, value], i) => row[indexes[i]!] === world.resolve(value)));
  expect(found, `a row of ${world.resolve(sql)} with ${conditions.map(([c, v]) => `${c} = ${world.resolve(v)}`).join(' and ')} ` +
    `among ${JSON.stringify(rows).slice(0, 500)}`).to.equal(true);
}

Then('the MySQL query {string} has a row whose {string} is {string}', async function (this: OlapWorld, sql: string, column: string, value: string) {
  await rowWhere(this, sql, [[column, value]]);
});

Then('the MySQL query {string} has a row whose {string} is {string} and whose {string} is {string}',
  async function (this: OlapWorld, sql: string, column: string, value: string, column2: string, value2: string) {
    await rowWhere(this, sql, [[column, value], [column2, value2]]);
  });

Then('the JSON field {string} is column {int} of the MySQL query {string}', async function (this: OlapWorld, path: string, column: number, sql: string) {
  const { rows } = await starrocks(this).sql(sql);
  const json = JSON.parse(this.response.body.toString('utf8')) as unknown;
  let value: unknown = json;
  for (const part of path.split('.')) value = (value as Record<string, unknown>)[part];
  expect(value, path).to.equal(rows[0]?.[column - 1]);
});
