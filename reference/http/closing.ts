// How a connection of the takeover ends its requests and itself without
// losing an answer: a body that can never end fails for its reader alone (not
// the socket), and a closing connection lingers.

import type http from 'node:http';
import type { Socket } from 'node:net';

/** How long a closing connection still reads (and drops) what the client sends. */
const LINGER_MS = 2000;

/**
 * Ends a request's body with `err` (or what `bodyError` makes of it) for the
 * handler reading it, and nothing more: IncomingMessage's own destroy would
 * take the socket down too, and the handler's answer (its error) with it.
 */
export function failBody(req: http.IncomingMessage, cause: Error, bodyError: ((cause: Error, req: http.IncomingMessage) => Error) | undefined): void {
  if (req.complete || req.destroyed) return;
  const err = bodyError?.(cause, req) ?? cause;
  // A handler that no longer reads the body (it answered already) must not turn the error into a crash.
  req.on('error', () => undefined);
  (req as unknown as { _destroy(e: Error | null, cb: (e?: Error | null) => void): void })._destroy = (e, cb) => cb(e);
  req.destroy(err);
}

/**
 * Node closes a connection after its last answer with destroySoon: with bytes
 * of the client still unread, the kernel then resets the connection, and the
 * client loses the end of the answer. Lingering (half-close, read until the
 * client closes or a while passes) is what keeps the answer whole.
 */
export function lingeringClose(this: Socket): void {
  if (this.writable) this.end();
  if (this.readableEnded) {
    if (this.writableFinished) this.destroy();
    else this.once('finish', () => this.destroy());
    return;
  }
  const timer = setTimeout(() => this.destroy(), LINGER_MS);
  timer.unref();
  this.once('close', () => clearTimeout(timer));
  this.once('end', () => this.destroy());
  this.resume();
}
