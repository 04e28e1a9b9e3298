import { useEffect, useRef, type ReactNode } from 'react';
import type { ClientTool } from '../client/connections/types.js';
import { clientToolRenders, type ClientToolRender, type ClientToolRenderProps } from './client-tool-renders.js';
import { usePlatosClient } from './use-platos-client.js';

export interface UseClientToolOptions<TArgs = unknown, TResult = unknown> extends ClientTool<TArgs, TResult> {
  /** Draws the call in the chat's tool-call card while it runs and after; the card's own body otherwise. */
  render?: (props: ClientToolRenderProps<TArgs, TResult>) => ReactNode;
}

/**
 * Offers a tool that runs in this browser to the agent for as long as the component is mounted. `execute` and
 * `render` may change on every render; the tool is re-sent to the agent only when its name, description, parameters
 * or timeout change.
 * @example
 * useClientTool({
 *   name: 'read_filters',
 *   description: 'Reads the filters the user set on the page',
 *   parameters: v.object({ fields: v.array(v.picklist(['region', 'budget'])) }),
 *   execute: ({ fields }) => pick(filters, fields),
 * });
 */
export function useClientTool<TArgs = unknown, TResult = unknown>(tool: UseClientToolOptions<TArgs, TResult>): void {
  const client = usePlatosClient();
  const latest = useRef(tool);
  useEffect(() => {
    latest.current = tool;
  });
  const { name, description, timeoutMs } = tool;
  const parametersKey = schemaKey(tool.parameters);
  const hasRender = tool.render !== undefined;

  useEffect(() => {
    const unregister = client.connections.registerTool<TArgs, TResult>({
      name,
      description,
      parameters: latest.current.parameters,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      execute: (args, context) => latest.current.execute(args, context),
    });
    const render: ClientToolRender = (props) => latest.current.render?.(props as ClientToolRenderProps<TArgs, TResult>) ?? null;
    const removeRender = hasRender ? clientToolRenders(client).set(name, render) : undefined;
    return () => {
      unregister();
      removeRender?.();
    };
    // `parametersKey` stands for `parameters`: an inline schema is a new object on every render.
  }, [client, name, description, parametersKey, timeoutMs, hasRender]);
}

const identityKeys = new WeakMap<object, string>();

/** Equal for schemas that say the same thing; a valibot schema's functions are left out, its structure is not. */
function schemaKey(parameters: object): string {
  try {
    return JSON.stringify(parameters);
  } catch {
    // A schema JSON cannot write out (a cycle through `v.lazy`) is keyed by identity instead.
    let key = identityKeys.get(parameters);
    if (!key) identityKeys.set(parameters, (key = `#${Math.random()}`));
    return key;
  }
}
