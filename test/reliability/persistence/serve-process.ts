// `olapspec serve --data-dir DIR` as a process of its own on free ports, for
// the persistence tests: started, stopped with SIGTERM or killed with
// SIGKILL, started again on the same directory.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const LAUNCHER = fileURLToPath(new URL('../../../bin/olapspec.js', import.meta.url));
const PORTS = ['--clickhouse-port', '0', '--fe-port', '0', '--fe-query-port', '0', '--be-port', '0', '--cn-port', '0'];

export interface ServeProcess {
  child: ChildProcess;
  clickhouse: string;
  mysql: { host: string; port: number };
  be: string;
  stderr: string[];
  /** Ends with `signal` and waits for the exit. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

export function startServe(dataDir: string): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LAUNCHER, 'serve', '--data-dir', dataDir, ...PORTS], { stdio: ['ignore', 'pipe', 'pipe'] });
    const urls = new Map<string, string>();
    const stderr: string[] = [];
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`serve did not start: ${stderr.join('\n')}`)); }, 30_000);
    createInterface({ input: child.stderr! }).on('line', (l) => stderr.push(l));
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited (${code}) before listening: ${stderr.join('\n')}`)); });
    createInterface({ input: child.stdout! }).on('line', (l) => {
      const m = /^(.+) listening on (\S+)$/.exec(l);
      if (m) urls.set(m[1]!, m[2]!);
      if (urls.has('clickhouse http') && urls.has('starrocks fe query') && urls.has('starrocks be http')) {
        clearTimeout(timer);
        const q = new URL(urls.get('starrocks fe query')!);
        resolve({
          child, stderr,
          clickhouse: urls.get('clickhouse http')!,
          mysql: { host: q.hostname, port: Number(q.port) },
          be: urls.get('starrocks be http')!,
          async stop(signal) {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    });
  });
}

/** A ClickHouse query over HTTP, on a connection of its own; rejects unless 200. */
export async function ch(base: string, sql: string): Promise<string> {
  const res = await fetch(`${base}/`, { method: 'POST', body: sql, headers: { Connection: 'close' } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${res.status} ${text} (${sql})`);
  return text;
}

/** A Stream Load PUT on the BE as root, Expect: 100-continue honoured; the JSON answer. */
export function streamLoad(be: string, db: string, table: string, body: string, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const url = new URL(be);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: 'PUT', path: `/api/${db}/${table}/_stream_load`, agent: false,
      headers: { Authorization: `Basic ${Buffer.from('root:').toString('base64')}`, Expect: '100-continue',
        'Content-Length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { text += d.toString(); });
      res.on('end', () => {
        try {
          resolve(JSON.parse(text) as Record<string, unknown>);
        } catch {
          reject(new Error(`stream load answered ${res.statusCode}: ${text}`));
        }
      });
      res.on('error', reject);
    });
    req.on('continue', () => req.end(body));
    req.on('response', () => { if (!req.writableEnded) req.end(); });
    req.on('error', reject);
  });
}
