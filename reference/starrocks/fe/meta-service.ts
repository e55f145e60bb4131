// The FE↔FE meta service (catalog §4.4): images, the VERSION file, journal
// id, cluster check, role. Only registered FE hosts may call them (400
// `invalid client host.`), except /dump. As http/meta/MetaService.java @
// 01330099c2: /info and /check no longer hand out the cluster id.

import { gson } from '../envelopes.ts';
import type { Router } from '../http/router.ts';
import { feJson, feSend, restAction } from './action.ts';
import type { FeDeps, FeHandler } from './action.ts';

export function registerMetaService(router: Router<FeHandler>, deps: FeDeps): void {
  const c = deps.cluster;
  router.add('GET', '/image', restAction(deps, 'fe-host', (x) => {
    const v = x.param('version');
    if (!v) return feSend(x, 'Miss version parameter', { status: 400 });
    const image = /^\d+$/.test(v) ? c.journal.images.find((i) => i.version === Number(v)) : undefined;
    if (!image) return feSend(x, '', { status: 404 });
    feSend(x, image.content, {
      contentType: 'application/octet-stream',
      headers: { 'Content-disposition': `attachment; filename=image.${image.version}`, 'X-Image-Size': String(image.content.length) },
    });
  }));
  router.add('GET', '/info', restAction(deps, 'fe-host', (x) => {
    feJson(x, gson({ imageJournalId: c.journal.latestImage().version }));
  }));
  router.add('GET', '/version', restAction(deps, 'fe-host', (x) => {
    feSend(x, c.journal.versionFile(), { contentType: 'application/octet-stream', headers: { 'Content-Disposition': 'attachment; filename=VERSION' } });
  }));
  router.add('GET', '/put', restAction(deps, 'fe-host', (x) => {
    // The port is checked first (against SSRF), and its refusal has no body.
    const port = x.param('port');
    if (!port || !/^\d+$/.test(port) || Number(port) < 0 || Number(port) > 65535) return feSend(x, '', { status: 400 });
    const v = x.param('version');
    if (!v) return feSend(x, 'Miss version parameter', { status: 400 });
    if (deps.fe.role === 'LEADER') return feSend(x, 'this node is master, reject image put', { status: 400 });
    if (!/^\d+$/.test(v) || Number(v) > c.journal.maxJournalId) return feSend(x, 'image version is bigger than local max journal id, reject image put', { status: 400 });
    feSend(x, '');
  }));
  router.add('GET', '/journal_id', restAction(deps, 'fe-host', (x) => {
    feSend(x, '', { headers: { id: String(c.journal.maxJournalId) } });
  }));
  router.add('GET', '/check', restAction(deps, 'fe-host', (x) => {
    feSend(x, '', { headers: { token: c.journal.token } });
  }));
  router.add('GET', '/role', restAction(deps, 'fe-host', (x) => {
    const host = x.param('host');
    const port = x.param('port');
    if (!host || !port) return feSend(x, 'Miss parameter', { status: 400 });
    const fe = c.frontends.find((f) => f.host === host && String(f.editLogPort) === port);
    feSend(x, '', { headers: fe ? { role: fe.role, name: fe.name } : { role: 'UNKNOWN' } });
  }));
  router.add('GET', '/dump', restAction(deps, 'none', (x) => {
    const image = c.journal.checkpoint();
    feSend(x, `dump finished. ${c.feConfig.get('meta_dir')}/image.${image.version}`);
  }));
}
