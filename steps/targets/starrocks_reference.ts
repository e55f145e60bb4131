// Reads the StarRocks lines `olapspec serve` prints next to the ClickHouse one:
//   starrocks fe http listening on http://127.0.0.1:PORT
//   starrocks fe query listening on mysql://127.0.0.1:PORT
//   starrocks be http listening on http://127.0.0.1:PORT
//   starrocks cn http listening on http://127.0.0.1:PORT

import { DEFAULT_STARROCKS_USER, type StarRocksEndpoints } from './starrocks_endpoints.ts';

const LINE = /^starrocks (fe http|fe query|be http|cn http) listening on ((?:http|mysql):\/\/\S+)$/;
const KINDS = ['fe http', 'fe query', 'be http', 'cn http'];

export class StarRocksServeLines {
  private readonly found = new Map<string, string>();

  /** Takes one line of serve's output; other lines are ignored. */
  take(line: string): void {
    const match = LINE.exec(line.trim());
    if (match) this.found.set(match[1]!, match[2]!.replace(/\/$/, ''));
  }

  /** True once no StarRocks line is expected any more: none printed yet counts as "not yet". */
  complete(): boolean {
    return KINDS.every((kind) => this.found.has(kind));
  }

  /** The cluster the lines describe, or undefined when serve printed no FE line. */
  endpoints(user = DEFAULT_STARROCKS_USER, password = ''): StarRocksEndpoints | undefined {
    const fe = this.found.get('fe http');
    const query = this.found.get('fe query');
    if (fe === undefined) return undefined;
    // Without a query line the HTTP scenarios still run; those that need MySQL say why they cannot.
    const queryUrl = new URL(query ?? `mysql://${new URL(fe).host.replace(/:\d+$/, '')}:0`);
    const be = this.found.get('be http');
    const cn = this.found.get('cn http');
    return {
      fe,
      queryHost: queryUrl.hostname.replace(/^\[|\]$/g, ''),
      queryPort: Number(queryUrl.port),
      ...(be ? { be } : {}),
      ...(cn ? { cn } : {}),
      user,
      password,
    };
  }
}
