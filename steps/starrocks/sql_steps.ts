// Databases, tables and users made the way StarRocks users make them: over the
// MySQL protocol to the FE's query port; rows read back the same way.

import { defineParameterType, Given, Then, type DataTable } from '@cucumber/cucumber';
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

interface TableLayout {
  buckets: number;
  group?: string;
}

// ` in 3 buckets`, ` in the colocate group "{g}"`: one bucket and no group when not said.
defineParameterType({
  name: 'table_layout',
  regexp: /(?: in \d+ buckets)?(?: in the colocate group "[^"]*")?/,
  transformer: (text: string | undefined): TableLayout => {
    const buckets = / in (\d+) buckets/.exec(text ?? '')?.[1];
    const group = / in the colocate group "([^"]*)"/.exec(text ?? '')?.[1];
    return { buckets: buckets === undefined ? 1 : Number(buckets), ...(group !== undefined ? { group } : {}) };
  },
});

// A duplicate-key table keyed and bucketed on its first column, one replica.
Given('a StarRocks table {string} with the columns {string}{table_layout}', async function (this: OlapWorld, name: string, columns: string,
  layout: TableLayout) {
  const properties = layout.group === undefined ? '' : `, "colocate_with" = "${this.resolve(layout.group)}"`;
  await duplicateTable(this, name, columns, layout.buckets, properties);
});

Given('the StarRocks table {string} created with:', async function (this: OlapWorld, name: string, ddl: string) {
  await ensureDatabase(this, splitTable(this, name).db);
  await starrocks(this).sql(ddl);
});

Given('a StarRocks user {string} with the password {string}', async function (this: OlapWorld, user: string, password: string) {
  await starrocks(this).sql(`CREATE USER '${this.resolve(user)}'@'%' IDENTIFIED BY '${password}'`);
});

// A statement that fails fails the step; what it returns is read with the checks below.
Given('I ran over MySQL {string}', async function (this: OlapWorld, sql: string) {
  await starrocks(this).sql(unescapeText(sql));
});

Then('the MySQL query {string} returns:', async function (this: OlapWorld, sql: string, table: DataTable) {
  const { rows } = await starrocks(this).sql(sql);
  const wanted = table.raw().map((row) => row.map((cell) => this.resolve(cell.trim())));
  expect(rows, `rows of ${this.resolve(sql)}`).to.deep.equal(wanted);
});

// ` whose "Value" is "1"`, repeated with ` and whose …`: columns by name, values with the scenario's names.
defineParameterType({
  name: 'row_conditions',
  regexp: /whose "[^"]*" is "[^"]*"(?: and whose "[^"]*" is "[^"]*")*/,
  transformer: (text: string): [string, string][] =>
    [...text.matchAll(/whose "([^"]*)" is "([^"]*)"/g)].map((match) => [match[1]!, match[2]!]),
});

Then('the MySQL query {string} has a row {row_conditions}', async function (this: OlapWorld, sql: string, conditions: [string, string][]) {
  const { columns, rows } = await starrocks(this).sql(sql);
  const indexes = conditions.map(([column]) => {
    const index = columns.findIndex((name) => name.toLowerCase() === column.toLowerCase());
    if (index < 0) throw new Error(`${sql} has no column ${column}: ${columns.join(', ')}`);
    return index;
  });
  const found = rows.some((row) => conditions.every(([, value], i) => row[indexes[i]!] === this.resolve(value)));
  expect(found, `a row of ${this.resolve(sql)} with ${conditions.map(([c, v]) => `${c} = ${this.resolve(v)}`).join(' and ')} ` +
    `among ${JSON.stringify(rows).slice(0, 500)}`).to.equal(true);
});
