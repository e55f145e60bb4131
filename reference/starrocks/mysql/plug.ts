// Plugs the MySQL-protocol server into `startStarRocks` (start.ts): the FE
// query port shares the cluster's engine and users, so tables created over
// MySQL are the ones stream load fills and the FE/BE endpoints describe.

import { FE_QUERY_SERVER } from '../start.ts';
import { clusterFrontend } from './frontend.ts';
import { startFeQueryServer } from './server.ts';

FE_QUERY_SERVER.start = (cluster, host, port) =>
  startFeQueryServer({ engine: cluster.engine, host, port, users: (user) => cluster.users.users.get(user)?.password, frontend: clusterFrontend(cluster) });
