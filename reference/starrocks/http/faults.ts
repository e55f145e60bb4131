// Faults for client authors on the StarRocks FE and BE (olapspec serve
// --faults): a load's reply comes late (delay) or is cut off (drop-after-bytes:
// the head and N bytes of the body, then the connection closes; with 0 the
// connection closes with no reply at all). Either way the load itself has
// happened, as when a real node or the network fails after the commit, which
// is what label-based retries (a second load with the same label answers
// "Label Already Exists") are for. Only loads get faults: Stream Load on the
// FE (its 307) and the BE, and the transaction interface. chunk-delay and
// error-after-rows have nothing to act on in these short JSON replies.

import type http from 'node:http';
import { FAULT_HEADER } from '../../http/faults/injector.ts';
import type { FaultInjector } from '../../http/faults/injector.ts';
import type { FaultSpec } from '../../http/faults/spec.ts';
import type { Exchange } from './exchange.ts';

/** How a reply with faults goes out, in place of `res.end(body)`. */
export interface ReplyFault {
  reply(res: http.ServerResponse, body: Buffer | undefined): void;
}

const LOAD_PATH = /\/_stream_load$|^\/api\/transaction\//;

function replyWith(spec: FaultSpec): ReplyFault {
  const send = (res: http.ServerResponse, body: Buffer | undefined): void => {
    const keep = spec.dropAfterBytes;
    if (keep === undefined || keep >= (body?.length ?? 0) && keep > 0) {
      res.end(body);
      return;
    }
    // A FIN after what was allowed out: the client reads a reply shorter than its Content-Length, or none.
    if (keep > 0) res.write(body!.subarray(0, keep));
    res.socket?.end();
  };
  return {
    reply(res, body) {
      if (spec.delayMs) setTimeout(() => send(res, body), spec.delayMs);
      else send(res, body);
    },
  };
}

/**
 * Sets the exchange's faults, if it gets any. A bad X-Olapspec-Fault header is
 * answered here (400, plain text) and false returned: the request goes no further.
 */
export function planFaults(injector: FaultInjector, x: Exchange): boolean {
  if (!LOAD_PATH.test(x.path)) return true;
  const decision = injector.decide(x.req.headers[FAULT_HEADER]);
  if (decision.kind === 'bad') {
    x.send(400, `${decision.message}\n`, { contentType: 'text/plain; charset=UTF-8', close: true });
    return false;
  }
  if (decision.kind === 'faults') x.fault = replyWith(decision.spec);
  return true;
}
