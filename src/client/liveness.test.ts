import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLivenessMonitor } from './liveness.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(answer: () => Promise<unknown>) {
  const pings: number[] = [];
  const onDead = vi.fn();
  const monitor = createLivenessMonitor({
    options: { intervalMs: 1_000, timeoutMs: 500 },
    ping: (timeoutMs) => {
      pings.push(Date.now());
      return answer().then((value) => value, () => Promise.reject(new Error(`no answer in ${timeoutMs} ms`)));
    },
    onDead,
  });
  return { monitor, pings, onDead };
}

describe('createLivenessMonitor', () => {
  it('does not ping while frames keep arriving', async () => {
    const { monitor, pings } = setup(() => Promise.resolve());
    monitor.start();
    for (let index = 0; index < 10; index += 1) {
      await vi.advanceTimersByTimeAsync(400);
      monitor.noteActivity();
    }
    expect(pings).toHaveLength(0);
  });

  it('pings after a quiet interval and stays up while pings are answered', async () => {
    const { monitor, pings, onDead } = setup(() => Promise.resolve({ ok: true }));
    monitor.start();
    await vi.advanceTimersByTimeAsync(3_500);
    expect(pings).toHaveLength(3);
    expect(onDead).not.toHaveBeenCalled();
  });

  it('declares the connection dead when a ping goes unanswered, once', async () => {
    const { monitor, onDead } = setup(() => new Promise((_resolve, reject) => setTimeout(reject, 500)));
    monitor.start();
    await vi.advanceTimersByTimeAsync(1_499);
    expect(onDead).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onDead).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onDead).toHaveBeenCalledTimes(1);
  });

  it('ignores a failed ping when a frame arrived meanwhile', async () => {
    const { monitor, onDead } = setup(() => new Promise((_resolve, reject) => setTimeout(reject, 500)));
    monitor.start();
    await vi.advanceTimersByTimeAsync(1_200);
    monitor.noteActivity();
    await vi.advanceTimersByTimeAsync(400);
    expect(onDead).not.toHaveBeenCalled();
  });

  it('stops checking when stopped', async () => {
    const { monitor, pings } = setup(() => Promise.resolve());
    monitor.start();
    monitor.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(pings).toHaveLength(0);
  });
});
