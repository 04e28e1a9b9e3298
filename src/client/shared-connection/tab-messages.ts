/** What tabs sharing one connection say to each other; every message names the tab it comes `from`. */
export type TabMessage =
  /** A tab that has just started asks who leads. */
  | { t: 'hello'; from: string }
  /** The leader, on `hello`, on taking over and as a heartbeat: whether its socket is connected. */
  | { t: 'leader'; from: string; connected: boolean }
  /** A candidate, where there are no Web Locks to elect with. */
  | { t: 'claim'; from: string }
  /** The tab is going away (closed, or its client closed). */
  | { t: 'bye'; from: string }
  /** A follower stopped wanting the connection: the leader drops its thread subscriptions. */
  | { t: 'release'; from: string }
  /** A follower's user asked to try again now (the leader may have given up: offline, unauthorized). */
  | { t: 'retry'; from: string }
  | { t: 'connect'; from: string }
  | { t: 'disconnect'; from: string; reason: string }
  | { t: 'connect_error'; from: string; message: string }
  /** A frame the leader's socket received, relayed as it came. */
  | { t: 'frame'; from: string; name: string; args: unknown[] }
  /** A follower's command, for the leader `to` send. */
  | { t: 'emit'; from: string; to: string; id: number; name: string; payload: unknown; timeoutMs: number }
  /** The leader's answer to `emit` number `id` of tab `to`. */
  | { t: 'ack'; from: string; to: string; id: number; ok: true; value: unknown }
  | { t: 'ack'; from: string; to: string; id: number; ok: false; message: string }
  /** A message of the app layer (the outbox), for every other tab. */
  | { t: 'peer'; from: string; data: unknown };

const fieldsOf: Record<TabMessage['t'], Record<string, 'string' | 'number' | 'boolean' | 'array' | 'any'>> = {
  hello: {},
  leader: { connected: 'boolean' },
  claim: {},
  bye: {},
  release: {},
  retry: {},
  connect: {},
  disconnect: { reason: 'string' },
  connect_error: { message: 'string' },
  frame: { name: 'string', args: 'array' },
  emit: { to: 'string', id: 'number', name: 'string', payload: 'any', timeoutMs: 'number' },
  ack: { to: 'string', id: 'number', ok: 'boolean' },
  peer: { data: 'any' },
};

const hasType = (value: unknown, type: 'string' | 'number' | 'boolean' | 'array' | 'any') =>
  type === 'any' ? true : type === 'array' ? Array.isArray(value) : typeof value === type;

/** The message, if `data` is one; tabs of other versions or other code on the channel are ignored, not trusted. */
export function readTabMessage(data: unknown): TabMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  const kind = record.t;
  if (typeof kind !== 'string' || !Object.hasOwn(fieldsOf, kind) || typeof record.from !== 'string') return null;
  const fields = fieldsOf[kind as TabMessage['t']];
  for (const [field, type] of Object.entries(fields)) if (!hasType(record[field], type)) return null;
  if (kind === 'ack' && (record.ok === true ? !('value' in record) : typeof record.message !== 'string')) return null;
  return record as TabMessage;
}
