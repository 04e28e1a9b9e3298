import { StrictMode, type ReactNode } from 'react';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeClient, type FakeClient } from '../testing/index.js';
import type { PlatosClientOptions } from '../client/client-options.js';
import { useOwnedClient, type OwnedClientOptions } from './use-owned-client.js';

afterEach(cleanup);

const created: { options: PlatosClientOptions; client: FakeClient }[] = [];

vi.mock('../client/create-platos-client.js', () => ({
  createPlatosClient: (options: PlatosClientOptions) => {
    const client = createFakeClient({ agentId: options.agentId });
    created.push({ options, client });
    return client;
  },
}));

const nextTick = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
const strict = ({ children }: { children?: ReactNode }) => <StrictMode>{children}</StrictMode>;

describe('useOwnedClient', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('creates one client under StrictMode and closes it on unmount', async () => {
    const { result, unmount } = renderHook(() => useOwnedClient({ url: 'http://127.0.0.1:4000', token: 'secret', agentId: 'helper' }), {
      wrapper: strict,
    });
    await nextTick();
    expect(created).toHaveLength(1);
    expect(created[0]?.options).toEqual({ url: 'http://127.0.0.1:4000', token: 'secret', agentId: 'helper' });
    expect(result.current).toBe(created[0]?.client);
    expect(result.current?.connection.getState()).toBe('open');
    unmount();
    await nextTick();
    expect(created[0]?.client.connection.getState()).toBe('closed');
  });

  it('creates nothing for null', () => {
    const { result } = renderHook(() => useOwnedClient(null));
    expect(result.current).toBeNull();
    expect(created).toHaveLength(0);
  });

  it('replaces the client when the token changes and closes the old one', async () => {
    const { result, rerender } = renderHook((options: OwnedClientOptions) => useOwnedClient(options), {
      initialProps: { url: 'http://a', token: 'one' },
    });
    const first = result.current;
    rerender({ url: 'http://a', token: 'one' });
    expect(result.current).toBe(first);
    rerender({ url: 'http://a', token: 'two' });
    await nextTick();
    expect(result.current).not.toBe(first);
    expect(created).toHaveLength(2);
    expect(first?.connection.getState()).toBe('closed');
    expect(result.current?.connection.getState()).toBe('open');
  });
});
