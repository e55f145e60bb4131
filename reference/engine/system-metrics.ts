// system.metrics (StorageSystemMetrics, 24.8): metric, value, description,
// one row per CurrentMetrics entry in declaration order
// (src/Common/CurrentMetrics.cpp). The list is the head of 24.8's, up to
// VersionInteger (the thread-pool gauges that follow are left out); what this engine can know is real (running queries,
// HTTP query handlers, memory), the stock server's pool limits are the
// configuration defaults of 24.8, and what it never does (merges,
// replication, ZooKeeper, the native and MySQL ports) is 0.

import { T } from './types.ts';
import type { SystemTable, SystemTableContext } from './system-tables.ts';
import { metricValue } from './current-metrics.ts';

type Value = (ctx: SystemTableContext) => number;

const zero: Value = () => 0;
const fixed = (n: number): Value => () => n;
const gauge = (name: string): Value => () => metricValue(name);

/** VERSION_REVISION and VERSION_INTEGER of 24.8.1.1. */
const REVISION = 54490;
const VERSION_INTEGER = 24008001;

const METRICS: [string, string, Value][] = [
  ['Query', 'Number of executing queries', ({ processes }) => processes?.list().length ?? 0],
  ['Merge', 'Number of executing background merges', zero],
  ['MergeParts', 'Number of source parts participating in current background merges', zero],
  ['Move', 'Number of currently executing moves', zero],
  ['PartMutation', 'Number of mutations (ALTER DELETE/UPDATE)', zero],
  ['ReplicatedFetch', 'Number of data parts being fetched from replica', zero],
  ['ReplicatedSend', 'Number of data parts being sent to replicas', zero],
  ['ReplicatedChecks', 'Number of data parts checking for consistency', zero],
  ['BackgroundMergesAndMutationsPoolTask', 'Number of active merges and mutations in an associated background pool', zero],
  // background_pool_size (16) × background_merges_mutations_concurrency_ratio (2).
  ['BackgroundMergesAndMutationsPoolSize', 'Limit on number of active merges and mutations in an associated background pool', fixed(32)],
  ['BackgroundFetchesPoolTask', 'Number of active fetches in an associated background pool', zero],
  ['BackgroundFetchesPoolSize', 'Limit on number of simultaneous fetches in an associated background pool', fixed(16)],
  ['BackgroundCommonPoolTask', 'Number of active tasks in an associated background pool', zero],
  ['BackgroundCommonPoolSize', 'Limit on number of tasks in an associated background pool', fixed(8)],
  ['BackgroundMovePoolTask', 'Number of active tasks in BackgroundProcessingPool for moves', zero],
  ['BackgroundMovePoolSize', 'Limit on number of tasks in BackgroundProcessingPool for moves', fixed(8)],
  ['BackgroundSchedulePoolTask', 'Number of active tasks in BackgroundSchedulePool. This pool is used for periodic ReplicatedMergeTree tasks, like cleaning old data parts, altering data parts, replica re-initialization, etc.', zero],
  ['BackgroundSchedulePoolSize', 'Limit on number of tasks in BackgroundSchedulePool. This pool is used for periodic ReplicatedMergeTree tasks, like cleaning old data parts, altering data parts, replica re-initialization, etc.', fixed(512)],
  ['BackgroundBufferFlushSchedulePoolTask', 'Number of active tasks in BackgroundBufferFlushSchedulePool. This pool is used for periodic Buffer flushes', zero],
  ['BackgroundBufferFlushSchedulePoolSize', 'Limit on number of tasks in BackgroundBufferFlushSchedulePool', fixed(16)],
  ['BackgroundDistributedSchedulePoolTask', 'Number of active tasks in BackgroundDistributedSchedulePool. This pool is used for distributed sends that is done in background.', zero],
  ['BackgroundDistributedSchedulePoolSize', 'Limit on number of tasks in BackgroundDistributedSchedulePool', fixed(16)],
  ['BackgroundMessageBrokerSchedulePoolTask', 'Number of active tasks in BackgroundMessageBrokerSchedulePool for message streaming', zero],
  ['BackgroundMessageBrokerSchedulePoolSize', 'Limit on number of tasks in BackgroundMessageBrokerSchedulePool for message streaming', fixed(16)],
  ['CacheDictionaryUpdateQueueBatches', 'Number of \'batches\' (a set of keys) in update queue in CacheDictionaries.', zero],
  ['CacheDictionaryUpdateQueueKeys', 'Exact number of keys in update queue in CacheDictionaries.', zero],
  ['DiskSpaceReservedForMerge', 'Disk space reserved for currently running background merges. It is slightly more than the total size of currently merging parts.', zero],
  ['DistributedSend', 'Number of connections to remote servers sending data that was INSERTed into Distributed tables. Both synchronous and asynchronous mode.', zero],
  ['QueryPreempted', 'Number of queries that are stopped and waiting due to \'priority\' setting.', zero],
  ['TCPConnection', 'Number of connections to TCP server (clients with native interface), also included server-server distributed query connections', zero],
  ['MySQLConnection', 'Number of client connections using MySQL protocol', zero],
  ['HTTPConnection', 'Number of connections to HTTP server', gauge('HTTPConnection')],
  ['InterserverConnection', 'Number of connections from other replicas to fetch parts', zero],
  ['PostgreSQLConnection', 'Number of client connections using PostgreSQL protocol', zero],
  ['OpenFileForRead', 'Number of files open for reading', zero],
  ['OpenFileForWrite', 'Number of files open for writing', zero],
  ['TotalTemporaryFiles', 'Number of temporary files created', zero],
  ['TemporaryFilesForSort', 'Number of temporary files created for external sorting', zero],
  ['TemporaryFilesForAggregation', 'Number of temporary files created for external aggregation', zero],
  ['TemporaryFilesForJoin', 'Number of temporary files created for JOIN', zero],
  ['TemporaryFilesUnknown', 'Number of temporary files created without known purpose', zero],
  ['Read', 'Number of read (read, pread, io_getevents, etc.) syscalls in fly', zero],
  ['RemoteRead', 'Number of read with remote reader in fly', zero],
  ['Write', 'Number of write (write, pwrite, io_getevents, etc.) syscalls in fly', zero],
  ['NetworkReceive', 'Number of threads receiving data from network. Only ClickHouse-related network interaction is included, not by 3rd party libraries.', zero],
  ['NetworkSend', 'Number of threads sending data to network. Only ClickHouse-related network interaction is included, not by 3rd party libraries.', zero],
  ['SendScalars', 'Number of connections that are sending data for scalars to remote servers.', zero],
  ['SendExternalTables', 'Number of connections that are sending data for external tables to remote servers. External tables are used to implement GLOBAL IN and GLOBAL JOIN operators with distributed subqueries.', zero],
  // Queries run on the event loop's thread: one per running query.
  ['QueryThread', 'Number of query processing threads', ({ processes }) => processes?.list().length ?? 0],
  ['ReadonlyReplica', 'Number of Replicated tables that are currently in readonly state due to re-initialization after ZooKeeper session loss or due to startup without ZooKeeper configured.', zero],
  ['MemoryTracking', 'Total amount of memory (bytes) allocated by the server.', () => process.memoryUsage().rss],
  ['MergesMutationsMemoryTracking', 'Total amount of memory (bytes) allocated by background tasks (merges and mutations).', zero],
  ['EphemeralNode', 'Number of ephemeral nodes hold in ZooKeeper.', zero],
  ['ZooKeeperSession', 'Number of sessions (connections) to ZooKeeper. Should be no more than one, because using more than one connection to ZooKeeper may lead to bugs due to lack of linearizability (stale reads) that ZooKeeper consistency model allows.', zero],
  ['ZooKeeperWatch', 'Number of watches (event subscriptions) in ZooKeeper.', zero],
  ['ZooKeeperRequest', 'Number of requests to ZooKeeper in fly.', zero],
  ['DelayedInserts', 'Number of INSERT queries that are throttled due to high number of active data parts for partition in a MergeTree table.', zero],
  ['ContextLockWait', 'Number of threads waiting for lock in Context. This is global lock.', zero],
  ['StorageBufferRows', 'Number of rows in buffers of Buffer tables', zero],
  ['StorageBufferBytes', 'Number of bytes in buffers of Buffer tables', zero],
  ['DictCacheRequests', 'Number of requests in fly to data sources of dictionaries of cache type.', zero],
  ['Revision', 'Revision of the server. It is a number incremented for every release or release candidate except patch releases.', fixed(REVISION)],
  ['VersionInteger', 'Version of the server in a single integer number in base-1000. For example, version 11.22.33 is translated to 11022033.', fixed(VERSION_INTEGER)],
];

export const METRICS_TABLE: SystemTable = {
  columns: [{ name: 'metric', type: T.String }, { name: 'value', type: T.Int64 }, { name: 'description', type: T.String }],
  rows: (ctx) => METRICS.map(([metric, description, value]) => [metric, BigInt(value(ctx)), description]),
};
