// The system.* tables: computed from the catalog, settings and registries when read.

import { T, arrayOf, nullable, serializeText } from './types.ts';
import type { DataType } from './types.ts';
import type { ColumnDef } from './api.ts';
import type { Catalog } from './catalog.ts';
import { tableRowCount } from './catalog.ts';
import type { Settings } from './settings.ts';
import { settingValueText } from './settings.ts';
import { allFunctionNames } from './functions/registry.ts';
import { allAggregateNames } from './aggregates.ts';
import { showCreateTable } from './ddl.ts';
import type { ProcessList } from './processes/process-list.ts';
import type { AccessControl } from './access/access-control.ts';
import type { SessionScope } from './session.ts';
import { PROCESSES_TABLE } from './processes/system-processes.ts';
import { ACCESS_SYSTEM_TABLES } from './access/system-tables.ts';
import { METRICS_TABLE } from './system-metrics.ts';

export interface SystemTableContext {
  catalog: Catalog;
  settings: Settings;
  processes?: ProcessList;
  access?: AccessControl;
  /** The query's session: its temporary tables show in system.tables. */
  scope?: SessionScope;
  user?: string;
  currentRoles?: readonly string[];
  /** Tables this user may see (SHOW privileges); all when absent. */
  visible?: (db: string, table?: string) => boolean;
}

export interface SystemTable {
  columns: ColumnDef[];
  /** Rows, or an infinite generator for system.numbers. */
  rows?: (ctx: SystemTableContext) => unknown[][];
  infinite?: boolean;
}

const col = (name: string, type: DataType): ColumnDef => ({ name, type });

