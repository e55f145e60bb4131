// One headless Chromium for the whole run, started by the first @browser
// scenario that needs it (a run without such scenarios never pays for it), and
// a fresh page for each scenario. Chromium is the system's own (Debian's
// package); Playwright drives it and never downloads a browser of its own.

import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome'];

// Headless, and quiet on the network: without these Chromium reaches out for
// updates, sync and field trials, which this machine's closed network refuses.
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to drive: $OLAPSPEC_CHROMIUM, else Debian's, else one on PATH; undefined when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.OLAPSPEC_CHROMIUM;
  if (given) return executable(given) ? given : undefined;
  if (executable(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of PATH_NAMES) {
      if (dir && executable(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

/** Why browser scenarios cannot run here, or undefined when they can. */
export function browserUnavailable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.OLAPSPEC_CHROMIUM && !findChromium(env)) return `$OLAPSPEC_CHROMIUM (${env.OLAPSPEC_CHROMIUM}) is not an executable`;
  if (!findChromium(env)) {
    return 'no Chromium found ($OLAPSPEC_CHROMIUM, /usr/bin/chromium, or chromium on PATH); ' +
      '`apt-get install chromium` (or `bash .ci/run`) installs one';
  }
  return undefined;
}

let launching: Promise<Browser> | undefined;

async function launch(): Promise<Browser> {
  const path = findChromium();
  if (!path) throw new Error(browserUnavailable());
  const { chromium } = await import('playwright-core');
  // Playwright gives every launch a fresh temporary profile (--user-data-dir) and removes it on close.
  return chromium.launch({ executablePath: path, headless: true, chromiumSandbox: false, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** The run's browser, started on first use. */
export function sharedBrowser(): Promise<Browser> {
  launching ??= launch().catch((err: unknown) => {
    launching = undefined;
    throw err;
  });
  return launching;
}

export async function closeBrowser(): Promise<void> {
  const browser = launching;
  launching = undefined;
  if (browser) await (await browser.catch(() => undefined))?.close();
}

const pages = new WeakMap<object, Page>();

/** The scenario's page, opened on first use. */
export async function pageFor(scenario: object): Promise<Page> {
  let page = pages.get(scenario);
  if (!page) {
    const context = await (await sharedBrowser()).newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    pages.set(scenario, page);
  }
  return page;
}

/** The scenario's page if it opened one. */
export function existingPage(scenario: object): Page | undefined {
  return pages.get(scenario);
}

export async function closePage(scenario: object): Promise<void> {
  const page = pages.get(scenario);
  pages.delete(scenario);
  if (page) await page.context().close();
}
