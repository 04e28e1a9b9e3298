import { createStore, del, get, keys, set } from 'idb-keyval';
import type { KeyValueBackend } from './types.js';

/** The `kv` store of the `platos` IndexedDB database; loaded on first use, so the core bundle does not carry it. */
export function createIndexedDbBackend(): KeyValueBackend {
  const store = createStore('platos', 'kv');
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    delete: (key) => del(key, store),
    keys: async () => (await keys(store)).map(String),
  };
}
