// OPTIONS on the query handler (processOptionsRequest). With
// <http_options_response>: 204 No Content with its headers, and the connection
// closes. Without it ClickHouse sends nothing at all (PR #108428 describes the
// 24.x code: it returns without calling response.send) and the connection
// then ends as an unanswered keep-alive one does: at once when the request
// asked to close, else after keep_alive_timeout with no request on it. A
// request pipelined behind the OPTIONS would be answered by ClickHouse; here it
// waits with the connection.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderList } from '../http/sink.ts';
import { describeConnection } from '../http/connection.ts';
import { reasonPhrase } from '../http/status.ts';

export function respondOptions(req: IncomingMessage, res: ServerResponse, headers: HeaderList | undefined): Promise<void> {
  if (headers === undefined) return leaveUnanswered(req);
  res.sendDate = false;
  const h: HeaderList = [['Date', new Date().toUTCString()], ['Connection', 'Close'], ...headers];
  res.writeHead(204, reasonPhrase(204), h.flat());
  return new Promise((resolve) => res.end(() => resolve()));
}

function leaveUnanswered(req: IncomingMessage): Promise<void> {
  const socket = req.socket;
  const conn = describeConnection(req);
  if (!conn.keepAlive) {
    socket.destroy();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.destroy(), conn.keepAliveTimeoutS * 1000);
    // The server may close before the timeout; a timer must not keep the process alive.
    timer.unref();
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
