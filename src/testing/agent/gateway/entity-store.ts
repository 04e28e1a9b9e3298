import * as v from 'valibot';
import { jsonPatchOperationSchema } from '../../../protocol/connection-events.js';
import type { EntitySnapshot, JsonPatchOperation } from '../../../protocol/index.js';
import { applyJsonPatch } from '../../../client/connections/apply-json-patch.js';

/** A new version of an entity: its whole value, or an RFC 6902 patch of the current one. */
export type EntityChange = { snapshot: unknown } | { patch: JsonPatchOperation[] };

const patchSchema = v.array(jsonPatchOperationSchema);

export type EntityStore = ReturnType<typeof createEntityStore>;

/** The entities every token sees, keyed by (entityType, entityId); each keeps its current snapshot. */
export function createEntityStore() {
  const entitiesByToken = new Map<string, Map<string, EntitySnapshot>>();
  const keyOf = (entityType: string, entityId: string) => JSON.stringify([entityType, entityId]);

  return {
    /**
     * Stores the next version (one above the current, or 1) and returns it with the change as the frame carries it.
     * @throws Error when the patch is malformed, the entity does not exist yet, or the patch cannot apply
     */
    update(token: string, entityType: string, entityId: string, change: EntityChange) {
      const entities = entitiesByToken.get(token) ?? new Map<string, EntitySnapshot>();
      const current = entities.get(keyOf(entityType, entityId));
      let snapshot: unknown;
      let frameChange: EntityChange;
      if ('patch' in change) {
        const patch = v.parse(patchSchema, change.patch);
        if (!current) throw new Error(`No entity ${entityType}/${entityId} to patch: send a snapshot first.`);
        // The client's own patch code: the server's snapshot and the client's patched copy cannot drift apart.
        const patched = applyJsonPatch(current.snapshot, patch);
        if (!patched.ok) throw new Error(`The patch does not apply to ${entityType}/${entityId}: ${patched.reason}`);
        snapshot = structuredClone(patched.value);
        frameChange = { patch: structuredClone(patch) };
      } else {
        snapshot = structuredClone(change.snapshot);
        frameChange = { snapshot: structuredClone(snapshot) };
      }
      const entity: EntitySnapshot = { entityType, entityId, version: (current?.version ?? 0) + 1, snapshot };
      entities.set(keyOf(entityType, entityId), entity);
      entitiesByToken.set(token, entities);
      return { entity: structuredClone(entity), change: frameChange };
    },

    get(token: string, entityType: string, entityId: string): EntitySnapshot | undefined {
      const entity = entitiesByToken.get(token)?.get(keyOf(entityType, entityId));
      return entity && structuredClone(entity);
    },

    /** Copies of the current version of every entity the token sees. */
    list(token: string): EntitySnapshot[] {
      return [...(entitiesByToken.get(token)?.values() ?? [])].map((entity) => structuredClone(entity));
    },
  };
}
