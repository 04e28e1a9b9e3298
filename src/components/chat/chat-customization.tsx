import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { MessagePart, ToolCallView } from '../../protocol/index.js';
import type { PlatosLabelKey, PlatosLabels } from './platos-labels.js';
import type { ComposerProps } from '../composer/composer.js';
import type { ConnectionStatusProps } from './connection-status.js';
import type { ErrorBannerProps } from './error-banner.js';
import type { MessageProps } from '../message/message.js';
import type { RunTrayProps } from '../run/run-tray.js';

/** What a custom tool renderer receives: the tool call as the store has it now. */
export interface ToolRendererProps {
  toolCall: ToolCallView;
}

/** Renderers by tool name, e.g. `{ search: SearchCard }`; tools without one get the default card. */
export type ToolRenderers = Readonly<Record<string, ComponentType<ToolRendererProps>>>;

/** Texts to show instead of the defaults, by key (`platosLabels` lists every key with its English default). */
export type ChatLabels = Partial<PlatosLabels>;

/** What a custom message part receives: the part as the store has it now. */
export interface MessagePartRendererProps<T extends MessagePart['type'] = MessagePart['type']> {
  part: Extract<MessagePart, { type: T }>;
  /** The assistant message the part belongs to. */
  messageId?: string;
}

/** Renderers by part type, e.g. `{ text: PlainText }`; types without one get the default part. */
export type MessagePartRenderers = { readonly [T in MessagePart['type']]?: ComponentType<MessagePartRendererProps<T>> };

/** Replacements for the parts of `<PlatosChat>`; each receives the props the default one would. */
export interface ChatComponents {
  EmptyState?: ComponentType;
  Message?: ComponentType<MessageProps>;
  Composer?: ComponentType<ComposerProps>;
  ConnectionStatus?: ComponentType<ConnectionStatusProps>;
  ErrorBanner?: ComponentType<ErrorBannerProps>;
  /** The compact list of the thread's active background runs above the composer; `() => null` hides it. */
  RunTray?: ComponentType<RunTrayProps>;
  parts?: MessagePartRenderers;
}

export interface ChatCustomization {
  toolRenderers: ToolRenderers;
  labels: ChatLabels;
  /** @default {} */
  components?: ChatComponents;
}

const ChatCustomizationContext = createContext<ChatCustomization>({ toolRenderers: {}, labels: {} });

export function ChatCustomizationProvider({ value, children }: { value: ChatCustomization; children?: ReactNode }) {
  return <ChatCustomizationContext.Provider value={value}>{children}</ChatCustomizationContext.Provider>;
}

export function useChatCustomization(): ChatCustomization {
  return useContext(ChatCustomizationContext);
}

const noComponents: ChatComponents = {};

/** The parts replaced through `<PlatosChat components>`. */
export function useChatComponents(): ChatComponents {
  return useContext(ChatCustomizationContext).components ?? noComponents;
}

/** A component's labels with the chat's overrides applied. */
export function useLabels<K extends PlatosLabelKey>(defaults: Readonly<Record<K, string>>): Readonly<Record<K, string>> {
  const { labels } = useChatCustomization();
  const merged = { ...defaults } as Record<K, string>;
  for (const key of Object.keys(defaults) as K[]) merged[key] = labels[key] ?? defaults[key];
  return merged;
}
