import { parseStoredCommand } from './durable-command.js';
import type { PeerChannel } from './shared-connection/peer-channel.js';
import type { OutboxChange } from './types.js';

/** What outboxes of other tabs tell each other: their changes, and which commands they are delivering. */
export type OutboxPeerMessage =
  | { t: 'outbox'; change: OutboxChange }
  /** Which of these keys does a peer hold (pending, in its memory)? Asked before resending restored commands. */
  | { t: 'outbox-held?'; keys: string[] }
  | { t: 'outbox-held'; keys: string[] };

const changeKinds = new Set<unknown>(['queued', 'delivered', 'failed', 'discarded']);
const isKeyList = (keys: unknown): keys is string[] => Array.isArray(keys) && keys.every((key) => typeof key === 'string');

/** The message if it is an outbox message of a valid shape (its command marked as the peer's), else `undefined`. */
export function parseOutboxPeerMessage(message: unknown): OutboxPeerMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { t, keys, change } = message as Record<string, unknown>;
  if (t === 'outbox-held?' || t === 'outbox-held') return isKeyList(keys) ? { t, keys: [...keys] } : undefined;
  if (t !== 'outbox' || typeof change !== 'object' || change === null) return undefined;
  const { kind, command } = change as Record<string, unknown>;
  const stored = parseStoredCommand(command);
  if (!changeKinds.has(kind) || !stored) return undefined;
  return { t, change: { kind, command: { ...stored, origin: 'peer' } } as OutboxChange };
}

/** The keys among `keys` that some peer answers, within `waitMs`, that it holds. */
export function askPeersHolding(peers: PeerChannel, keys: string[], waitMs: number): Promise<Set<string>> {
  const asked = new Set(keys);
  const held = new Set<string>();
  const stop = peers.subscribe((message) => {
    const parsed = parseOutboxPeerMessage(message);
    if (parsed?.t === 'outbox-held') for (const key of parsed.keys) if (asked.has(key)) held.add(key);
  });
  peers.post({ t: 'outbox-held?', keys } satisfies OutboxPeerMessage);
  return new Promise((resolve) => setTimeout(() => (stop(), resolve(held)), waitMs));
}
