import type { Commands } from '../protocol/index.js';
import { toClientError } from './client-error.js';
import { idempotencyKey, parseStoredCommand, toStoredCommand } from './durable-command.js';
import { askPeersHolding, parseOutboxPeerMessage, type OutboxPeerMessage } from './outbox-peers.js';
import type { PeerChannel } from './shared-connection/peer-channel.js';
import type { ClientStorage } from './storage/types.js';
import type { DurableCommand, DurableCommandName, OutboxChange } from './types.js';

export interface DurableOutboxDeps {
  storage: ClientStorage;
  /** Sends through the queued command path: waits for a connection, sent again after a drop. */
  send(name: DurableCommandName, request: DurableCommand['request']): Promise<unknown>;
  queueTimeoutMs: number;
  /** The outboxes of this user's other tabs. */
  peers?: PeerChannel | undefined;
  /** How long a restore waits for peers to say which restored commands they are already delivering. @default 150 */
  peerAnswerMs?: number;
}

const outboxPrefix = 'outbox:';

/**
 * Keeps every durable command (send, approval answer, cancel) in storage from the moment it is made until it is
 * acknowledged or discarded, so that a reload delivers it (`restore`) or shows it failed, and tells other tabs.
 */
export function createDurableOutbox(deps: DurableOutboxDeps) {
  const commands = new Map<string, DurableCommand>();
  /** Keys this client is delivering, made here or restored here. */
  const delivering = new Set<string>();
  /** Keys a restore of this client resent or failed: never restored again by it. */
  const restored = new Set<string>();
  const listeners = new Set<(change: OutboxChange) => void>();
  /** Per key, the last storage write: writes of one key stay in order (an ack can come before its `set` is done). */
  const writes = new Map<string, Promise<void>>();
  let restoring = Promise.resolve();
  let closed = false;

  const write = (key: string, command: DurableCommand | undefined) => {
    const storageKey = outboxPrefix + key;
    const next = (writes.get(key) ?? Promise.resolve())
      .then(() => (command ? deps.storage.set(storageKey, toStoredCommand(command)) : deps.storage.delete(storageKey)))
      .catch(() => {});
    writes.set(key, next);
    void next.then(() => writes.get(key) === next && writes.delete(key));
  };

  const emit = (change: OutboxChange) => {
    if (change.kind === 'delivered' || change.kind === 'discarded') commands.delete(change.command.key);
    else commands.set(change.command.key, change.command);
    for (const listener of [...listeners]) listener(change);
  };

  /** A change this client made: kept, stored, and told to listeners and to peers. */
  const change = (kind: OutboxChange['kind'], command: DurableCommand) => {
    emit({ kind, command });
    write(command.key, kind === 'delivered' || kind === 'discarded' ? undefined : command);
    deps.peers?.post({ t: 'outbox', change: { kind, command } } satisfies OutboxPeerMessage);
  };

  const deliver = (command: DurableCommand): Promise<unknown> => {
    delivering.add(command.key);
    // Sent before anyone hears of it, so that a listener that throws cannot keep it from going out.
    const settled = deps.send(command.name, command.request);
    const isCurrent = () => commands.get(command.key) === command;
    settled.then(
      () => {
        if (!isCurrent()) return;
        delivering.delete(command.key);
        change('delivered', command);
      },
      (error: unknown) => {
        const { code, message } = toClientError(error);
        // Closing the client does not fail the command: it stays stored as pending, for the next client to deliver.
        if (code === 'closed' || !isCurrent()) return;
        delivering.delete(command.key);
        change('failed', { ...command, state: 'failed', error: { code, message } });
      },
    );
    change('queued', command);
    return settled;
  };

  const failRestored = (command: DurableCommand) => {
    restored.add(command.key);
    const { error, ...pending } = command;
    change('queued', { ...pending, state: 'pending' });
    const reason = { code: 'offline', message: `It waited longer than ${deps.queueTimeoutMs} ms for a connection, so it was not sent again` };
    change('failed', { ...pending, state: 'failed', error: error ?? reason });
  };

  const readStored = async (): Promise<DurableCommand[]> => {
    const found: DurableCommand[] = [];
    for (const storageKey of await deps.storage.keys(outboxPrefix)) {
      const key = storageKey.slice(outboxPrefix.length);
      if (restored.has(key) || delivering.has(key)) continue;
      const stored = parseStoredCommand(await deps.storage.get(storageKey));
      if (stored?.key === key) found.push({ ...stored, origin: 'restored' });
      else await deps.storage.delete(storageKey);
    }
    return found.sort((a, b) => a.since - b.since);
  };

  const restoreOnce = async () => {
    if (closed) return;
    const found = await readStored();
    const now = Date.now();
    const isStale = (command: DurableCommand) => command.state === 'failed' || now - command.since > deps.queueTimeoutMs;
    found.filter(isStale).forEach(failRestored);
    const fresh = found.filter((command) => !isStale(command));
    const heldByPeers = deps.peers && fresh.length > 0
      ? await askPeersHolding(deps.peers, fresh.map((command) => command.key), deps.peerAnswerMs ?? 150)
      : new Set<string>();
    for (const command of fresh) {
      if (closed || delivering.has(command.key) || restored.has(command.key)) continue;
      if (heldByPeers.has(command.key)) {
        if (!commands.has(command.key)) emit({ kind: 'queued', command: { ...command, origin: 'peer' } });
        continue;
      }
      restored.add(command.key);
      deliver(command).catch(() => {});
    }
  };

  const stopPeers = deps.peers?.subscribe((message) => {
    const parsed = parseOutboxPeerMessage(message);
    if (parsed?.t === 'outbox-held?') {
      const held = parsed.keys.filter((key) => delivering.has(key));
      if (held.length > 0) deps.peers?.post({ t: 'outbox-held', keys: held } satisfies OutboxPeerMessage);
    } else if (parsed?.t === 'outbox' && !delivering.has(parsed.change.command.key)) {
      emit(parsed.change);
    }
  });

  return {
    /** Sends a durable command and keeps it until it is acknowledged; a request without its idempotency key is only sent. */
    run<C extends DurableCommandName>(name: C, request: Commands[C]['request'], threadId: string): Promise<Commands[C]['reply']> {
      const key = idempotencyKey(name, request);
      if (key === undefined) return deps.send(name, request) as Promise<Commands[C]['reply']>;
      const command = { name, request, key, threadId, since: Date.now(), origin: 'local', state: 'pending' } as DurableCommand;
      return deliver(command) as Promise<Commands[C]['reply']>;
    },
    /**
     * Delivers what earlier clients of this scope left in storage: each stored command once per client, those a peer
     * is delivering skipped, those too old (or failed) shown as failed instead of sent. Resolves once they are sent.
     */
    restore(): Promise<void> {
      restoring = restoring.then(restoreOnce).catch(() => {});
      return restoring;
    },
    list: (): DurableCommand[] => [...commands.values()].sort((a, b) => a.since - b.since),
    subscribe(listener: (change: OutboxChange) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Forgets a failed command, here, in storage and in other tabs. */
    discard(key: string) {
      const command = commands.get(key);
      if (command?.state === 'failed') change('discarded', command);
    },
    close() {
      closed = true;
      stopPeers?.();
    },
  };
}

export type DurableOutbox = ReturnType<typeof createDurableOutbox>;
