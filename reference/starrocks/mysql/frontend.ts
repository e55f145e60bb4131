// The FE around the query port, in the reference's cluster: statements about
// users and roles, nodes, FE configuration and PROC run against the cluster;
// every connection and query is heard (the audit log, /api/query_detail,
// /api/connection, /api/profile, and the query counters and latency).

import { T } from '../../engine/types.ts';
import type { ColumnDef, ExecResult, QueryContext } from '../../engine/api.ts';
import type { SrFrontendStatement } from '../dialect/ast.ts';
import { analysisError, codedError } from '../dialect/errors.ts';
import { likeToRegExp } from '../../engine/functions/strings.ts';
import type { Cluster } from '../cluster/cluster.ts';
import { showProc } from '../fe/proc.ts';
import type { ProcResult } from '../fe/proc.ts';
import type { TablePrivilege } from '../users.ts';
import { VERSION_COMMENT } from '../version.ts';
import type { FeFrontend, FeQueryEvent, FeQueryOutcome } from './server.ts';
import { Block } from '../../engine/columns/block.ts';

/** The roles every FE has (AuthorizationMgr's built-in roles). */
export const BUILTIN_ROLES = ['root', 'db_admin', 'user_admin', 'cluster_admin', 'security_admin', 'public'];

const NONE: ExecResult = { kind: 'none' };

function rows(columns: string[], data: (string | null)[][]): ExecResult {
  const defs: ColumnDef[] = columns.map((name) => ({ name, type: T.String }));
  return {
    kind: 'rows',
    columns: defs,
    blocks: {
      async *[Symbol.asyncIterator]() {
        if (data.length > 0) yield Block.ofRows(defs.map((c) => c.type), data);
      },
    },
  };
}

function procRows(r: ProcResult): ExecResult {
  return rows(r.columns, r.rows);
}

/** ERR_CANNOT_USER (1396): `Operation CREATE USER failed for 'u'@'%'`. */
function cannotUser(op: string, user: string, host: string): Error {
  return codedError('BAD_ARGUMENTS', 1396, 'HY000', `Operation ${op} failed for '${user}'@'${host}'`);
}

/** GRANT's privilege words as the reference's table privileges. */
function tablePrivileges(words: string[]): TablePrivilege[] {
  const out = new Set<TablePrivilege>();
  for (const w of words) {
    if (w === 'SELECT' || w === 'INSERT') out.add(w);
    else if (w === 'ALL' || w === 'ALL PRIVILEGES') {
      out.add('SELECT');
      out.add('INSERT');
    }
  }
  return [...out];
}

/** A query's text profile (RuntimeProfile's pretty print, the Summary part the FE keeps). */
function profileText(q: FeQueryEvent, o: FeQueryOutcome, tz: string): string {
  const time = (ms: number): string => new Date(ms).toLocaleString('sv-SE', { timeZone: tz });
  return [
    'Query:',
    '  Summary:',
    `     - Query ID: ${q.queryId}`,
    `     - Start Time: ${time(q.startTime)}`,
    `     - End Time: ${time(o.endTime)}`,
    `     - Total: ${o.endTime - q.startTime}ms`,
    `     - Query Type: ${q.isQuery ? 'Query' : 'Load'}`,
    `     - Query State: ${o.state === 'FINISHED' ? 'Finished' : 'Error'}`,
    `     - StarRocks Version: ${VERSION_COMMENT}`,
    `     - User: ${q.user}`,
    `     - Default Db: ${q.database}`,
    `     - Sql Statement: ${q.sql}`,
    '     - QueryCpuCost: 0',
    '     - QueryMemCost: 0',
    `     - ReturnRows: ${o.returnRows}`,
    '',
  ].join('\n');
}

let lastEventTime = 0n;

/** Nanoseconds of the wall clock, strictly increasing (QueryDetail's eventTime). */
function nextEventTime(ms: number): bigint {
  const t = BigInt(ms) * 1000000n;
  lastEventTime = t > lastEventTime ? t : lastEventTime + 1n;
  return lastEventTime;
}

