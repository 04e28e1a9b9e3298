import type { ConnectionEventOf, EntitySnapshot } from '../../protocol/index.js';
import { applyJsonPatch } from './apply-json-patch.js';
import { entityKey } from './entity-key.js';
import type { ConnectionsCounter, EntityRecord } from './types.js';

export type EntityVerdict = 'applied' | 'stale' | 'needs-rebuild';


/**
 * The latest version of every entity the gateway reported. Versions only move forward; a patch applies to the
 * version right before it, and anything else (no base, a skipped version, a patch that fails) asks for a rebuild.
 */
export function createEntityCache(deps: { count(stat: ConnectionsCounter): void; onChange(entity: EntityRecord): void }) {
  const entities = new Map<string, EntityRecord>();

  const set = (entity: EntityRecord) => {
    entities.set(entityKey(entity.entityType, entity.entityId), entity);
    deps.count('entityUpdates');
    deps.onChange(entity);
  };

  return {
    get: (entityType: string, entityId: string) => entities.get(entityKey(entityType, entityId)),

    apply(event: ConnectionEventOf<'entity:updated'>): EntityVerdict {
      const { entityType, entityId, version } = event;
      const held = entities.get(entityKey(entityType, entityId));
      if (held && version <= held.version) {
        deps.count('staleEntityUpdates');
        return 'stale';
      }
      if (event.patch === undefined) {
        set({ entityType, entityId, version, value: event.snapshot });
        return 'applied';
      }
      const patched = held?.version === version - 1 ? applyJsonPatch(held.value, event.patch) : null;
      if (!patched?.ok) {
        deps.count('entityPatchFailures');
        return 'needs-rebuild';
      }
      set({ entityType, entityId, version, value: patched.value });
      return 'applied';
    },

    /** Replaces everything with a rebuild's list; entities it no longer lists are reported with `value: undefined`. */
    reset(snapshots: readonly EntitySnapshot[]) {
      const listed = new Set<string>();
      for (const { entityType, entityId, version, snapshot } of snapshots) {
        const key = entityKey(entityType, entityId);
        listed.add(key);
        const held = entities.get(key);
        // An entity an earlier rebuild dropped comes back at the version it had; versions still never go back.
        if (held && (held.version > version || (held.version === version && held.value !== undefined))) continue;
        set({ entityType, entityId, version, value: snapshot });
      }
      for (const [key, held] of entities) {
        if (listed.has(key) || held.value === undefined) continue;
        set({ ...held, value: undefined });
      }
    },

    all: (): EntityRecord[] => [...entities.values()],
  };
}

export type EntityCache = ReturnType<typeof createEntityCache>;
