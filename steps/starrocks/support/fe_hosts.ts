// The FE meta service answers only clients whose address is a registered FE
// (MetaBaseAction.java). To be such a client the suite binds its end of the
// connection to an FE's address when that address is on this machine; to be
// any other client it binds to a local address that is no FE's. On a cluster
// elsewhere one of the two may be impossible: the caller then skips.

import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { sendHttp } from '../../support/http.ts';
import type { StarRocksSession } from './session.ts';

async function addressesOf(host: string): Promise<string[]> {
  if (isIP(host)) return [host];
  return (await lookup(host, { all: true }).catch(() => [])).map((entry) => entry.address);
}

/** Every address of every FE, as SHOW_HA names them, plus the FE the suite talks to. */
export async function feAddresses(session: StarRocksSession): Promise<Set<string>> {
  const res = await sendHttp(session.info.fe, { method: 'GET', path: '/api/show_meta_info?action=SHOW_HA' });
  const hosts = [new URL(session.info.fe).hostname.replace(/^\[|\]$/g, '')];
  if (res.status === 200) {
    const ha = JSON.parse(res.body.toString('utf8')) as Record<string, string>;
    for (const key of ['master', 'electable_nodes', 'observer_nodes']) {
      for (const node of (ha[key] ?? '').split(',')) {
        const host = node.trim().replace(/:\d+$/, '');
        if (host && host !== 'unknown') hosts.push(host);
      }
    }
  }
  const all = new Set<string>();
  for (const host of hosts) for (const address of await addressesOf(host)) all.add(address);
  return all;
}

function localAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));
}

const isLoopbackV4 = (address: string) => /^127\./.test(address);

/** A local address to connect from: an FE's (asFe) or one that is no FE's; undefined when there is none. */
export async function clientAddress(session: StarRocksSession, asFe: boolean): Promise<string | undefined> {
  const fes = await feAddresses(session);
  const local = localAddresses();
  const feHost = new URL(session.info.fe).hostname.replace(/^\[|\]$/g, '');
  const feIsLoopback = (await addressesOf(feHost)).some(isLoopbackV4);
  if (asFe) {
    // All of 127/8 is this machine on Linux, so an FE on 127.0.0.x can be spoken for.
    return [...fes].find((address) => local.includes(address) || isLoopbackV4(address));
  }
  if (feIsLoopback) {
    for (let last = 2; last < 250; last++) {
      const candidate = `127.0.0.${last}`;
      if (!fes.has(candidate)) return candidate;
    }
    return undefined;
  }
  return local.find((address) => !fes.has(address) && !isLoopbackV4(address) && address !== '::1' && isIP(address) === 4);
}
