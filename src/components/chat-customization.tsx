import { createContext, use, type ComponentType, type ReactNode } from 'react';
import type { ToolCallView } from '../protocol';

/** What a custom tool renderer receives: the tool call as the store has it now. */
export interface ToolRendererProps {
  toolCall: ToolCallView;
}

/** Renderers by tool name, e.g. `{ search: SearchCard }`; tools without one get the default card. */
export type ToolRenderers = Readonly<Record<string, ComponentType<ToolRendererProps>>>;

/** Text shown by the components, by key (see each component's `...Labels` for its keys and defaults), for i18n. */
export type ChatLabels = Readonly<Partial<Record<string, string>>>;

export interface ChatCustomization {
  toolRenderers: ToolRenderers;
  labels: ChatLabels;
}

const ChatCustomizationContext = createContext<ChatCustomization>({ toolRenderers: {}, labels: {} });

export function ChatCustomizationProvider({ value, children }: { value: ChatCustomization; children?: ReactNode }) {
  return <ChatCustomizationContext value={value}>{children}</ChatCustomizationContext>;
}

export function useChatCustomization(): ChatCustomization {
  return use(ChatCustomizationContext);
}

/** A component's labels with the chat's overrides applied. */
export function useLabels<K extends string>(defaults: Readonly<Record<K, string>>): Readonly<Record<K, string>> {
  const { labels } = useChatCustomization();
  const merged = { ...defaults } as Record<K, string>;
  for (const key of Object.keys(defaults) as K[]) merged[key] = labels[key] ?? defaults[key];
  return merged;
}
