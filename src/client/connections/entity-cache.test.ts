import { describe, expect, it } from 'vitest';
import type { ConnectionEventOf, JsonPatchOperation } from '../../protocol/index.js';
import { emptyConnectionsStats } from './connections-stats.js';
import { createEntityCache } from './entity-cache.js';
import type { EntityRecord } from './types.js';

function setup() {
  const stats = emptyConnectionsStats();
  const changes: EntityRecord[] = [];
  const cache = createEntityCache({ count: (stat) => (stats[stat] += 1), onChange: (entity) => changes.push(entity) });
  return { cache, stats, changes };
}

let seq = 0;
const updated = (
  entityId: string,
  version: number,
  change: { snapshot: unknown } | { patch: JsonPatchOperation[] },
  entityType = 'workspace',
): ConnectionEventOf<'entity:updated'> => {
  seq += 1;
  return { type: 'entity:updated', id: `e1-${seq}`, seq, ts: 0, entityType, entityId, version, ...change };
};

describe('createEntityCache', () => {
  it('sets an entity from a snapshot and reports it once', () => {
    const { cache, stats, changes } = setup();
    expect(cache.apply(updated('demo', 3, { snapshot: { openTasks: 3 } }))).toBe('applied');
    const record = { entityType: 'workspace', entityId: 'demo', version: 3, value: { openTasks: 3 } };
    expect(cache.get('workspace', 'demo')).toEqual(record);
    expect(changes).toEqual([record]);
    expect(stats.entityUpdates).toBe(1);
  });

  it('keeps entities apart by type and id', () => {
    const { cache } = setup();
    cache.apply(updated('demo', 1, { snapshot: 'workspace demo' }));
    cache.apply(updated('demo', 1, { snapshot: 'project demo' }, 'project'));
    cache.apply(updated('other', 1, { snapshot: 'workspace other' }));
    expect(cache.get('workspace', 'demo')?.value).toBe('workspace demo');
    expect(cache.get('project', 'demo')?.value).toBe('project demo');
    expect(cache.get('workspace', 'other')?.value).toBe('workspace other');
    expect(cache.get('project', 'other')).toBeUndefined();
    expect(cache.all()).toHaveLength(3);
  });

  it('replaces a held entity with a snapshot of a higher version, skipped versions allowed', () => {
    const { cache, changes } = setup();
    cache.apply(updated('demo', 1, { snapshot: { n: 1 } }));
    expect(cache.apply(updated('demo', 5, { snapshot: { n: 5 } }))).toBe('applied');
    expect(cache.get('workspace', 'demo')).toMatchObject({ version: 5, value: { n: 5 } });
    expect(changes).toHaveLength(2);
  });

  it.each([
    ['an equal version', 4],
    ['an older version', 2],
  ])('ignores and counts a snapshot of %s', (_what, version) => {
    const { cache, stats, changes } = setup();
    cache.apply(updated('demo', 4, { snapshot: { n: 4 } }));
    expect(cache.apply(updated('demo', version, { snapshot: { n: version } }))).toBe('stale');
    expect(cache.get('workspace', 'demo')).toMatchObject({ version: 4, value: { n: 4 } });
    expect(stats).toMatchObject({ entityUpdates: 1, staleEntityUpdates: 1, entityPatchFailures: 0 });
    expect(changes).toHaveLength(1);
  });

  it('ignores a stale patch without asking for a rebuild', () => {
    const { cache, stats } = setup();
    cache.apply(updated('demo', 4, { snapshot: { n: 4 } }));
    expect(cache.apply(updated('demo', 4, { patch: [{ op: 'replace', path: '/n', value: 0 }] }))).toBe('stale');
    expect(stats).toMatchObject({ staleEntityUpdates: 1, entityPatchFailures: 0 });
  });

  it('applies a patch of the version right before it, without changing the value held before', () => {
    const { cache, stats, changes } = setup();
    cache.apply(updated('demo', 1, { snapshot: { openTasks: 3, owner: { name: 'Ada' } } }));
    const before = cache.get('workspace', 'demo')!;
    expect(cache.apply(updated('demo', 2, { patch: [{ op: 'replace', path: '/openTasks', value: 4 }] }))).toBe('applied');
    const after = cache.get('workspace', 'demo')!;
    expect(after).toEqual({ entityType: 'workspace', entityId: 'demo', version: 2, value: { openTasks: 4, owner: { name: 'Ada' } } });
    expect(before.value).toEqual({ openTasks: 3, owner: { name: 'Ada' } });
    expect((after.value as { owner: unknown }).owner).toBe((before.value as { owner: unknown }).owner);
    expect(changes.map((change) => change.version)).toEqual([1, 2]);
    expect(stats.entityUpdates).toBe(2);
  });

  it.each<[string, number, JsonPatchOperation[]]>([
    ['skips a version', 3, [{ op: 'replace', path: '/n', value: 3 }]],
    ['fails its test', 2, [{ op: 'test', path: '/n', value: 99 }, { op: 'replace', path: '/n', value: 2 }]],
    ['points at nothing', 2, [{ op: 'remove', path: '/missing' }]],
  ])('asks for a rebuild and keeps the held version when a patch %s', (_what, version, patch) => {
    const { cache, stats, changes } = setup();
    cache.apply(updated('demo', 1, { snapshot: { n: 1 } }));
    expect(cache.apply(updated('demo', version, { patch }))).toBe('needs-rebuild');
    expect(cache.get('workspace', 'demo')).toMatchObject({ version: 1, value: { n: 1 } });
    expect(stats).toMatchObject({ entityPatchFailures: 1, entityUpdates: 1, staleEntityUpdates: 0 });
    expect(changes).toHaveLength(1);
  });

  it('asks for a rebuild when a patch has no base', () => {
    const { cache, stats, changes } = setup();
    expect(cache.apply(updated('demo', 1, { patch: [{ op: 'add', path: '/n', value: 1 }] }))).toBe('needs-rebuild');
    expect(cache.get('workspace', 'demo')).toBeUndefined();
    expect(stats.entityPatchFailures).toBe(1);
    expect(changes).toEqual([]);
  });

  describe('reset', () => {
    it('replaces the held entities and reports the ones no longer listed with value undefined', () => {
      const { cache, changes } = setup();
      cache.apply(updated('kept', 1, { snapshot: 'k1' }));
      cache.apply(updated('gone', 1, { snapshot: 'g1' }));
      changes.length = 0;
      cache.reset([
        { entityType: 'workspace', entityId: 'kept', version: 2, snapshot: 'k2' },
        { entityType: 'workspace', entityId: 'new', version: 1, snapshot: 'n1' },
      ]);
      expect(changes).toEqual([
        { entityType: 'workspace', entityId: 'kept', version: 2, value: 'k2' },
        { entityType: 'workspace', entityId: 'new', version: 1, value: 'n1' },
        { entityType: 'workspace', entityId: 'gone', version: 1, value: undefined },
      ]);
      expect(cache.get('workspace', 'gone')?.value).toBeUndefined();
      expect(cache.get('workspace', 'kept')).toMatchObject({ version: 2, value: 'k2' });
    });

    it('reports nothing for an entity listed at the version held, nor again for one already reported gone', () => {
      const { cache, changes } = setup();
      cache.apply(updated('same', 3, { snapshot: 's3' }));
      cache.apply(updated('gone', 1, { snapshot: 'g1' }));
      cache.reset([{ entityType: 'workspace', entityId: 'same', version: 3, snapshot: 's3' }]);
      changes.length = 0;
      cache.reset([{ entityType: 'workspace', entityId: 'same', version: 3, snapshot: 's3' }]);
      expect(changes).toEqual([]);
    });

    it('brings back an entity a later rebuild lists again at the version it had', () => {
      const { cache, changes } = setup();
      cache.apply(updated('demo', 3, { snapshot: { n: 3 } }));
      cache.reset([]);
      expect(cache.get('workspace', 'demo')?.value).toBeUndefined();
      changes.length = 0;
      cache.reset([{ entityType: 'workspace', entityId: 'demo', version: 3, snapshot: { n: 3 } }]);
      expect(cache.get('workspace', 'demo')).toMatchObject({ version: 3, value: { n: 3 } });
      expect(changes).toEqual([{ entityType: 'workspace', entityId: 'demo', version: 3, value: { n: 3 } }]);
    });

    it('keeps a held version over an older one a rebuild lists, even for an entity it had dropped', () => {
      const { cache, changes } = setup();
      cache.apply(updated('live', 5, { snapshot: 'l5' }));
      cache.apply(updated('dropped', 5, { snapshot: 'd5' }));
      cache.reset([{ entityType: 'workspace', entityId: 'live', version: 5, snapshot: 'l5' }]);
      changes.length = 0;
      cache.reset([
        { entityType: 'workspace', entityId: 'live', version: 4, snapshot: 'l4' },
        { entityType: 'workspace', entityId: 'dropped', version: 4, snapshot: 'd4' },
      ]);
      expect(cache.get('workspace', 'live')).toMatchObject({ version: 5, value: 'l5' });
      expect(cache.get('workspace', 'dropped')).toMatchObject({ version: 5, value: undefined });
      expect(changes).toEqual([]);
    });

    it('lets a patch apply on top of a rebuilt version', () => {
      const { cache } = setup();
      cache.reset([{ entityType: 'workspace', entityId: 'demo', version: 7, snapshot: { openTasks: 3 } }]);
      expect(cache.apply(updated('demo', 8, { patch: [{ op: 'replace', path: '/openTasks', value: 2 }] }))).toBe('applied');
      expect(cache.get('workspace', 'demo')).toMatchObject({ version: 8, value: { openTasks: 2 } });
    });
  });
});
