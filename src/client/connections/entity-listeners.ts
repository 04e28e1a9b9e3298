import type { EntityFilter, EntityRecord } from './types.js';

/** The `onEntity` listeners of a gateway, each hearing only the entities its filter names. */
export function createEntityListeners() {
  const listeners = new Set<{ listener: (entity: EntityRecord) => void; filter?: EntityFilter }>();
  return {
    add(listener: (entity: EntityRecord) => void, filter?: EntityFilter): () => void {
      const entry = filter ? { listener, filter } : { listener };
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    emit(entity: EntityRecord) {
      for (const { listener, filter } of [...listeners]) {
        if (filter?.entityType !== undefined && filter.entityType !== entity.entityType) continue;
        if (filter?.entityId !== undefined && filter.entityId !== entity.entityId) continue;
        listener(entity);
      }
    },
  };
}
