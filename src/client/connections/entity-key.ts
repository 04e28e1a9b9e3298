/** The key of an entity in the gateway's cache, and in the store's `state.entities`. */
export const entityKey = (entityType: string, entityId: string) => `${entityType}\u0000${entityId}`;
