// A fastify instance that hands every request, raw, to the emulated server's
// own dispatcher: each one is taken over (hijacked) as soon as it arrives, so
// the server, not fastify, decides statuses, headers, bodies and connection
// handling. Fastify supplies listen/close and inject(). Requests fastify itself
// cannot route (URLs it cannot decode) are handed over the same way.
//
// Pipelined requests are served one at a time per connection, as Poco, Netty
// and libevent do: Node parses (and would dispatch) every request as soon as
// its bytes arrive, so without this a later request would run (and change
// data) even when an earlier answer closes the connection, and answers written
// straight to the socket (HTTP/1.0) could overtake earlier ones. For the same
// reason a request Node cannot parse is answered only after the answers to the
// requests before it.

import http from 'node:http';
import type { Socket } from 'node:net';
import Fastify from 'fastify';
import type { FastifyHttpOptions, FastifyInstance } from 'fastify';
import { failBody, lingeringClose } from './closing.ts';

export type RawRequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** What to write for a request that does not parse; the socket is ended or destroyed after it. */
export type MalformedRequestAnswer = (err: NodeJS.ErrnoException, socket: Socket) => void;

/** Fastify's options but the error routing, which belongs to the takeover (the logger is off unless asked for). */
export type TakenOverServerOptions = Omit<FastifyHttpOptions<http.Server>, 'frameworkErrors' | 'clientErrorHandler'> & {
  /** Default: close the connection without an answer. */
  malformedRequest?: MalformedRequestAnswer;
  /** The error a handler reading a body that cannot end gets (a parse error in it, or the client's FIN); default: the cause. */
  bodyError?: (cause: Error, req: http.IncomingMessage) => Error;
};

interface Line {
  busy: boolean;
  /** `written`: the socket's byte count when it began (HTTP/1.0 answers bypass the response object). */
  current?: { req: http.IncomingMessage; res: http.ServerResponse; written: number };
  /** The request served last: when its body was never read to the end, a parse error further on is still its own. */
  last?: http.IncomingMessage;
  /** The request parsed last, served or still waiting. */
  newest?: http.IncomingMessage;
  waiting: (() => void)[];
  /** Run once nothing is in flight any more. */
  idle: (() => void)[];
  /** A request did not parse: nothing after it is served. */
  broken: boolean;
  /** The client half-closed: a body not complete by then never will be. */
  clientEnded: boolean;
}

/** What a handler reading a body gets when the client half-closes before its end. */
export class BodyCutShort extends Error {
  constructor() {
    super('the client closed its side of the connection before the end of the request body');
    this.name = 'BodyCutShort';
  }
}

const open = (socket: Socket | null | undefined): boolean => !socket || (!socket.destroyed && socket.writable !== false);

export function takenOverServer(handle: RawRequestHandler, options: TakenOverServerOptions): FastifyInstance {
  const { malformedRequest = (_err, socket) => socket.destroy(), bodyError, ...fastifyOptions } = options;
  const lines = new WeakMap<object, Line>();
  const lineOf = (key: object): Line => {
    let line = lines.get(key);
    if (!line) lines.set(key, (line = { busy: false, waiting: [], idle: [], broken: false, clientEnded: false }));
    return line;
  };

  const serve = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const line = lineOf(req.socket);
    const start = (): void => {
      line.busy = true;
      line.current = { req, res, written: req.socket?.bytesWritten ?? 0 };
      let done = false;
      const next = (): void => {
        if (done) return;
        done = true;
        line.busy = false;
        line.current = undefined;
        line.last = req;
        if (!open(req.socket)) line.waiting.length = 0;
        const following = line.waiting.shift();
        if (following) return following();
        for (const f of line.idle.splice(0)) f();
      };
      res.once('finish', next);
      res.once('close', next);
      handle(req, res);
      if (line.clientEnded && !req.complete) failBody(req, new BodyCutShort(), bodyError);
    };
    // Nothing after an answer that closed the connection, or a request that did not parse, is served.
    if (line.broken || !open(req.socket)) return;
    line.newest = req;
    if (line.busy) line.waiting.push(start);
    else start();
  };

  const app = Fastify({
    logger: false,
    ...fastifyOptions,
    frameworkErrors: (_err, request, reply) => {
      reply.hijack();
      serve(request.raw, reply.raw);
    },
    clientErrorHandler: (err: NodeJS.ErrnoException, socket) => {
      const s = socket as Socket;
      const line = lineOf(s);
      // Node reports every later parse error of the same connection again.
      if (line.broken) return;
      line.broken = true;
      if (err.code === 'ECONNRESET') return void s.destroy();
      // Bytes after an answer that closes the connection are left to the lingering close.
      if (!open(s)) return;
      const answer = (): void => {
        if (open(s)) malformedRequest(err, s);
      };
      const current = line.current;
      const newest = line.newest;
      if (newest && !newest.complete && current?.req !== newest && line.waiting.length > 0) {
        // The error is in the body of a request still waiting its turn: it is never served; its 400 follows the answers in front.
        line.waiting.pop();
        line.idle.push(answer);
        return;
      }
      if (!current) {
        // The answer to a request whose body was never read is out: the error is in that body, and it needs no second answer.
        if (line.last && !line.last.complete) return void s.end();
        return answer();
      }
      if (!current.req.complete) {
        // The error is in the body of the request being served: its handler reads the error
        // (as Poco's stream would throw it) and answers, and the connection closes after.
        line.waiting.length = 0;
        line.idle.push(() => lingeringClose.call(s));
        failBody(current.req, err, bodyError);
        return;
      }
      line.idle.push(answer);
    },
  });
  const server = app.server as http.Server & { httpAllowHalfOpen?: boolean; requireHostHeader?: boolean };
  // A client that half-closes after its requests still gets every answer (Node would end the socket at once).
  server.httpAllowHalfOpen = true;
  // Poco, Netty and libevent serve an HTTP/1.1 request without Host; Node would refuse it with its own 400.
  server.requireHostHeader = false;
  // An Expect other than 100-continue is ignored there too, where Node would answer 417 itself.
  server.on('checkExpectation', (req: http.IncomingMessage, res: http.ServerResponse) => server.emit('request', req, res));
  server.on('connection', (socket: Socket) => {
    socket.destroySoon = lingeringClose;
    socket.once('end', () => {
      const line = lineOf(socket);
      line.clientEnded = true;
      const current = line.current;
      if (current && !current.req.complete) failBody(current.req, new BodyCutShort(), bodyError);
    });
  });
  // CONNECT is one more method to them; Node would hand the socket over raw, or drop it without a listener.
  // Node stops parsing there, so it is the last request of its connection, served after those in front.
  server.on('connect', (req: http.IncomingMessage, socket: Socket) => {
    const go = (): void => {
      if (!open(socket)) return;
      const res = new http.ServerResponse(req);
      res.shouldKeepAlive = false;
      res.assignSocket(socket);
      res.once('finish', () => socket.end());
      serve(req, res);
    };
    const line = lineOf(socket);
    if (line.busy) line.idle.push(go);
    else go();
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.hijack();
    serve(request.raw, reply.raw);
    done();
  });
  // Never reached (onRequest takes every request over); it keeps fastify's router from answering 404 itself.
  app.all('*', async () => undefined);
  return app;
}
