import type { ReactNode } from 'react';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientStorage } from '../client/types.js';
import { createFakeClient, createFakeStorage } from '../testing/index.js';
import { PlatosProvider } from './platos-provider.js';
import { useDraft } from './use-draft.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function renderDraft(storage: ClientStorage, threadId = 'thread-1') {
  const client = createFakeClient({ storage });
  const wrapper = ({ children }: { children?: ReactNode }) => <PlatosProvider client={client}>{children}</PlatosProvider>;
  return renderHook(({ id }) => useDraft(id), { wrapper, initialProps: { id: threadId } });
}

const settle = () => act(async () => {});

describe('useDraft', () => {
  it('reads the saved draft of the thread', async () => {
    const storage = createFakeStorage();
    storage.values.set('draft:thread-1', 'half a thought');
    const { result } = renderDraft(storage);
    await settle();
    expect(result.current[0]).toBe('half a thought');
  });

  it('keeps what the user typed before the saved draft was read', async () => {
    const storage = createFakeStorage();
    storage.values.set('draft:thread-1', 'old draft');
    let release: () => void = () => {};
    const read = storage.get;
    storage.get = <T,>(key: string) => new Promise<void>((resolve) => (release = resolve)).then(() => read<T>(key));
    const { result } = renderDraft(storage);
    act(() => result.current[1]('typed first'));
    release();
    await settle();
    expect(result.current[0]).toBe('typed first');
  });

  it('saves 300 ms after the last change, and deletes the draft when cleared', async () => {
    vi.useFakeTimers();
    const storage = createFakeStorage();
    const { result } = renderDraft(storage);
    await settle();
    act(() => result.current[1]('H'));
    act(() => result.current[1]('Hi'));
    vi.advanceTimersByTime(299);
    expect(storage.values.has('draft:thread-1')).toBe(false);
    vi.advanceTimersByTime(1);
    await settle();
    expect(storage.values.get('draft:thread-1')).toBe('Hi');

    act(() => result.current[1]('Hi there'));
    act(() => result.current[2]());
    vi.advanceTimersByTime(1_000);
    await settle();
    expect(result.current[0]).toBe('');
    expect(storage.values.has('draft:thread-1')).toBe(false);
  });

  it('saves at once when the page goes away or the thread changes', async () => {
    const storage = createFakeStorage();
    storage.values.set('draft:thread-2', 'other thread');
    const { result, rerender } = renderDraft(storage);
    await settle();
    act(() => result.current[1]('leaving'));
    act(() => void window.dispatchEvent(new Event('pagehide')));
    await settle();
    expect(storage.values.get('draft:thread-1')).toBe('leaving');

    act(() => result.current[1]('switching'));
    rerender({ id: 'thread-2' });
    await settle();
    expect(storage.values.get('draft:thread-1')).toBe('switching');
    expect(result.current[0]).toBe('other thread');
  });

  it('works without storage: nothing is read or kept', async () => {
    const { result } = renderDraft(createFakeStorage({ enabled: false }));
    act(() => result.current[1]('only in memory'));
    await settle();
    expect(result.current[0]).toBe('only in memory');
  });
});
