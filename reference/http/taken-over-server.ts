// A fastify instance that hands every request, raw, to the emulated server's
// own dispatcher: each one is taken over (hijacked) as soon as it arrives, so
// the server, not fastify, decides statuses, headers, bodies and connection
// handling. Fastify supplies listen/close and inject(). Requests fastify itself
// cannot route (URLs it cannot decode) are handed over the same way.

import type http from 'node:http';
import Fastify from 'fastify';
import type { FastifyHttpOptions, FastifyInstance } from 'fastify';

export type RawRequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Fastify's options but the error routing, which belongs to the takeover (the logger is off unless asked for). */
export type TakenOverServerOptions = Omit<FastifyHttpOptions<http.Server>, 'frameworkErrors'>;

export function takenOverServer(handle: RawRequestHandler, options: TakenOverServerOptions): FastifyInstance {
  const app = Fastify({
    logger: false,
    ...options,
    frameworkErrors: (_err, request, reply) => {
      reply.hijack();
      handle(request.raw, reply.raw);
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.hijack();
    handle(request.raw, reply.raw);
    done();
  });
  // Never reached (onRequest takes every request over); it keeps fastify's router from answering 404 itself.
  app.all('*', async () => undefined);
  return app;
}
