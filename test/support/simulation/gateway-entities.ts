import type { EntitySnapshot, JsonPatchOperation } from '../../../src/protocol/index.js';

/** One change the server makes to an entity; it computes the new value itself and states the change as a patch too. */
export type EntityMutation =
  | { kind: 'count'; count: number }
  | { kind: 'tag'; tag: string }
  | { kind: 'untag' }
  | { kind: 'field'; key: string; value: number }
  | { kind: 'rename'; title: string }
  | { kind: 'rotate' };

export interface EntityValue {
  title: string;
  count: number;
  tags: string[];
  fields: Record<string, number>;
}

/** A new version: its whole value, and (after version 1) the RFC 6902 patch from the version before. */
export interface EntityChange {
  entityType: string;
  entityId: string;
  version: number;
  snapshot: EntityValue;
  patch: JsonPatchOperation[] | null;
}

const pointerToken = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
const keyOf = (entityType: string, entityId: string) => `${entityType}\u0000${entityId}`;

/**
 * The server's entities: every version of each, kept so a stale one can be sent again. Values are computed here
 * directly, never by applying the patch, so a client that applies a patch wrongly ends with another value.
 */
export function createServerEntities() {
  const entities = new Map<string, { entityType: string; entityId: string; versions: EntityValue[] }>();

  const mutate = (value: EntityValue, mutation: EntityMutation): { next: EntityValue; patch: JsonPatchOperation[] } => {
    const next = structuredClone(value);
    switch (mutation.kind) {
      case 'count':
        next.count = mutation.count;
        return { next, patch: [{ op: 'replace', path: '/count', value: mutation.count }] };
      case 'tag':
        next.tags.push(mutation.tag);
        return { next, patch: [{ op: 'add', path: '/tags/-', value: mutation.tag }] };
      case 'untag':
        if (next.tags.length === 0) return mutate(value, { kind: 'tag', tag: 'untagged' });
        next.tags.shift();
        return { next, patch: [{ op: 'remove', path: '/tags/0' }] };
      case 'field':
        next.fields[mutation.key] = mutation.value;
        return { next, patch: [{ op: 'add', path: `/fields/${pointerToken(mutation.key)}`, value: mutation.value }] };
      case 'rename':
        next.title = mutation.title;
        return { next, patch: [{ op: 'test', path: '/title', value: value.title }, { op: 'replace', path: '/title', value: mutation.title }] };
      case 'rotate': {
        if (next.tags.length < 2) return mutate(value, { kind: 'tag', tag: 'rotated' });
        next.tags.push(next.tags.shift()!);
        return { next, patch: [{ op: 'move', from: '/tags/0', path: '/tags/-' }] };
      }
    }
  };

  return {
    apply(entityType: string, entityId: string, mutation: EntityMutation): EntityChange {
      const key = keyOf(entityType, entityId);
      let entity = entities.get(key);
      if (!entity) {
        const { next } = mutate({ title: entityId, count: 0, tags: [], fields: {} }, mutation);
        entity = { entityType, entityId, versions: [next] };
        entities.set(key, entity);
        return { entityType, entityId, version: 1, snapshot: structuredClone(next), patch: null };
      }
      const { next, patch } = mutate(entity.versions.at(-1)!, mutation);
      entity.versions.push(next);
      return { entityType, entityId, version: entity.versions.length, snapshot: structuredClone(next), patch };
    },
    /** An earlier version's value, for sending a stale update; null when there is none. */
    earlier(entityType: string, entityId: string, before: number): { version: number; snapshot: EntityValue } | null {
      const entity = entities.get(keyOf(entityType, entityId));
      const version = before - 1;
      if (!entity || version < 1) return null;
      return { version, snapshot: structuredClone(entity.versions[version - 1]!) };
    },
    /** The current version of every entity, as the entities endpoint lists them. */
    all(): EntitySnapshot[] {
      return [...entities.values()].map(({ entityType, entityId, versions }) => ({
        entityType,
        entityId,
        version: versions.length,
        snapshot: structuredClone(versions.at(-1)!),
      }));
    },
  };
}

export type ServerEntities = ReturnType<typeof createServerEntities>;
