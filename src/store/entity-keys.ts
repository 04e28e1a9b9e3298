export { entityKey } from '../client/connections/entity-key.js';

/** The key of a browser-side tool call in `state.toolInvocations`. */
export const toolCallKey = (threadId: string, toolCallId: string) => `${threadId}\u0000${toolCallId}`;
