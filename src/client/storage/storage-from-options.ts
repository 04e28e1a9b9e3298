import type { PlatosClientOptions } from '../client-options.js';
import { createClientStorage, type ScopedStorage } from './create-client-storage.js';
import { createDefaultBackend } from './default-backend.js';
import { createMemoryBackend } from './memory-backend.js';
import { storageScope } from './storage-scope.js';

/** The client's storage as its `persist` option says; with `getToken`, the scope waits for the first token. */
export function storageFromOptions(options: PlatosClientOptions, agentId: string, getToken: () => Promise<string>): ScopedStorage {
  const persist = options.persist ?? true;
  if (persist === false) return createClientStorage({ backend: createMemoryBackend(), scope: '', enabled: false });
  const { scope, backend, ...limits } = persist === true ? {} : persist;
  const scopeOf = (token: string) => storageScope({ url: options.url, agentId, scope, token });
  return createClientStorage({
    backend: backend ?? createDefaultBackend(),
    scope: scope !== undefined || !options.getToken ? scopeOf(options.token ?? '') : async () => scopeOf(await getToken()),
    limits,
  });
}
