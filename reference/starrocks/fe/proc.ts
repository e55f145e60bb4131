// SHOW PROC: the FE's tree of system views (common/proc/*ProcDir.java), one
// table per path. The MySQL side answers `SHOW PROC '<path>'`, SHOW
// BACKENDS/COMPUTE NODES/FRONTENDS, and /api/show_proc the same rows as JSON.

import type { Cluster } from '../cluster/cluster.ts';
import { allTablets, tabletRows } from '../cluster/tables.ts';
import { colocateGroups } from './colocate.ts';
import { VERSION_COMMENT } from '../version.ts';

export interface ProcResult {
  columns: string[];
  rows: string[][];
}

const ROOT = ['auth', 'backends', 'catalog', 'cluster_balance', 'cluster_load_stat', 'colocation_group', 'compactions', 'compute_nodes',
  'current_queries', 'dbs', 'frontends', 'global_current_queries', 'jobs', 'load_error_hub_url', 'meta_recovery', 'replications', 'resources',
  'routine_loads', 'statistic', 'stream_loads', 'tasks', 'transactions', 'warehouses'];

function table(columns: string[], rows: Record<string, string>[]): ProcResult {
  return { columns, rows: rows.map((r) => columns.map((c) => r[c] ?? '')) };
}

const BACKEND_COLUMNS = ['BackendId', 'IP', 'HeartbeatPort', 'BePort', 'HttpPort', 'BrpcPort', 'LastStartTime', 'LastHeartbeat', 'Alive',
  'SystemDecommissioned', 'ClusterDecommissioned', 'TabletNum', 'DataUsedCapacity', 'AvailCapacity', 'TotalCapacity', 'UsedPct',
  'MaxDiskUsedPct', 'ErrMsg', 'Version', 'Status', 'DataTotalCapacity', 'DataUsedPct', 'CpuCores', 'NumRunningQueries', 'MemUsedPct', 'CpuUsedPct'];
const COMPUTE_NODE_COLUMNS = ['ComputeNodeId', 'IP', 'HeartbeatPort', 'BePort', 'HttpPort', 'BrpcPort', 'LastStartTime', 'LastHeartbeat',
  'Alive', 'SystemDecommissioned', 'ClusterDecommissioned', 'ErrMsg', 'Version', 'CpuCores', 'NumRunningQueries', 'MemUsedPct', 'CpuUsedPct'];
const FRONTEND_COLUMNS = ['Name', 'IP', 'EditLogPort', 'HttpPort', 'QueryPort', 'RpcPort', 'Role', 'ClusterId', 'Join', 'Alive',
  'ReplayedJournalId', 'LastHeartbeat', 'IsHelper', 'ErrMsg', 'StartTime', 'Version'];

