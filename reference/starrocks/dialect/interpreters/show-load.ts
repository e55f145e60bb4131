// SHOW LOAD [FROM db] [WHERE LABEL = … | LABEL LIKE … | STATE = …]: the
// database's INSERT and broker load jobs, oldest first.

import { T } from '../../../engine/types.ts';
import type { ColumnDef, QueryContext, RowsResult } from '../../../engine/api.ts';
import { rowsResult } from '../../../engine/results.ts';
import { likeToRegExp } from '../../../engine/functions/strings.ts';
import { formatDateTime } from '../../../engine/time.ts';
import type { SrStatement } from '../ast.ts';
import { srErrors } from '../errors.ts';
import { needDb, timeZone } from '../host.ts';
import type { StarRocksHost } from '../host.ts';

const SHOW_LOAD_COLUMNS = ['JobId', 'Label', 'State', 'Progress', 'Type', 'Priority', 'ScanRows', 'FilteredRows', 'UnselectedRows',
  'SinkRows', 'EtlInfo', 'TaskInfo', 'ErrorMsg', 'CreateTime', 'EtlStartTime', 'EtlFinishTime', 'LoadStartTime', 'LoadFinishTime',
  'TrackingSQL', 'JobDetails'];

export function showLoad(st: SrStatement & { kind: 'show_load' }, ctx: QueryContext, host: StarRocksHost): RowsResult {
  const db = needDb(st.db, ctx);
  if (!host.catalog.databases.has(db)) throw srErrors.unknownDatabase(db);
  const tz = timeZone(host, ctx);
  const time = (ms: number | undefined): string | null => (ms === undefined ? null : formatDateTime(Math.floor(ms / 1000), tz));
  const like = st.labelLike !== undefined ? likeToRegExp(`%${st.labelLike}%`, false) : undefined;
  const jobs = host.loads.list(db)
    .filter((j) => j.type === 'INSERT' || j.type === 'BROKER')
    .filter((j) => (st.label === undefined || j.label === st.label) && (!like || like.test(j.label)) && (st.state === undefined || j.state === st.state))
    .sort((a, b) => a.createTime - b.createTime || a.id - b.id);
  const data = jobs.map((j) => {
    const finished = j.state === 'FINISHED';
    return [
      BigInt(j.id), j.label, j.state, finished ? 'ETL:100%; LOAD:100%' : 'ETL:N/A; LOAD:N/A', j.type, 'NORMAL',
      BigInt(j.scanRows), BigInt(j.filteredRows), BigInt(j.unselectedRows), BigInt(j.sinkRows), null, j.taskInfo, j.errorMsg ?? null,
      time(j.createTime), time(j.createTime), time(j.createTime), time(j.loadStartTime), time(j.loadFinishTime), '',
      `{"All backends":{},"FileNumber":0,"FileSize":0,"InternalTableLoadBytes":0,"InternalTableLoadRows":${j.sinkRows},"ScanBytes":0,"ScanRows":${j.scanRows},"TaskNumber":0,"Unfinished backends":{}}`,
    ];
  });
  const columns: ColumnDef[] = SHOW_LOAD_COLUMNS.map((name) => ({
    name,
    type: ['JobId', 'ScanRows', 'FilteredRows', 'UnselectedRows', 'SinkRows'].includes(name) ? T.Int64 : T.String,
  }));
  return rowsResult(columns, data, ctx);
}
