import { createServerEntities, type EntityMutation } from './gateway-entities.js';
import type { EntityFault } from './gateway-faults.js';
import type { GatewayFrameBody } from './gateway-log.js';

/**
 * Changes the server's entities and turns each change into `entity:updated` frames for a session, through the
 * version faults of `EntityFault`: a version sent twice, an older one sent after it, one held back until after the
 * next, one never sent live.
 */
export function createEntityUpdates(deps: {
  emit(sessionId: string, body: GatewayFrameBody, fault: 'duplicate' | 'swap' | null): void;
  applied(kind: string): void;
}) {
  const entities = createServerEntities();
  const heldVersions = new Map<string, { sessionId: string; body: GatewayFrameBody }>();

  return {
    entities,
    update(sessionId: string, entityType: string, entityId: string, mutation: EntityMutation, asPatch: boolean, fault: EntityFault | null) {
      const { version, snapshot, patch } = entities.apply(entityType, entityId, mutation);
      const key = `${entityType}\u0000${entityId}`;
      const body: GatewayFrameBody = patch && asPatch ? { type: 'entity:updated', entityType, entityId, version, patch } : { type: 'entity:updated', entityType, entityId, version, snapshot };
      const earlierHeld = heldVersions.get(key)?.body;
      heldVersions.delete(key);
      if (fault === 'swap-versions') {
        heldVersions.set(key, { sessionId, body });
        deps.applied('swap-versions');
      } else if (fault === 'skip-version') deps.applied('skip-version');
      else deps.emit(sessionId, body, fault === 'duplicate' || fault === 'swap' ? fault : null);
      if (earlierHeld) deps.emit(sessionId, earlierHeld, null);
      if (fault === 'duplicate-version') {
        deps.emit(sessionId, body, null);
        deps.applied('duplicate-version');
      }
      const earlier = fault === 'stale-version' ? entities.earlier(entityType, entityId, version) : null;
      if (earlier) {
        deps.emit(sessionId, { type: 'entity:updated', entityType, entityId, version: earlier.version, snapshot: earlier.snapshot }, null);
        deps.applied('stale-version');
      }
    },
    /** Versions held back for a swap whose next version never came go out now, in order. */
    releaseHeld() {
      for (const [key, { sessionId, body }] of [...heldVersions]) {
        heldVersions.delete(key);
        deps.emit(sessionId, body, null);
      }
    },
    get holding() {
      return heldVersions.size > 0;
    },
  };
}
