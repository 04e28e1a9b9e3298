import { createIndexedDbBackend } from './indexeddb-backend.js';
import { createMemoryBackend } from './memory-backend.js';
import type { KeyValueBackend } from './types.js';

/**
 * IndexedDB where there is one, else memory. Opening IndexedDB can fail (some private modes, a blocked or corrupt
 * database): then it keeps to memory rather than failing the app.
 */
export function createDefaultBackend(): KeyValueBackend {
  if (typeof indexedDB === 'undefined') return createMemoryBackend();
  let opening: Promise<KeyValueBackend> | undefined;
  const backend = () =>
    // Loaded with the client rather than on first use: a reload without a network must still read what was saved.
    (opening ??= (async () => {
      const indexedDb = createIndexedDbBackend();
      await indexedDb.keys();
      return indexedDb;
    })().catch(() => createMemoryBackend()));
  return {
    get: async (key) => (await backend()).get(key),
    set: async (key, value) => (await backend()).set(key, value),
    delete: async (key) => (await backend()).delete(key),
    keys: async () => (await backend()).keys(),
  };
}
