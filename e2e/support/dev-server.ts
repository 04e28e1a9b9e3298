import type { BrowserContext } from '@playwright/test';

/**
 * Keeps every page of the context on the code it loaded: Vite's HMR socket (`ws://host:port/?token=…`,
 * protocol `vite-hmr`) is answered by a route that stays open and never passes an update or reload on. A test
 * whose page state lives in memory (a cut mid-turn) must not be reset because a source file was saved meanwhile.
 */
export async function holdDevServerUpdates(context: BrowserContext): Promise<void> {
  await context.routeWebSocket(
    (url) => url.pathname === '/' && url.searchParams.has('token'),
    (ws) => {
      ws.onMessage(() => {});
    },
  );
}
