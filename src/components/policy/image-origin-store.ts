/** Where a user's "load images from this origin" is kept (see `ImagePolicy.remember`). */
export type RememberImageOrigins = 'page' | 'session';

/** Origins whose images the user chose to load; `subscribe` tells the placeholders when one is added. */
export interface ImageOriginStore {
  readonly remember: RememberImageOrigins;
  has(origin: string): boolean;
  allow(origin: string): void;
  subscribe(listener: () => void): () => void;
}

export const imageOriginsStorageKey = 'platos:image-origins';

function sessionStorageOrNull(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // Reading `sessionStorage` throws where storage is disabled (sandboxed frames, some privacy modes).
    return null;
  }
}

function isOrigin(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

function readStoredOrigins(storage: Storage | null): string[] {
  try {
    const stored: unknown = JSON.parse(storage?.getItem(imageOriginsStorageKey) ?? '[]');
    return Array.isArray(stored) ? stored.filter(isOrigin) : [];
  } catch {
    return [];
  }
}

/**
 * One chat's allowed image origins. `'page'` keeps them in this store only, so they last until the page unloads and
 * other chats on the page ask on their own; `'session'` also writes them to sessionStorage (`platos:image-origins`),
 * where every chat created later in this tab's session finds them.
 */
export function createImageOriginStore(remember: RememberImageOrigins, storage: Storage | null = remember === 'session' ? sessionStorageOrNull() : null): ImageOriginStore {
  const origins = new Set(remember === 'session' ? readStoredOrigins(storage) : []);
  const listeners = new Set<() => void>();
  return {
    remember,
    has: (origin) => origins.has(origin),
    allow(origin) {
      if (!isOrigin(origin) || origins.has(origin)) return;
      origins.add(origin);
      if (remember === 'session') {
        try {
          // Merged with what is stored now: another chat of this tab may have added origins since this one read them.
          storage?.setItem(imageOriginsStorageKey, JSON.stringify([...new Set([...readStoredOrigins(storage), ...origins])]));
        } catch {
          // A full or disabled storage keeps the choice for this page only.
        }
      }
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
