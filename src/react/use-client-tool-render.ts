import { useCallback, useSyncExternalStore } from 'react';
import { clientToolRenders, type ClientToolRender } from './client-tool-renders.js';
import { usePlatosClient } from './use-platos-client.js';

/**
 * The `render` that `useClientTool` registered for a tool of this client, if any: for a tool-call view of your own.
 * @example
 * const render = useClientToolRender(toolCall.tool);
 */
export function useClientToolRender(name: string): ClientToolRender | undefined {
  const renders = clientToolRenders(usePlatosClient());
  const get = useCallback(() => renders.get(name), [renders, name]);
  return useSyncExternalStore(renders.subscribe, get, get);
}
