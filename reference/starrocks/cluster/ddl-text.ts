// SHOW CREATE TABLE as StarRocks 3.x prints it (lower-case types with MySQL
// display widths, key model, partitions, distribution, properties). Shared by
// /api/_get_ddl, query_dump and the MySQL-protocol side.

import type { TableMeta } from './tables.ts';

const WIDTH: Record<string, string> = { TINYINT: 'tinyint(4)', SMALLINT: 'smallint(6)', INT: 'int(11)', BIGINT: 'bigint(20)', LARGEINT: 'largeint(40)', STRING: 'varchar(65533)' };

export function columnTypeText(type: string): string {
  const u = type.toUpperCase();
  return WIDTH[u] ?? type.toLowerCase();
}

const KEYS: Record<TableMeta['keysType'], string> = { DUP_KEYS: 'DUPLICATE KEY', AGG_KEYS: 'AGGREGATE KEY', UNIQUE_KEYS: 'UNIQUE KEY', PRIMARY_KEYS: 'PRIMARY KEY' };

export function showCreateTable(meta: TableMeta): string {
  const cols = meta.columns.map((c) => {
    const agg = meta.keysType === 'AGG_KEYS' && c.aggregation && c.aggregation !== 'NONE' ? ` ${c.aggregation}` : '';
    const nul = c.nullable === false || (meta.keyColumns.includes(c.name) && meta.keysType === 'PRIMARY_KEYS') ? 'NOT NULL' : 'NULL';
    return `  \`${c.name}\` ${columnTypeText(c.type)}${agg} ${nul} COMMENT "${c.comment ?? ''}"`;
  });
  const lines = [`CREATE TABLE \`${meta.name}\` (`, cols.join(',\n'), ') ENGINE=OLAP ', `${KEYS[meta.keysType]}(${meta.keyColumns.map((k) => `\`${k}\``).join(', ')})`];
  if (meta.comment) lines.push(`COMMENT "${meta.comment}"`);
  if (meta.partitionKind === 'RANGE') {
    const parts = meta.partitions.map((p) => `PARTITION ${p.name} VALUES [(${p.lower === undefined ? "'MINVALUE'" : `"${p.lower}"`}), (${p.upper === undefined ? "'MAXVALUE'" : `"${p.upper}"`}))`);
    lines.push(`PARTITION BY RANGE(\`${meta.partitionColumn}\`)\n(${parts.join(',\n')})`);
  } else if (meta.partitionKind === 'LIST') {
    const parts = meta.partitions.map((p) => `PARTITION ${p.name} VALUES IN (${(p.values ?? []).map((v) => `"${v}"`).join(', ')})`);
    lines.push(`PARTITION BY LIST(\`${meta.partitionColumn}\`)\n(${parts.join(',\n')})`);
  }
  lines.push(`DISTRIBUTED BY HASH(${meta.distributedBy.map((k) => `\`${k}\``).join(', ')}) BUCKETS ${meta.buckets} `);
  const props = { compression: 'LZ4', fast_schema_evolution: 'true', replicated_storage: 'true', ...meta.properties };
  const propLines = Object.keys(props).sort().map((k) => `"${k}" = "${props[k as keyof typeof props]}"`);
  lines.push(`PROPERTIES (\n${propLines.join(',\n')}\n);`);
  return lines.join('\n');
}
