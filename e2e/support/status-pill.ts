import type { Page } from '@playwright/test';

export interface PillChange {
  state: string;
  at: number;
}

declare global {
  interface Window {
    __pillChanges?: PillChange[];
  }
}

/**
 * Records every `data-state` the connection status pill (role=status, `.platos-connection-status`) takes,
 * in order, with a MutationObserver installed before the page's scripts run. Call before `page.goto`.
 * A change that React commits and undoes within one task still shows: each attribute record's old value is kept.
 */
export async function recordPillStates(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const changes: PillChange[] = [];
    window.__pillChanges = changes;
    const selector = '.platos-connection-status[role="status"]';
    const push = (state: string | null) => {
      if (state === null || changes.at(-1)?.state === state) return;
      changes.push({ state, at: Date.now() });
    };
    const observer = new MutationObserver((records) => {
      let changed: Element | null = null;
      for (const record of records) {
        if (record.type === 'attributes' && record.target instanceof Element && record.target.matches(selector)) {
          // Each record keeps the value before its change; the value after the last one is read below.
          push(record.oldValue);
          changed = record.target;
        } else if (record.type === 'childList') {
          for (const node of record.addedNodes) {
            if (!(node instanceof Element)) continue;
            const pill = node.matches(selector) ? node : node.querySelector(selector);
            if (pill) push(pill.getAttribute('data-state'));
          }
        }
      }
      if (changed) push(changed.getAttribute('data-state'));
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'], attributeOldValue: true });
  });
}

/** The pill's states so far, consecutive repeats folded. */
export async function pillStates(page: Page): Promise<string[]> {
  const changes = await page.evaluate(() => window.__pillChanges ?? []);
  return changes.map((change) => change.state);
}
