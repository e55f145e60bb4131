// The fastify instance each StarRocks node runs on: every request is taken
// over (hijacked) on arrival and dispatched on its raw method and path, so the
// node — not fastify — decides statuses, headers, bodies and connection
// handling. `Expect: 100-continue` is left to the node: the FE never sends
// 100 Continue, the BE sends it only once a handler accepts the headers.

import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { takenOverServer } from '../../http/taken-over-server.ts';
import type { FaultInjector } from '../../http/faults/injector.ts';
import { Exchange } from './exchange.ts';
import { planFaults } from './faults.ts';

export type Dispatch = (x: Exchange) => Promise<void>;

/** `faults`: the FE's and BE's --faults (faults.ts); without it every request is served as always. */
export function buildNodeServer(dispatch: Dispatch, onError: (x: Exchange, err: unknown) => void, faults?: FaultInjector): FastifyInstance {
  const run = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const x = new Exchange(req, res);
    if (faults && !planFaults(faults, x)) return;
    dispatch(x).catch((err: unknown) => {
      if (!x.replied) onError(x, err);
      else if (!res.writableEnded) res.destroy(err as Error);
    });
  };
  return takenOverServer(run, {
    requestTimeout: 0,
    bodyLimit: Number.MAX_SAFE_INTEGER,
    serverFactory: (handler) => {
      const server = http.createServer({ maxHeaderSize: 1024 * 1024 }, handler);
      server.requestTimeout = 0;
      // Without a listener Node would answer 100 Continue itself.
      server.on('checkContinue', (req, res) => server.emit('request', req, res));
      return server;
    },
  });
}
