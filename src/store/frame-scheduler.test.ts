import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnimationFrameScheduler, createManualScheduler } from './frame-scheduler.js';

describe('createManualScheduler', () => {
  it('runs scheduled flushes only on runFrame, once each', () => {
    const scheduler = createManualScheduler();
    const flush = vi.fn();
    scheduler.schedule(flush);
    scheduler.schedule(flush);
    expect(scheduler.pending()).toBe(2);
    expect(flush).not.toHaveBeenCalled();
    scheduler.runFrame();
    expect(flush).toHaveBeenCalledTimes(2);
    expect(scheduler.pending()).toBe(0);
    scheduler.runFrame();
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('a cancelled flush never runs; a flush scheduled during a frame waits for the next one', () => {
    const scheduler = createManualScheduler();
    const cancelled = vi.fn();
    const later = vi.fn();
    scheduler.schedule(cancelled)();
    scheduler.schedule(() => scheduler.schedule(later));
    scheduler.runFrame();
    expect(cancelled).not.toHaveBeenCalled();
    expect(later).not.toHaveBeenCalled();
    expect(scheduler.pending()).toBe(1);
    scheduler.runFrame();
    expect(later).toHaveBeenCalledTimes(1);
  });
});

describe('createAnimationFrameScheduler', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  function stubAnimationFrames() {
    const callbacks = new Map<number, FrameRequestCallback>();
    let nextId = 0;
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
      nextId += 1;
      callbacks.set(nextId, callback);
      return nextId;
    });
    vi.stubGlobal('cancelAnimationFrame', (id: number) => callbacks.delete(id));
    return {
      callbacks,
      fireFrame() {
        const due = [...callbacks.values()];
        callbacks.clear();
        for (const callback of due) callback(0);
      },
    };
  }

  it('flushes on the animation frame and cancels the fallback timer', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const frames = stubAnimationFrames();
    const flush = vi.fn();
    createAnimationFrameScheduler({ fallbackMs: 50 }).schedule(flush);
    expect(vi.getTimerCount()).toBe(1);
    frames.fireFrame();
    expect(flush).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(100);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('waits for the frame on a visible page, however late, up to the visible fallback', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    const frames = stubAnimationFrames();
    const flush = vi.fn();
    createAnimationFrameScheduler().schedule(flush);
    vi.advanceTimersByTime(500);
    expect(flush).not.toHaveBeenCalled();
    frames.fireFrame();
    expect(flush).toHaveBeenCalledTimes(1);

    createAnimationFrameScheduler({ visibleFallbackMs: 300 }).schedule(flush);
    vi.advanceTimersByTime(300);
    expect(flush).toHaveBeenCalledTimes(2);
    expect(frames.callbacks.size).toBe(0);
  });

  it('flushes on the fallback timer when no frame comes to a hidden page, and cancels the frame', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const frames = stubAnimationFrames();
    const flush = vi.fn();
    createAnimationFrameScheduler().schedule(flush);
    vi.advanceTimersByTime(99);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(frames.callbacks.size).toBe(0);
  });

  it('uses the timer alone where requestAnimationFrame is missing', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', undefined);
    vi.stubGlobal('cancelAnimationFrame', undefined);
    const flush = vi.fn();
    createAnimationFrameScheduler({ fallbackMs: 10 }).schedule(flush);
    vi.advanceTimersByTime(10);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('a cancelled schedule runs neither the frame nor the timer', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const frames = stubAnimationFrames();
    const flush = vi.fn();
    const cancel = createAnimationFrameScheduler().schedule(flush);
    cancel();
    expect(frames.callbacks.size).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(flush).not.toHaveBeenCalled();
  });
});
