import type { PlatosClientOptions } from '../client-options.js';
import { createClientStorage, type ScopedStorage } from './create-client-storage.js';
import { createDefaultBackend } from './default-backend.js';
import { createMemoryBackend } from './memory-backend.js';
import { storageScope } from './storage-scope.js';

/**
 * The scope of this client's user, as `persist.scope` or the token says; with `getToken`, it waits for the first
 * token. Names both the stored data and the tabs that may share a connection.
 */
export function clientScope(options: PlatosClientOptions, agentId: string, getToken: () => Promise<string>): () => Promise<string> {
  const scope = typeof options.persist === 'object' ? options.persist.scope : undefined;
  const scopeOf = (token: string) => storageScope({ url: options.url, agentId, scope, token });
  if (scope !== undefined || !options.getToken) {
    const known = Promise.resolve(scopeOf(options.token ?? ''));
    return () => known;
  }
  // One lookup (so at most one extra `getToken()` call) for storage and tab sharing alike; asked again after a failure.
  let resolved: Promise<string> | undefined;
  return () => {
    const attempt = (resolved ??= getToken().then(scopeOf));
    attempt.catch(() => resolved === attempt && (resolved = undefined));
    return attempt;
  };
}

/** The client's storage as its `persist` option says, in `scope`. */
export function storageFromOptions(options: PlatosClientOptions, scope: () => Promise<string>): ScopedStorage {
  const persist = options.persist ?? true;
  if (persist === false) return createClientStorage({ backend: createMemoryBackend(), scope: '', enabled: false });
  const { scope: _named, backend, ...limits } = persist === true ? {} : persist;
  // Memory that lives and dies with this client holds no one else's data: no scope to look up (and no token to ask for).
  if (!backend && typeof indexedDB === 'undefined') return createClientStorage({ backend: createMemoryBackend(), scope: '', limits });
  return createClientStorage({ backend: backend ?? createDefaultBackend(), scope, limits });
}
