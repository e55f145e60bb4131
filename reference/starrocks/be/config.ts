// POST /api/update_config?<name>=<value> (exactly one) and GET /varz.

import { rapidPretty } from '../envelopes.ts';
import type { Router } from '../http/router.ts';
import { parseBeValue } from '../cluster/configs.ts';
import type { ConfigStore } from '../cluster/configs.ts';
import type { BeHandler } from './action.ts';
import { beJson, beSend } from './action.ts';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function registerBeConfig(router: Router<BeHandler>, config: ConfigStore, withUpdate: boolean): void {
  if (withUpdate) {
    router.add('POST', '/api/update_config', (x) => {
      const pairs = [...x.query.entries()];
      if (pairs.length !== 1) {
        return beJson(x, rapidPretty({ status: 'BAD', msg: "Now only support to set a single config once, via 'config_name=new_value'" }));
      }
      const [name, value] = pairs[0]!;
      const d = config.defs[name];
      let reason: string | undefined;
      if (!d) reason = `Not found: '${name}' is not found`;
      else if (!d.mutable) reason = `Not supported: '${name}' is not support to modify`;
      else {
        const r = parseBeValue(d.type, value);
        if ('error' in r) reason = `Invalid argument: ${r.error}`;
        else d.value = r.value;
      }
      if (reason) return beJson(x, rapidPretty({ status: 'BAD', msg: `set ${name}=${value} failed, reason: ${reason}` }));
      beJson(x, rapidPretty({ status: 'OK', msg: '' }));
    });
  }
  router.add('GET', '/varz', (x) => {
    const text = config.names().map((n) => `${n}=${config.defs[n]!.value}`).join('\n');
    const content = `<h2>Configurations</h2><pre>${escapeHtml(text)}\n</pre>`;
    if (x.query.has('raw')) return beSend(x, content, 200, 'text/html');
    beSend(x, `<!DOCTYPE html><html><head><title>StarRocks</title></head><body>${content}</body></html>`, 200, 'text/html');
  });
}
