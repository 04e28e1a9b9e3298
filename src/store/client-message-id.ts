let fallbackCounter = 0;

/** A fresh idempotency key for `message:send`. */
export function createClientMessageId(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
  // Insecure contexts (plain http on a LAN address) have no randomUUID; a counter keeps keys unique per page.
  fallbackCounter += 1;
  return `cm-${Date.now().toString(36)}-${fallbackCounter}-${Math.random().toString(36).slice(2, 10)}`;
}
