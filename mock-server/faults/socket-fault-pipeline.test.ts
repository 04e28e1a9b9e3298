import { describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../src/protocol/index.js';
import { activateSchedule } from './active-schedule.js';
import type { FaultSchedule } from './fault-schedule.js';
import { createFaultStats } from './fault-stats.js';
import { createSocketFaultPipeline } from './socket-fault-pipeline.js';

const frame = (seq: number, threadId = 't') => ({ type: 'text-delta', id: `e-${seq}`, seq, threadId, turnId: 'u', ts: 0, messageId: 'm', delta: 'x' }) as ServerEvent;

function fakeSocket() {
  const sent: number[] = [];
  let closes = 0;
  return { sent, closes: () => closes, socket: { emit: (_: string, event: ServerEvent) => sent.push(event.seq), conn: { close: () => void (closes += 1) } } };
}

function armed(schedule: FaultSchedule) {
  const stats = createFaultStats();
  const active = activateSchedule(schedule, 1);
  const attach = () => {
    const fake = fakeSocket();
    const pipeline = createSocketFaultPipeline({ socket: fake.socket, stats, restartEpoch: () => {} });
    pipeline.arm(active);
    return { ...fake, pipeline };
  };
  return { stats, active, attach };
}

describe('socket fault pipeline', () => {
  it('a socket that leaves before its drop point hands the point to the next socket', () => {
    const { attach, stats } = armed({ faults: [{ kind: 'random-drops', count: 1, minEvents: 3, maxEvents: 3 }] });
    const leaving = attach();
    leaving.pipeline.deliver(frame(1));
    leaving.pipeline.dispose();
    const next = attach();
    for (const seq of [2, 3, 4]) next.pipeline.deliver(frame(seq));
    expect(next.sent).toEqual([2, 3, 4]);
    expect(next.closes()).toBe(1);
    expect(stats.snapshot()).toMatchObject({ 'random-drops': 1, total: 1, framesSent: 4 });
  });

  it('a swapped frame that is also duplicated goes out twice after the next one', () => {
    const { attach, stats } = armed({ faults: [{ kind: 'swap', atEvent: 2 }, { kind: 'duplicate', atEvent: 2 }] });
    const socket = attach();
    for (const seq of [1, 2, 3, 4]) socket.pipeline.deliver(frame(seq));
    expect(socket.sent).toEqual([1, 3, 2, 2, 4]);
    expect(stats.snapshot()).toMatchObject({ swap: 1, duplicate: 1, total: 2, framesSent: 5 });
  });

  it('a skip wins over other faults at the same frame and leaves them unspent', () => {
    const { attach, active, stats } = armed({ faults: [{ kind: 'skip', atEvent: 1 }, { kind: 'duplicate', atEvent: 1 }] });
    const socket = attach();
    socket.pipeline.deliver(frame(1));
    expect(socket.sent).toEqual([]);
    expect(active.of('duplicate')[0]?.remaining).toBe(1);
    expect(stats.snapshot()).toMatchObject({ skip: 1, duplicate: 0, total: 1, framesSent: 0 });
  });

  it('a new schedule sends the held frame at once and counts from 1 again', () => {
    const { attach } = armed({ faults: [{ kind: 'swap', atEvent: 1 }] });
    const socket = attach();
    socket.pipeline.deliver(frame(1));
    socket.pipeline.arm(activateSchedule({ faults: [{ kind: 'skip', atEvent: 1 }] }, 1));
    socket.pipeline.deliver(frame(2));
    socket.pipeline.deliver(frame(3));
    expect(socket.sent).toEqual([1, 3]);
  });

  it('a half-open socket sends nothing and says so', () => {
    const { attach } = armed({ faults: [{ kind: 'half-open', afterEvents: 1 }] });
    const socket = attach();
    expect(socket.pipeline.isSilent()).toBe(false);
    socket.pipeline.deliver(frame(1));
    socket.pipeline.deliver(frame(2));
    expect(socket.sent).toEqual([1]);
    expect(socket.pipeline.isSilent()).toBe(true);
    expect(socket.closes()).toBe(0);
  });
});
