import { describe, expect, it, vi } from 'vitest';
import { createWatchRegistry } from './watch-registry.js';

const nextMicrotask = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('createWatchRegistry', () => {
  it('opens for the first watcher and closes after the last one', async () => {
    const close = vi.fn();
    const open = vi.fn(() => close);
    const registry = createWatchRegistry(open);
    const stopA = registry.watch('t1');
    const stopB = registry.watch('t1');
    expect(open).toHaveBeenCalledTimes(1);
    stopA();
    stopA();
    await nextMicrotask();
    expect(close).not.toHaveBeenCalled();
    stopB();
    await nextMicrotask();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('keeps the open watch through watch -> stop -> watch', async () => {
    const close = vi.fn();
    const open = vi.fn(() => close);
    const registry = createWatchRegistry(open);
    registry.watch('t1')();
    const stop = registry.watch('t1');
    await nextMicrotask();
    expect(open).toHaveBeenCalledTimes(1);
    expect(close).not.toHaveBeenCalled();
    stop();
    await nextMicrotask();
    expect(close).toHaveBeenCalledTimes(1);
    registry.watch('t1');
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('closeAll closes every thread once', async () => {
    const closes = { a: vi.fn(), b: vi.fn() };
    const registry = createWatchRegistry((threadId) => closes[threadId as 'a' | 'b']);
    const stopA = registry.watch('a');
    registry.watch('b');
    registry.closeAll();
    stopA();
    await nextMicrotask();
    expect(closes.a).toHaveBeenCalledTimes(1);
    expect(closes.b).toHaveBeenCalledTimes(1);
  });
});
