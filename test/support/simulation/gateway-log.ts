import type { ConnectionEvent } from '../../../src/protocol/index.js';
import { appendToLog, lastLoggedId, renumberLog, replayLogAfter, type EpochLog, type LogReplay } from '../../../src/testing/agent/epoch-log.js';
import type { OmitEach } from './sim-thread.js';

/** A gateway frame as the server states it, before it stamps the envelope on it. */
export type GatewayFrameBody = OmitEach<ConnectionEvent, 'id' | 'seq' | 'ts'>;

export type GatewayReplay = LogReplay<ConnectionEvent>;

export type GatewayLog = ReturnType<typeof createGatewayLog>;

/** One gateway session's frames under its current epoch, `seq` counted per session, with the time each was stored. */
export function createGatewayLog(initialEpoch: string) {
  const stream: EpochLog<ConnectionEvent> = { epoch: initialEpoch, log: [] };

  return {
    get epoch() {
      return stream.epoch;
    },
    get frames(): ConnectionEvent[] {
      return stream.log.map((stored) => stored.event);
    },
    get lastEventId(): string | null {
      return lastLoggedId(stream);
    },
    append: (body: GatewayFrameBody, now: number): ConnectionEvent => appendToLog(stream, now, (envelope) => ({ ...body, ...envelope }) as ConnectionEvent),
    /** The server restarted and rebuilt the session's frames from its store: same frames, ids of a new epoch. */
    renumber: (nextEpoch: string) => renumberLog(stream, nextEpoch),
    /** docs/protocol.md "Replay and rebuild": the missed frames if `lastEventId` is of this epoch and all of them are in the window. */
    replayAfter: (lastEventId: string | undefined, now: number, replayWindowMs: number): GatewayReplay =>
      replayLogAfter(stream, lastEventId, replayWindowMs, now),
  };
}
