// What the query page shows, read the way a person sees it. ClickHouse's own
// page (26.x) draws its result inside the shadow roots of <query-result> and
// <query-progress> elements, and may hold several results (tabs, statements);
// older pages and the reference's draw into the document. So every element is
// looked up by id through all open shadow roots, and only what is visible on
// screen counts.

import type { Page } from 'playwright-core';

export interface PlayView {
  /** A request of the page is still running (its hourglass shows). */
  busy: boolean;
  /** The first visible result table: column names, then the rows; row numbers and type hints left out. */
  table: string[][] | undefined;
  /** The first visible raw result, as rendered (innerText). */
  text: string | undefined;
  /** The first visible error, as its text. */
  error: string | undefined;
}

/** Runs inside the page: self-contained, so Playwright can send it there. */
function readPlayView(): PlayView {
  const byId = (root: Document | ShadowRoot, id: string): Element[] => {
    const found = [...root.querySelectorAll(`[id="${id}"]`)];
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) found.push(...byId(el.shadowRoot, id));
    }
    return found;
  };
  const shown = (id: string): HTMLElement | undefined =>
    byId(document, id).find((el) => (el as HTMLElement).checkVisibility?.() ?? el.getClientRects().length > 0) as HTMLElement | undefined;

  const cellText = (cell: Element): string => {
    const name = cell.querySelector('.name');
    if (name) return (name.textContent ?? '').trim();
    const copy = cell.cloneNode(true) as Element;
    copy.querySelectorAll('.type-hint').forEach((hint) => hint.remove());
    return (copy.textContent ?? '').trim();
  };
  const data = (cells: Iterable<Element>): string[] =>
    [...cells].filter((c) => !c.classList.contains('row-number')).map(cellText);

  let table: string[][] | undefined;
  const t = shown('data-table');
  if (t && t.querySelector('th, td')) {
    table = [];
    const head = [...t.querySelectorAll('thead th')];
    if (head.length > 0) table.push(data(head));
    for (const tr of t.querySelectorAll('tbody tr')) table.push(data(tr.querySelectorAll('td')));
  }
  const text = shown('data-unparsed')?.innerText;
  const error = shown('error')?.textContent?.trim();
  return {
    busy: shown('hourglass') !== undefined,
    table,
    text,
    error: error === '' ? undefined : error,
  };
}

export function playView(page: Page): Promise<PlayView> {
  return page.evaluate(readPlayView);
}

/** Waits until the page is done and shows an answer: a table, a text or an error. */
export async function waitForAnswer(page: Page, timeoutMs: number): Promise<void> {
  // As text: a function handed to the page cannot reach readPlayView in this module's scope.
  const answered = `(() => { const v = (${readPlayView.toString()})();
    return !v.busy && (v.table !== undefined || v.text !== undefined || v.error !== undefined); })()`;
  await page.waitForFunction(answered, undefined, { timeout: timeoutMs });
}
