import * as v from 'valibot';
import type { CommandName } from '../../protocol/index.js';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** Requests the server accepts, one schema per command. */
export const commandSchemas = {
  'thread:subscribe': v.object({ threadId: id, lastEventId: v.optional(v.string()) }),
  'thread:unsubscribe': v.object({ threadId: id }),
  'message:send': v.object({ threadId: id, clientMessageId: id, text: v.pipe(v.string(), v.maxLength(100_000)) }),
  'turn:cancel': v.object({ threadId: id, turnId: id }),
  'connection:ping': v.object({}),
  'approval:respond': v.object({ approvalId: id, decision: v.picklist(['approved', 'denied']), note: v.optional(v.string()) }),
} satisfies Record<CommandName, v.GenericSchema>;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandSchemas, name);
}
