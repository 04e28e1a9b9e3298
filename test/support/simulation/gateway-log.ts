import { formatEventId, parseEventId, type ConnectionEvent } from '../../../src/protocol/index.js';
import type { OmitEach } from './sim-thread.js';

/** A gateway frame as the server states it, before it stamps the envelope on it. */
export type GatewayFrameBody = OmitEach<ConnectionEvent, 'id' | 'seq' | 'ts'>;

export type GatewayReplay = { resumed: true; frames: ConnectionEvent[] } | { resumed: false };

export type GatewayLog = ReturnType<typeof createGatewayLog>;

/** One gateway session's frames under its current epoch, `seq` counted per session, with the time each was stored. */
export function createGatewayLog(initialEpoch: string) {
  let epoch = initialEpoch;
  let log: { frame: ConnectionEvent; storedAt: number }[] = [];

  return {
    get epoch() {
      return epoch;
    },
    get frames(): ConnectionEvent[] {
      return log.map((stored) => stored.frame);
    },
    get lastEventId(): string | null {
      return log.at(-1)?.frame.id ?? null;
    },
    append(body: GatewayFrameBody, now: number): ConnectionEvent {
      const seq = log.length + 1;
      const frame = { ...body, id: formatEventId(epoch, seq), seq, ts: now } as ConnectionEvent;
      log.push({ frame, storedAt: now });
      return frame;
    },
    /** The server restarted and rebuilt the session's frames from its store: same frames, ids of a new epoch. */
    renumber(nextEpoch: string) {
      epoch = nextEpoch;
      log = log.map(({ frame, storedAt }) => ({ frame: { ...frame, id: formatEventId(nextEpoch, frame.seq) }, storedAt }));
    },
    /** docs/protocol.md "Replay and rebuild": the missed frames if `lastEventId` is of this epoch and all of them are in the window. */
    replayAfter(lastEventId: string | undefined, now: number, replayWindowMs: number): GatewayReplay {
      const position = lastEventId === undefined ? null : parseEventId(lastEventId);
      if (!position || position.epoch !== epoch || position.seq > log.length) return { resumed: false };
      const missed = log.slice(position.seq);
      const oldestMissed = missed[0];
      if (oldestMissed && oldestMissed.storedAt < now - replayWindowMs) return { resumed: false };
      return { resumed: true, frames: missed.map((stored) => stored.frame) };
    },
  };
}
