/**
 * Names whose data a client reads and writes: `${origin}|${agentId}|${subject}`, each part URI-encoded so that
 * no part can pose as another. The subject is `scope` when given, else the token's JWT `sub`, else a hash of the
 * token: the token itself is never stored.
 */
export function storageScope(input: { url: string; agentId: string; scope?: string | undefined; token: string }): string {
  const subject = input.scope ?? jwtSubject(input.token) ?? `t${fnv1a(input.token)}`;
  return [new URL(input.url).origin, input.agentId, subject].map(encodeURIComponent).join('|');
}

/** The `sub` claim of a JWT, read without verifying it (it only names a storage scope). */
export function jwtSubject(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (token.split('.').length !== 3 || !payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')));
    const sub = (claims as { sub?: unknown } | null)?.sub;
    return typeof sub === 'string' && sub !== '' ? `sub:${sub}` : undefined;
  } catch {
    return undefined;
  }
}

/** FNV-1a, 32 bits, as hex: short and stable, not a secret-keeping hash. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
