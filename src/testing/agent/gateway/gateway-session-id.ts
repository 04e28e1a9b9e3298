const maxSessionIdLength = 128;

export type GatewaySessionIdResult = { ok: true; sessionId: string | null } | { ok: false };

/**
 * The gateway session a handshake's `auth.sessionId` names (`null`: none, the socket is a session of its own), or
 * `ok: false` when it is not a string of 1 to 128 characters: the handshake is then refused with `invalid_session_id`.
 */
export function parseGatewaySessionId(auth: unknown): GatewaySessionIdResult {
  const sessionId: unknown = typeof auth === 'object' && auth !== null ? (auth as { sessionId?: unknown }).sessionId : undefined;
  if (sessionId === undefined) return { ok: true, sessionId: null };
  if (typeof sessionId !== 'string' || sessionId.length < 1 || sessionId.length > maxSessionIdLength) return { ok: false };
  return { ok: true, sessionId };
}
