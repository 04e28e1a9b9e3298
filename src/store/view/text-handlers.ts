import type { EventOf } from '../../protocol/index.js';
import type { ThreadView } from '../types.js';
import { replaceAssistantMessage, resolveAssistantMessage } from './assistant-message.js';

/** Appends to the message's last part when it is text, otherwise starts a new text part. */
export function applyTextDelta(view: ThreadView, event: EventOf<'text-delta'>): ThreadView {
  if (event.delta === '') return view;
  const target = resolveAssistantMessage(view, event);
  const { parts } = target.message;
  const last = parts.at(-1);
  const nextParts =
    last?.type === 'text'
      ? [...parts.slice(0, -1), { type: 'text' as const, text: last.text + event.delta }]
      : [...parts, { type: 'text' as const, text: event.delta }];
  return replaceAssistantMessage(target.view, { ...target.message, parts: nextParts });
}
