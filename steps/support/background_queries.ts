// Requests a scenario leaves running while it goes on: a long query that holds
// a session or a query id, or one whose client is about to go away. Each keeps
// its query id, so that steps can find it in system.processes and the clean-up
// can KILL it instead of waiting for it.

import { sendHttp, type HttpRequest, type HttpResponse } from './http.ts';

export interface BackgroundQuery {
  queryId: string;
  /** The answer, or the error of a request that never got one (aborted, reset). */
  done: Promise<HttpResponse | Error>;
  abort(): void;
  /** True once the request has ended either way. */
  settled: boolean;
}

export class BackgroundQueries {
  private readonly queries: BackgroundQuery[] = [];

  start(baseUrl: string, queryId: string, request: HttpRequest): BackgroundQuery {
    const controller = new AbortController();
    const query: BackgroundQuery = {
      queryId,
      settled: false,
      abort: () => controller.abort(),
      done: sendHttp(baseUrl, { ...request, signal: controller.signal }).then(
        (res) => res,
        (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
      ).finally(() => { query.settled = true; }),
    };
    this.queries.push(query);
    return query;
  }

  /** The query started last: scenarios say "the running query". */
  latest(): BackgroundQuery {
    const query = this.queries.at(-1);
    if (!query) throw new Error('no query was started in the background in this scenario');
    return query;
  }

  /** Ends whatever still runs: `kill` asks the server to stop it, then the request is dropped. */
  async stopAll(kill: (queryId: string) => Promise<void>): Promise<void> {
    for (const query of this.queries) {
      if (!query.settled) await kill(query.queryId).catch(() => {});
      query.abort();
      await query.done;
    }
  }
}