export const SYSTEM_TABLES: Record<string, SystemTable> = {
  one: { columns: [col('dummy', T.UInt8)], rows: () => [[0]] },
  numbers: { columns: [col('number', T.UInt64)], infinite: true },
  numbers_mt: { columns: [col('number', T.UInt64)], infinite: true },
  zeros: { columns: [col('zero', T.UInt8)], infinite: true },
  settings: {
    columns: [
      col('name', T.String), col('value', T.String), col('changed', T.UInt8), col('description', T.String),
      col('min', nullable(T.String)), col('max', nullable(T.String)), col('readonly', T.UInt8), col('type', T.String),
      col('default', T.String), col('alias_for', T.String), col('is_obsolete', T.UInt8),
    ],
    rows: ({ settings }) => [...settings.entries()].map(({ def, value, changed }) => [
      def.name, settingValueText(def, value), changed ? 1 : 0, def.description, null, null, 0,
      def.type === 'Enum' ? def.name.split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') : def.type,
      settingValueText(def, def.default), '', 0,
    ]),
  },
  databases: {
    columns: [
      col('name', T.String), col('engine', T.String), col('data_path', T.String), col('metadata_path', T.String),
      col('uuid', T.String), col('engine_full', T.String), col('comment', T.String),
    ],
    rows: ({ catalog }) => [...catalog.databases.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map((d) => [
      d.name, d.engine, `/var/lib/clickhouse/${d.engine === 'Atomic' ? 'store/' : `data/${d.name}/`}`,
      d.engine === 'Atomic' ? `/var/lib/clickhouse/store/${d.uuid.slice(0, 3)}/${d.uuid}/` : '', d.engine === 'Atomic' ? d.uuid : '00000000-0000-0000-0000-000000000000', d.engine, d.comment,
    ]),
  },
  tables: {
    columns: [
      col('database', T.String), col('name', T.String), col('uuid', T.String), col('engine', T.String),
      col('is_temporary', T.UInt8), col('data_paths', arrayOf(T.String)), col('metadata_path', T.String),
      col('metadata_modification_time', T.DateTime), col('create_table_query', T.String), col('engine_full', T.String),
      col('partition_key', T.String), col('sorting_key', T.String), col('primary_key', T.String),
      col('total_rows', nullable(T.UInt64)), col('total_bytes', nullable(T.UInt64)), col('comment', T.String),
    ],
    rows: ({ catalog, scope, visible }) => {
      const out: unknown[][] = [];
      for (const d of catalog.databases.values()) {
        if (visible && d.name !== 'system' && !visible(d.name)) continue;
        const tables: { name: string; engine: string; create: string; uuid: string; engineFull: string; pk: string; sk: string; part: string; rows: unknown; bytes: unknown; comment: string; time: number }[] = [];
        if (d.name === 'system') {
          for (const name of Object.keys(SYSTEM_TABLES)) {
            const engine = `System${name.split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}`;
            tables.push({ name, engine, create: '', uuid: '00000000-0000-0000-0000-000000000000', engineFull: '', pk: '', sk: '', part: '', rows: null, bytes: null, comment: '', time: 0 });
          }
        }
        for (const t of d.tables.values()) {
          if (visible && !visible(d.name, t.name)) continue;
          tables.push({
            name: t.name, engine: t.engine, create: showCreateTable(t), uuid: t.uuid, engineFull: t.engineFull,
            pk: t.primaryKey ?? t.orderBy ?? '', sk: t.orderBy ?? '', part: t.partitionBy ?? '',
            rows: BigInt(tableRowCount(t)), bytes: BigInt(t.bytes), comment: t.comment, time: t.createdAt,
          });
        }
        tables.sort((a, b) => (a.name < b.name ? -1 : 1));
        for (const t of tables) {
          out.push([d.name, t.name, t.uuid, t.engine, 0, [], '', t.time, t.create, t.engineFull, t.part, t.sk, t.pk, t.rows, t.bytes, t.comment]);
        }
      }
      // Temporary tables come last, with an empty database (StorageSystemTables).
      for (const t of scope?.tables.values() ?? []) {
        out.push(['', t.name, t.uuid, t.engine, 1, [], '', t.createdAt, showCreateTable(t), t.engineFull, '', '', '', BigInt(tableRowCount(t)), BigInt(t.bytes), t.comment]);
      }
      return out;
    },
  },
  columns: {
    columns: [
      col('database', T.String), col('table', T.String), col('name', T.String), col('type', T.String),
      col('position', T.UInt64), col('default_kind', T.String), col('default_expression', T.String),
      col('comment', T.String), col('is_in_partition_key', T.UInt8), col('is_in_sorting_key', T.UInt8),
      col('is_in_primary_key', T.UInt8),
    ],
    rows: ({ catalog }) => {
      const out: unknown[][] = [];
      for (const d of catalog.databases.values()) {
        if (d.name === 'system') {
          for (const [tname, st] of Object.entries(SYSTEM_TABLES)) {
            st.columns.forEach((c, i) => out.push(['system', tname, c.name, c.type.name, BigInt(i + 1), '', '', '', 0, 0, 0]));
          }
        }
        for (const t of d.tables.values()) {
          t.columns.forEach((c, i) => {
            const inKey = (k?: string): number => (k !== undefined && new RegExp(`\\b${c.name}\\b`).test(k) ? 1 : 0);
            out.push([d.name, t.name, c.name, c.type.name, BigInt(i + 1), c.defaultKind ?? '', c.defaultText ?? '', c.comment ?? '',
              inKey(t.partitionBy), inKey(t.orderBy), inKey(t.primaryKey ?? t.orderBy)]);
          });
        }
      }
      return out;
    },
  },
  functions: {
    columns: [col('name', T.String), col('is_aggregate', T.UInt8), col('case_insensitive', T.UInt8), col('alias_to', T.String)],
    rows: () => [
      ...allFunctionNames().map((f) => [f.name, 0, f.caseInsensitive ? 1 : 0, '']),
      ...allAggregateNames().map((f) => [f.name, 1, f.caseInsensitive ? 1 : 0, '']),
    ],
  },
};

SYSTEM_TABLES.processes = PROCESSES_TABLE;
SYSTEM_TABLES.metrics = METRICS_TABLE;
Object.assign(SYSTEM_TABLES, ACCESS_SYSTEM_TABLES);

void serializeText;
