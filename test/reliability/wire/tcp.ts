// One connection's worth of bytes to a server on loopback: write what the case
// says (all at once, in pieces, or cut short and half-closed) and collect what
// comes back until the caller's reader says it has seen enough, the server
// closes, or the time is up. Everything is bounded: no case waits longer than
// `timeoutMs`.

import net from 'node:net';

export interface Exchange {
  data: Buffer;
  /** The server closed (FIN or reset) before the time was up. */
  closed: boolean;
  reset: boolean;
  timedOut: boolean;
  ms: number;
}

export interface ExchangeOptions {
  port: number;
  /** Written in order, each as its own write (a pause between lets the server see them apart). */
  pieces: Buffer[];
  pauseMs?: number;
  /** Half-close after the last piece (the client sends FIN and keeps reading). */
  endAfter?: boolean;
  timeoutMs: number;
  /** Called with all bytes so far; true ends the exchange early (the reply is complete). */
  enough?: (data: Buffer) => boolean;
  /** Write only once the server's first bytes satisfy this (a MySQL client waits for the greeting). */
  greeting?: (data: Buffer) => boolean;
}

export function exchange(o: ExchangeOptions): Promise<Exchange> {
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let reset = false;
    const socket = net.connect({ port: o.port, host: '127.0.0.1', allowHalfOpen: true });
    const finish = (closed: boolean, timedOut: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ data: Buffer.concat(chunks, size), closed, reset, timedOut, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false, true), o.timeoutMs);
    let greeted: () => void = () => undefined;
    const greeting = new Promise<void>((resolve) => {
      greeted = resolve;
    });
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      size += d.length;
      const all = Buffer.concat(chunks, size);
      if (!o.greeting || o.greeting(all)) greeted();
      if (o.enough?.(all)) finish(false, false);
    });
    socket.on('end', () => finish(true, false));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      // A reset after the server's answer is a close too; writes racing it fail the same way.
      reset = e.code === 'ECONNRESET' || e.code === 'EPIPE';
      finish(true, false);
    });
    socket.on('close', () => finish(true, false));
    socket.once('connect', async () => {
      if (o.greeting) await Promise.race([greeting, new Promise((r) => socket.once('close', r))]);
      for (const [i, piece] of o.pieces.entries()) {
        if (settled || socket.destroyed) return;
        if (i > 0 && o.pauseMs) await new Promise((r) => setTimeout(r, o.pauseMs));
        if (settled || socket.destroyed) return;
        socket.write(piece);
      }
      if (o.endAfter && !settled && !socket.destroyed) socket.end();
    });
  });
}
