/** The key of an entity in `state.entities`. */
export const entityKey = (entityType: string, entityId: string) => `${entityType}\u0000${entityId}`;

/** The key of a browser-side tool call in `state.toolInvocations`. */
export const toolCallKey = (threadId: string, toolCallId: string) => `${threadId}\u0000${toolCallId}`;
