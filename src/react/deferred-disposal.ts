/**
 * Holds the resource of the current key and disposes each one a tick after its last release.
 * StrictMode unmounts and remounts every effect right after the first commit; disposing at once would
 * kill a store or a client (a closed client never reconnects) that the remounted effect uses again.
 */
export interface DeferredResource<TKey, TResource> {
  /** The resource for `key`, created on first use. Safe to call during render. */
  get(key: TKey): TResource;
  /** Call from an effect: cancels a pending disposal of `key`'s resource and returns its release. */
  retain(key: TKey): () => void;
}

interface Entry<TKey, TResource> {
  key: TKey;
  resource: TResource;
  pendingDisposal: ReturnType<typeof setTimeout> | null;
}

export function createDeferredResource<TKey, TResource>(
  create: (key: TKey) => TResource,
  dispose: (resource: TResource) => void,
): DeferredResource<TKey, TResource> {
  // Old keys stay here until their effect releases them, so a render that never commits cannot
  // dispose what the committed tree still uses.
  let entries: Entry<TKey, TResource>[] = [];

  const find = (key: TKey) => entries.find((entry) => Object.is(entry.key, key));

  return {
    get(key) {
      const existing = find(key);
      if (existing) return existing.resource;
      const entry: Entry<TKey, TResource> = { key, resource: create(key), pendingDisposal: null };
      entries = [...entries, entry];
      return entry.resource;
    },
    retain(key) {
      const held = find(key);
      if (!held) return () => {};
      if (held.pendingDisposal !== null) clearTimeout(held.pendingDisposal);
      held.pendingDisposal = null;
      return () => {
        held.pendingDisposal = setTimeout(() => {
          entries = entries.filter((entry) => entry !== held);
          dispose(held.resource);
        }, 0);
      };
    },
  };
}
