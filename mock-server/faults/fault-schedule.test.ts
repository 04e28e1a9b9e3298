import { describe, expect, it } from 'vitest';
import { parseFaultSchedule } from './fault-schedule.js';

const reasonOf = (json: unknown) => {
  const result = parseFaultSchedule(json);
  return result.ok ? null : result.reason;
};

describe('parseFaultSchedule', () => {
  it('accepts every kind', () => {
    const faults = [
      { kind: 'drop', afterEvents: 3, threadId: 't', times: 2 },
      { kind: 'drop', atMs: 100 },
      { kind: 'half-open' },
      { kind: 'half-open', afterEvents: 1 },
      { kind: 'auth-delay', ms: 50 },
      { kind: 'auth-reject', times: 2 },
      { kind: 'duplicate', atEvent: 1 },
      { kind: 'swap', atEvent: 2 },
      { kind: 'skip', atEvent: 3 },
      { kind: 'restart-epoch', atMs: 10 },
      { kind: 'replay-from-earlier', by: 2 },
      { kind: 'random-drops', count: 3, minEvents: 2, maxEvents: 5 },
      { kind: 'connections-drop', afterEvents: 2, times: 3 },
      { kind: 'connections-drop', atMs: 20 },
      { kind: 'connections-duplicate', atEvent: 1 },
    ];
    expect(parseFaultSchedule({ seed: 7, faults })).toEqual({ ok: true, schedule: { seed: 7, faults } });
    expect(parseFaultSchedule({ faults: [] })).toEqual({ ok: true, schedule: { faults: [] } });
  });

  it.each([
    [[], 'the schedule must be an object { "seed"?: integer, "faults": [...] }'],
    [{}, 'faults: '],
    [{ faults: [], extra: 1 }, 'extra: '],
    [{ seed: 1.5, faults: [] }, 'seed: '],
    [{ faults: [{ kind: 'nope' }] }, 'faults.0: "kind" must be one of drop, half-open, auth-delay, auth-reject, duplicate, swap, skip, restart-epoch, replay-from-earlier, random-drops, connections-drop, connections-duplicate, got "nope"'],
    [{ faults: [{ kind: 'expire-replay' }] }, 'faults.0: "kind" must be one of'],
    [{ faults: [{ kind: 'drop' }] }, 'faults.0: drop: give exactly one of afterEvents or atMs'],
    [{ faults: [{ kind: 'drop', afterEvents: 1, atMs: 5 }] }, 'faults.0: drop: give exactly one of afterEvents or atMs'],
    [{ faults: [{ kind: 'half-open', afterEvents: 1, atMs: 5 }] }, 'faults.0: half-open: give at most one of afterEvents or atMs'],
    [{ faults: [{ kind: 'connections-drop' }] }, 'faults.0: connections-drop: give exactly one of afterEvents or atMs'],
    [{ faults: [{ kind: 'connections-duplicate', atEvent: 1, threadId: 't' }] }, 'faults.0: connections-duplicate: threadId: '],
    [{ faults: [{ kind: 'skip', atEvent: 0 }] }, 'faults.0: skip: atEvent: '],
    [{ faults: [{ kind: 'auth-reject', threadId: 't' }] }, 'faults.0: auth-reject: threadId: '],
    [{ faults: [{ kind: 'random-drops', count: 1, minEvents: 5, maxEvents: 2 }] }, 'faults.0: random-drops: minEvents must not be above maxEvents'],
    [{ faults: [{ kind: 'random-drops', count: 1, minEvents: 1, maxEvents: 2, times: 2 }] }, 'faults.0: random-drops: times: '],
  ])('refuses %j', (json, reason) => {
    expect(reasonOf(json)).toContain(reason);
  });
});