export function clusterFrontend(c: Cluster): FeFrontend {
  const users = c.users;
  const knownRole = (r: string): void => {
    if (!BUILTIN_ROLES.includes(r)) throw analysisError(`Role ${r} doesn't exist`);
  };
  const needUser = (op: string, user: string, host: string): void => {
    if (!users.users.has(user)) throw cannotUser(op, user, host);
  };
  return {
    execute(st: SrFrontendStatement, _ctx: QueryContext): ExecResult {
      switch (st.kind) {
        case 'create_user': {
          const { user, host } = st.identity;
          st.roles.forEach(knownRole);
          if (users.users.has(user)) {
            if (st.ifNotExists) return NONE;
            throw cannotUser('CREATE USER', user, host);
          }
          users.create(user, st.password ?? '', st.roles);
          c.logDdl('OP_CREATE_USER');
          return NONE;
        }
        case 'drop_user': {
          const { user, host } = st.identity;
          if (user === 'root') throw analysisError(`Operation DROP USER failed for '${user}'@'${host}' : cannot drop user root`);
          if (!users.drop(user)) {
            if (st.ifExists) return NONE;
            throw cannotUser('DROP USER', user, host);
          }
          c.logDdl('OP_DROP_USER');
          return NONE;
        }
        case 'grant_roles':
        case 'revoke_roles': {
          st.roles.forEach(knownRole);
          needUser(st.kind === 'grant_roles' ? 'GRANT' : 'REVOKE', st.identity.user, st.identity.host);
          users.grantRoles(st.identity.user, st.roles, st.kind === 'revoke_roles');
          c.logDdl('OP_UPDATE_USER_PRIVILEGE');
          return NONE;
        }
        case 'grant_privileges': {
          needUser(st.revoke ? 'REVOKE' : 'GRANT', st.identity.user, st.identity.host);
          users.grantPrivileges(st.identity.user, tablePrivileges(st.privileges), st.db, st.table, st.revoke);
          c.logDdl('OP_UPDATE_USER_PRIVILEGE');
          return NONE;
        }
        case 'set_default_role': {
          needUser('SET DEFAULT ROLE', st.identity.user, st.identity.host);
          // Every granted role counts for the HTTP checks (checkUserOwnsAdminRole reads granted roles), so only validate here.
          if (Array.isArray(st.roles)) st.roles.forEach(knownRole);
          return NONE;
        }
        case 'show_proc': {
          const r = showProc(c, st.path);
          if (!r) throw analysisError(`Proc path '${st.path}' doesn't exist`);
          return procRows(r);
        }
        case 'show_nodes':
          return procRows(showProc(c, st.nodes === 'BACKENDS' ? '/backends' : st.nodes === 'FRONTENDS' ? '/frontends' : '/compute_nodes')!);
        case 'show_frontend_config': {
          const re = st.like !== undefined ? likeToRegExp(st.like, true) : undefined;
          const names = Object.keys(c.feConfig.defs).filter((k) => !re || re.test(k)).sort();
          return rows(['Key', 'AliasNames', 'Value', 'Type', 'IsMutable', 'Comment'], names.map((k) => {
            const d = c.feConfig.defs[k]!;
            return [k, '[]', d.value, d.type, String(d.mutable), ''];
          }));
        }
        case 'set_frontend_config': {
          for (const [k, v] of st.settings) {
            const d = c.feConfig.defs[k];
            if (!d) throw codedError('BAD_ARGUMENTS', 1064, 'HY000', `Config '${k}' does not exist`);
            if (!d.mutable) throw codedError('BAD_ARGUMENTS', 1064, 'HY000', `Config '${k}' is not mutable`);
            d.value = v;
          }
          return NONE;
        }
      }
    },

    connectionOpened(id) {
      c.connections.set(id, '');
    },

    connectionClosed(id) {
      c.connections.delete(id);
    },

    queryStarted(q) {
      c.connections.set(q.connectionId, q.queryId);
      c.feMetrics.inc('request_total');
    },

    queryFinished(q, o) {
      const latency = o.endTime - q.startTime;
      // ConnectProcessor.auditAfterExec: the query counters and the latency histogram count queries only.
      if (q.isQuery) {
        c.feMetrics.inc('query_total');
        c.feMetrics.inc(o.state === 'FINISHED' ? 'query_success' : 'query_err');
        c.feMetrics.observe('query_latency_ms', latency);
        if (latency >= c.feConfig.num('qe_slow_log_ms')) c.feMetrics.inc('slow_query');
      }
      c.feAuditLog.push(`${new Date(o.endTime).toISOString()} [query] |Client=${q.remoteIP}|User=${q.user}|Db=${q.database}|State=${o.state === 'FINISHED' ? 'EOF' : 'ERR'}|`
        + `ErrorCode=${o.errorMessage ? 'ERR' : ''}|Time=${latency}|ScanBytes=0|ScanRows=0|ReturnRows=${o.returnRows}|StmtId=${c.feAuditLog.length + 1}|`
        + `QueryId=${q.queryId}|IsQuery=${q.isQuery}|feIp=${c.leader.host}|Stmt=${q.sql.replace(/\s+/g, ' ')}`);
      if (c.feAuditLog.length > 10000) c.feAuditLog.shift();
      if (q.profile) {
        c.profiles.set(q.queryId, profileText(q, o, c.engine.timezone));
        // The FE keeps the latest profiles only (profile_info_reserved_num).
        if (c.profiles.size > 500) c.profiles.delete(c.profiles.keys().next().value!);
      }
      if (c.feConfig.get('enable_collect_query_detail_info') === 'true') {
        c.queryDetails.push({
          eventTime: nextEventTime(o.endTime), queryId: q.queryId, isQuery: q.isQuery, remoteIP: q.remoteIP, connId: q.connectionId,
          startTime: q.startTime, endTime: o.endTime, latency, state: o.state, database: q.database, sql: q.sql, user: q.user,
          ...(o.errorMessage !== undefined ? { errorMessage: o.errorMessage } : {}),
          scanRows: 0, scanBytes: 0, returnRows: o.returnRows, cpuCostNs: 0, memCostBytes: 0, spillBytes: 0,
          warehouse: 'default_warehouse', digest: '', catalog: 'default_catalog',
        });
        if (c.queryDetails.length > 10000) c.queryDetails.shift();
      }
    },
  };
}
