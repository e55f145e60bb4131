// GET|HEAD /api/_download_load and /api/_tablet/_download (download_action.cpp,
// http/utils.cpp). Both are registered with the BE's store paths as allowed
// roots (http_service.cpp: `allow_paths` = store paths for both handlers),
// and need the cluster token while `enable_token_check` is on. A file is sent
// whole as `text/plain; charset=utf-8` (get_content_type: only .html/.js/.css/
// .png/.ico differ); HEAD answers its Content-Length and no body. A directory
// answers its entries one per line (`name|size` with `type=V2`), with no
// Content-Type of its own.

import type { Exchange } from '../http/exchange.ts';
import type { Router } from '../http/router.ts';
import { canonical, lookup } from '../cluster/be-files.ts';
import type { BeEntry } from '../cluster/be-files.ts';
import { allTablets } from '../cluster/tables.ts';
import type { BeDeps, BeHandler } from './action.ts';
import { beSend } from './action.ts';

/** The BE's (only) store path. */
export function storageRoot(deps: BeDeps): string {
  return (deps.node as { storageRoot?: string }).storageRoot ?? deps.cluster.beConfig.get('storage_root_path');
}

/** A tablet's data directory: `<root>/data/<shard>/<tablet_id>/<schema_hash>` (shard as in meta/header). */
export function tabletDir(root: string, tabletId: number, schemaHash: number): string {
  return `${root}/data/${tabletId % 1024}/${tabletId}/${schemaHash}`;
}

/** What the BE has at `path`: written files, error logs, tablet directories. */
export function beEntry(deps: BeDeps, path: string): BeEntry | undefined {
  const c = deps.cluster;
  const root = storageRoot(deps);
  const files = c.beFiles.all();
  for (const log of c.errorLogs.list()) files.set(`${root}/error_log/${log.name}`, log.lines.map((l) => `${l}\n`).join(''));
  const dirs = [root, `${root}/error_log`, `${root}/snapshot`, `${root}/trash`];
  for (const t of c.tables.tablesOf()) for (const tab of allTablets(t)) dirs.push(tabletDir(root, tab.id, tab.schemaHash));
  return lookup(path, files, dirs);
}

function contentType(path: string): string {
  const ext = /\.[^./]*$/.exec(path)?.[0] ?? '';
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.js': 'application/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.ico': 'image/x-icon',
  };
  return types[ext] ?? 'text/plain; charset=utf-8';
}

function downloadHandler(deps: BeDeps): BeHandler {
  const c = deps.cluster;
  return (x: Exchange) => {
    const file = x.query.get('file');
    if (!file) return beSend(x, 'parameter file not specified in url.');
    if (c.beConfig.bool('enable_token_check')) {
      const token = x.query.get('token');
      if (!token) return beSend(x, 'token is not specified.');
      if (token !== c.journal.token) return beSend(x, 'invalid token.');
    }
    // check_path_is_allowed canonicalizes first (realpath: a missing path is an error), then
    // requires the result under an allowed root.
    const path = canonical(file.startsWith('/') ? file : `/${file}`);
    const root = storageRoot(deps);
    const entry = beEntry(deps, path);
    if (!entry && (path === root || path.startsWith(`${root}/`))) return beSend(x, `Unable to canonicalize ${file}: No such file or directory`);
    if (!entry || !(path === root || path.startsWith(`${root}/`))) return beSend(x, `file path is not allowed: ${path}`);
    if (entry.kind === 'dir') {
      const type = x.query.get('type') ?? '';
      if (type !== '' && type !== 'V2') return beSend(x, '', 500);
      const lines = entry.children.map((name) => {
        if (type !== 'V2') return `${name}\n`;
        const child = beEntry(deps, `${path}/${name}`);
        // get_file_size of a directory is its inode size on the real BE; 4096 on ext4/xfs.
        return `${name}|${child?.kind === 'file' ? Buffer.byteLength(child.content) : 4096}\n`;
      });
      return beSend(x, lines.join(''));
    }
    if (file.includes('..')) return beSend(x, '', 403);
    // Exchange.send answers HEAD with the Content-Length of the body it leaves out.
    beSend(x, entry.content, 200, contentType(path));
  };
}

export function registerDownload(router: Router<BeHandler>, deps: BeDeps): void {
  router.add(['GET', 'HEAD'], '/api/_download_load', downloadHandler(deps));
  router.add(['GET', 'HEAD'], '/api/_tablet/_download', downloadHandler(deps));
}
