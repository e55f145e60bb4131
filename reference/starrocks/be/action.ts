// Reply helpers of the BE/CN HTTP server (HttpChannel::send_reply):
// no auth, status 200 unless the handler says otherwise.

import type { Exchange } from '../http/exchange.ts';
import type { Cluster } from '../cluster/cluster.ts';
import type { Backend, ComputeNode } from '../cluster/nodes.ts';

export interface BeDeps {
  cluster: Cluster;
  node: Backend | ComputeNode;
  /** False on a compute node: it runs the BE's handlers but holds no shared-nothing tablets. */
  storesTablets?: boolean;
}

export type BeHandler = (x: Exchange) => Promise<void> | void;

/** libevent's default when a handler sets no Content-Type. */
export const LIBEVENT_DEFAULT_TYPE = 'text/html; charset=ISO-8859-1';

export function beSend(x: Exchange, body: string | Buffer, status = 200, contentType = LIBEVENT_DEFAULT_TYPE, headers: Record<string, string> = {}): void {
  x.send(status, body, { contentType, headers });
}

export function beJson(x: Exchange, body: string, status = 200): void {
  beSend(x, body, status, 'application/json');
}