/** The rows of a PROC path; undefined when the path does not exist. */
export function showProc(c: Cluster, path: string): ProcResult | undefined {
  const parts = path.split('/').filter((s) => s);
  const fmt = (ms: number): string => (ms > 0 ? new Date(ms).toISOString().replace('T', ' ').slice(0, 19) : 'NULL');
  if (parts.length === 0) return table(['Name'], ROOT.map((Name) => ({ Name })));
  const [head, ...rest] = parts;
  switch (head) {
    case 'frontends':
      if (rest.length) return undefined;
      return table(FRONTEND_COLUMNS, c.frontends.map((f) => ({
        Name: f.name, IP: f.host, EditLogPort: String(f.editLogPort), HttpPort: String(f.httpPort), QueryPort: String(f.queryPort), RpcPort: String(f.rpcPort),
        Role: f.role, ClusterId: String(c.journal.clusterId), Join: 'true', Alive: String(f.alive), ReplayedJournalId: String(c.journal.maxJournalId),
        LastHeartbeat: fmt(c.now()), IsHelper: 'true', ErrMsg: '', StartTime: fmt(f.startTime), Version: VERSION_COMMENT,
      })));
    case 'backends':
    case 'compute_nodes': {
      if (rest.length) return undefined;
      const isBe = head === 'backends';
      const nodes = isBe ? c.backends : c.computeNodes;
      return table(isBe ? BACKEND_COLUMNS : COMPUTE_NODE_COLUMNS, nodes.map((b) => ({
        BackendId: String(b.id), ComputeNodeId: String(b.id), IP: b.host, HeartbeatPort: String(b.heartbeatPort), BePort: String(b.bePort),
        HttpPort: String(b.httpPort), BrpcPort: String(b.brpcPort), LastStartTime: fmt(b.startTime), LastHeartbeat: fmt(c.now()),
        Alive: String(b.alive), SystemDecommissioned: String(b.decommissioned), ClusterDecommissioned: 'false',
        TabletNum: String(isBe ? c.tables.tablesOf().reduce((s, t) => s + allTablets(t).length, 0) : 0),
        DataUsedCapacity: `${(isBe ? c.dataSize() : 0).toFixed(3)} B`, AvailCapacity: '1.000 TB', TotalCapacity: '1.000 TB', UsedPct: '0.00 %',
        MaxDiskUsedPct: '0.00 %', ErrMsg: '', Version: VERSION_COMMENT, Status: '{"lastSuccessReportTabletsTime":"N/A"}',
        DataTotalCapacity: '1.000 TB', DataUsedPct: '0.00 %', CpuCores: '2', NumRunningQueries: '0', MemUsedPct: '0.00 %', CpuUsedPct: '0.0 %',
      })));
    }
    case 'colocation_group': {
      if (rest.length) return undefined;
      // ColocationGroupProcDir: GroupId `dbId.grpId`, GroupName `dbId_name`.
      const names = new Map(c.tables.tablesOf().map((t) => [t.id, t]));
      return table(['GroupId', 'GroupName', 'TableIds', 'TableNames', 'BucketsNum', 'ReplicationNum', 'DistCols', 'IsStable'], colocateGroups(c).map((g) => ({
        GroupId: `${g.dbId}.${g.grpId}`, GroupName: `${g.dbId}_${g.name}`, TableIds: g.tableIds.join(', '),
        TableNames: g.tableIds.map((id) => names.get(id)?.name ?? '').join(', '), BucketsNum: String(g.bucketsNum),
        ReplicationNum: String(g.replicationNum), DistCols: g.distributionColTypes.join(', '), IsStable: String(g.stable),
      })));
    }
    case 'dbs': {
      if (rest.length === 0) {
        return table(['DbId', 'DbName', 'TableNum', 'Quota', 'LastConsistencyCheckTime', 'ReplicaQuota'], c.databases().map((d) => ({
          DbId: String(c.dbId(d)), DbName: d, TableNum: String(c.tables.tablesOf(d).length), Quota: '8388608.000 TB', LastConsistencyCheckTime: 'NULL', ReplicaQuota: '1073741824',
        })));
      }
      const db = c.databases().find((d) => String(c.dbId(d)) === rest[0]);
      if (!db) return undefined;
      const tables = c.tables.tablesOf(db);
      if (rest.length === 1) {
        return table(['TableId', 'TableName', 'IndexNum', 'PartitionColumnName', 'PartitionNum', 'State', 'Type', 'LastConsistencyCheckTime', 'ReplicaCount', 'PartitionType'], tables.map((t) => ({
          TableId: String(t.id), TableName: t.name, IndexNum: '1', PartitionColumnName: t.partitionColumn ?? '', PartitionNum: String(t.partitions.length),
          State: 'NORMAL', Type: 'OLAP', LastConsistencyCheckTime: 'NULL', ReplicaCount: String(allTablets(t).length), PartitionType: t.partitionKind,
        })));
      }
      const t = tables.find((x) => String(x.id) === rest[1]);
      if (!t) return undefined;
      if (rest.length === 2) return table(['Name'], [{ Name: 'partitions' }, { Name: 'temp_partitions' }, { Name: 'index_schema' }]);
      if (rest[2] === 'partitions' && rest.length === 3) {
        return table(['PartitionId', 'PartitionName', 'VisibleVersion', 'VisibleVersionTime', 'State', 'PartitionKey', 'Buckets', 'ReplicationNum', 'RowCount'], t.partitions.map((p) => ({
          PartitionId: String(p.id), PartitionName: p.name, VisibleVersion: String(p.visibleVersion), VisibleVersionTime: fmt(p.visibleVersionTime),
          State: 'NORMAL', PartitionKey: t.partitionColumn ?? '', Buckets: String(t.buckets), ReplicationNum: '1',
          RowCount: String(p.tablets.reduce((s, x) => s + tabletRows(x), 0)),
        })));
      }
      return undefined;
    }
    case 'transactions': {
      if (rest.length === 0) return table(['DbId', 'DbName'], c.databases().map((d) => ({ DbId: String(c.dbId(d)), DbName: d })));
      const db = c.databases().find((d) => String(c.dbId(d)) === rest[0]);
      if (!db) return undefined;
      if (rest.length === 1) {
        return table(['State', 'Number'], [{ State: 'running', Number: String(c.txns.running(db).length) },
          { State: 'finished', Number: String([...c.txns.byId.values()].filter((t) => t.db === db && (t.status === 'VISIBLE' || t.status === 'ABORTED')).length) }]);
      }
      const running = rest[1] === 'running';
      if (rest[1] !== 'running' && rest[1] !== 'finished') return undefined;
      return table(['TransactionId', 'Label', 'Coordinator', 'TransactionStatus', 'LoadJobSourceType', 'PrepareTime', 'CommitTime', 'FinishTime', 'Reason', 'ErrorReplicasCount', 'ListenerId', 'TimeoutMs'],
        [...c.txns.byId.values()].filter((t) => t.db === db && (running ? t.status === 'PREPARE' || t.status === 'PREPARED' : t.status === 'VISIBLE' || t.status === 'ABORTED')).map((t) => ({
          TransactionId: String(t.id), Label: t.label, Coordinator: `BE: ${t.coordinator}`, TransactionStatus: t.status, LoadJobSourceType: t.source,
          PrepareTime: fmt(t.prepareTime), CommitTime: fmt(t.commitTime), FinishTime: fmt(t.finishTime), Reason: t.reason, ErrorReplicasCount: '0',
          ListenerId: '-1', TimeoutMs: String(t.timeoutMs),
        })));
    }
    case 'statistic': {
      if (rest.length) return undefined;
      return table(['DbId', 'DbName', 'TableNum', 'PartitionNum', 'IndexNum', 'TabletNum', 'ReplicaNum', 'UnhealthyTabletNum', 'InconsistentTabletNum', 'CloningTabletNum', 'ErrorStateTabletNum'], c.databases().map((d) => {
        const ts = c.tables.tablesOf(d);
        const tablets = ts.flatMap(allTablets);
        return { DbId: String(c.dbId(d)), DbName: d, TableNum: String(ts.length), PartitionNum: String(ts.reduce((s, t) => s + t.partitions.length, 0)),
          IndexNum: String(ts.length), TabletNum: String(tablets.length), ReplicaNum: String(tablets.length), UnhealthyTabletNum: '0', InconsistentTabletNum: '0', CloningTabletNum: '0', ErrorStateTabletNum: '0' };
      }));
    }
    default:
      return undefined;
  }
}
