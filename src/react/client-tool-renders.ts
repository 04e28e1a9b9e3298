import type { ReactNode } from 'react';
import type { ToolInvocation } from '../client/connections/types.js';
import type { PlatosClient } from '../client/types.js';

/** What a browser-side tool's `render` gets while it runs and once it is done. */
export interface ClientToolRenderProps<TArgs = unknown, TResult = unknown> {
  invocation: ToolInvocation;
  /** The arguments as the tool's schema produced them; `undefined` while they are checked, or when they failed. */
  args: TArgs | undefined;
  state: ToolInvocation['state'];
  /** What `execute` returned, as JSON carried it. */
  result?: TResult;
  error?: { code: string; message: string };
}

export type ClientToolRender = (props: ClientToolRenderProps) => ReactNode;

export interface ClientToolRenders {
  get(name: string): ClientToolRender | undefined;
  /** Sets the tool's render; returns the function that removes it (if still the same one). */
  set(name: string, render: ClientToolRender): () => void;
  subscribe(listener: () => void): () => void;
}

/** Renders live beside the client, not in a provider, so every provider and chat of that client sees them. */
const rendersByClient = new WeakMap<PlatosClient, ClientToolRenders>();

/** The renders that `useClientTool` registered for tools of `client`. */
export function clientToolRenders(client: PlatosClient): ClientToolRenders {
  let renders = rendersByClient.get(client);
  if (renders) return renders;
  const byName = new Map<string, ClientToolRender>();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  renders = {
    get: (name) => byName.get(name),
    set(name, render) {
      byName.set(name, render);
      changed();
      return () => {
        if (byName.get(name) !== render) return;
        byName.delete(name);
        changed();
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  rendersByClient.set(client, renders);
  return renders;
}
