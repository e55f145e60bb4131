// The nodes of the emulated cluster: one leader FE, one BE, one CN. Their
// addresses are what the servers really listen on (set after listen), so
// redirects and error-log URLs point at live ports.

export interface Frontend {
  name: string;
  host: string;
  editLogPort: number;
  httpPort: number;
  queryPort: number;
  rpcPort: number;
  role: 'LEADER' | 'FOLLOWER' | 'OBSERVER';
  alive: boolean;
  startTime: number;
}

export interface Backend {
  id: number;
  host: string;
  heartbeatPort: number;
  bePort: number;
  httpPort: number;
  brpcPort: number;
  alive: boolean;
  decommissioned: boolean;
  startTime: number;
  /** Storage root (emulated path, shown by snapshot/download). */
  storageRoot: string;
}

export type ComputeNode = Omit<Backend, 'storageRoot'>;

export function newFrontend(host: string, now: number): Frontend {
  return { name: `${host}_9010_${now}`, host, editLogPort: 9010, httpPort: 8030, queryPort: 9030, rpcPort: 9020, role: 'LEADER', alive: true, startTime: now };
}

export function newBackend(id: number, host: string, now: number): Backend {
  return { id, host, heartbeatPort: 9050, bePort: 9060, httpPort: 8040, brpcPort: 8060, alive: true, decommissioned: false, startTime: now, storageRoot: '/opt/starrocks/be/storage' };
}

export function newComputeNode(id: number, host: string, now: number): ComputeNode {
  return { id, host, heartbeatPort: 9050, bePort: 9060, httpPort: 8060, brpcPort: 8070, alive: true, decommissioned: false, startTime: now };
}
