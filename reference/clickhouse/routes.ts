// The default handler chain of 24.8 (HTTPHandlerFactory, no <http_handlers>):
// which handler answers a method and raw request-target.

export type DefaultRoute = 'root' | 'ping' | 'replicas_status' | 'play' | 'query';
export type Route = DefaultRoute | 'not_found' | 'not_implemented';

/** The default handler that takes the request, if any (also what <defaults/> stands for in <http_handlers>). */
export function defaultRoute(method: string, uri: string): DefaultRoute | undefined {
  const getOrHead = method === 'GET' || method === 'HEAD';
  const queryPath = uri.startsWith('?') || uri.startsWith('/?') || uri.startsWith('/query?');
  if (getOrHead) {
    if (uri === '/') return 'root';
    if (uri === '/ping') return 'ping';
    if (uri.startsWith('/replicas_status')) return 'replicas_status';
    // A prefix, as ClickHouse matches it: /play?user=x and /playground are the page too.
    if (uri.startsWith('/play')) return 'play';
    if (queryPath) return 'query';
  }
  if ((method === 'POST' || method === 'OPTIONS') && (queryPath || uri === '/' || uri === '')) return 'query';
  return undefined;
}

export function routeRequest(method: string, uri: string): Route {
  const route = defaultRoute(method, uri);
  if (route) return route;
  if (method === 'GET' || method === 'HEAD' || method === 'POST') return 'not_found';
  // The factory returns no handler: the connection answers 501 itself.
  return 'not_implemented';
}

// Paths the NotFoundHandler may suggest (HTTPPathHints registered by the default factory).
const HINT_PATHS = ['/ping', '/replicas_status', '/play', '/dashboard', '/binary'];

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let j = 1; j <= a.length; j++) {
    row[0] = j;
    let prev = j - 1;
    for (let i = 1; i <= b.length; i++) {
      const old = row[i]!;
      row[i] = Math.min(prev + (a[j - 1]!.toLowerCase() !== b[i - 1]!.toLowerCase() ? 1 : 0), Math.min(row[i - 1]!, row[i]!) + 1);
      prev = old;
    }
  }
  return row[b.length]!;
}

/** NamePrompter<1>: the closest registered path within Clang's typo-correction bounds. */
export function pathHint(uri: string): string | undefined {
  let best: [number, number] | undefined;
  HINT_PATHS.forEach((path, index) => {
    const minEdits = Math.abs(uri.length - path.length);
    const mistakes = Math.floor((uri.length + 2) / 3);
    if (minEdits > 0 && Math.floor(uri.length / minEdits) < 3) return;
    if (path.length > uri.length + mistakes || path.length + mistakes < uri.length) return;
    const d = levenshtein(path, uri);
    if (d > mistakes) return;
    if (!best || d < best[0]) best = [d, index];
  });
  return best ? HINT_PATHS[best[1]] : undefined;
}

/** NotFoundHandler's body, byte for byte; without the default handlers no path is registered for hints. */
export function notFoundBody(uri: string, hints = true): string {
  const hint = hints ? pathHint(uri) : undefined;
  return `There is no handle ${uri}${hint ? `. Maybe you meant ${hint}.` : ''}\n\n` +
    'Use / or /ping for health checks.\n' +
    'Or /replicas_status for more sophisticated health checks.\n\n' +
    'Send queries from your program with POST method or GET /?query=...\n\n' +
    'Use clickhouse-client:\n\n' +
    'For interactive data analysis:\n' +
    '    clickhouse-client\n\n' +
    'For batch query processing:\n' +
    "    clickhouse-client --query='SELECT 1' > result\n" +
    '    clickhouse-client < query > result\n';
}
