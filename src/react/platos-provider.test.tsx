import { StrictMode, type ReactNode } from 'react';
import { act, cleanup, render, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClient } from '../testing/index.js';
import type { PlatosStore } from '../store/types.js';
import { PlatosProvider } from './platos-provider.js';
import { PlatosThread } from './platos-thread.js';
import { usePlatosClient } from './use-platos-client.js';
import { usePlatosStore } from './use-platos-store.js';

afterEach(cleanup);

const nextTick = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

function StoreProbe({ onStore }: { onStore: (store: PlatosStore) => void }) {
  onStore(usePlatosStore());
  return null;
}

describe('PlatosProvider', () => {
  it('gives a clear error when a hook is used outside a provider', () => {
    expect(() => renderHook(() => usePlatosClient())).toThrow(/usePlatosClient must be used inside a <PlatosProvider>/);
    expect(() => renderHook(() => usePlatosStore())).toThrow(/usePlatosStore must be used inside a <PlatosProvider>/);
  });

  it('provides the client and a store created for it', () => {
    const client = createFakeClient();
    const wrapper = ({ children }: { children?: ReactNode }) => <PlatosProvider client={client}>{children}</PlatosProvider>;
    const { result } = renderHook(() => ({ client: usePlatosClient(), store: usePlatosStore() }), { wrapper });
    expect(result.current.client).toBe(client);
    expect(result.current.store.getState().connection).toBe('open');
  });

  it('creates one store per client under StrictMode and keeps it across renders', async () => {
    const client = createFakeClient();
    const stores = new Set<PlatosStore>();
    const tree = (label: string) => (
      <StrictMode>
        <PlatosProvider client={client}>
          <StoreProbe key={label} onStore={(store) => stores.add(store)} />
        </PlatosProvider>
      </StrictMode>
    );
    const { rerender } = render(tree('a'));
    await nextTick();
    rerender(tree('b'));
    await nextTick();
    expect(stores.size).toBe(1);
    const [store] = [...stores];
    act(() => client.setConnection('reconnecting'));
    expect(store?.getState().connection).toBe('reconnecting');
  });

  it('watches a thread once under StrictMode and stops watching on unmount', async () => {
    const client = createFakeClient();
    const { unmount } = render(
      <StrictMode>
        <PlatosProvider client={client}>
          <PlatosThread threadId="thread-1" />
        </PlatosProvider>
      </StrictMode>,
    );
    await nextTick();
    expect(client.watcherCount('thread-1')).toBe(1);
    unmount();
    await nextTick();
    expect(client.watcherCount('thread-1')).toBe(0);
  });

  it('destroys its store on unmount: the store stops following the client', async () => {
    const client = createFakeClient();
    let captured: PlatosStore | null = null;
    const { unmount } = render(
      <PlatosProvider client={client}>
        <StoreProbe onStore={(store) => (captured = store)} />
      </PlatosProvider>,
    );
    unmount();
    await nextTick();
    client.setConnection('offline');
    expect((captured as PlatosStore | null)?.getState().connection).toBe('open');
  });

  it('replaces and destroys the store when the client changes', async () => {
    const first = createFakeClient();
    const second = createFakeClient();
    const stores: PlatosStore[] = [];
    const tree = (client: typeof first) => (
      <PlatosProvider client={client}>
        <StoreProbe onStore={(store) => stores.push(store)} />
      </PlatosProvider>
    );
    const { rerender } = render(tree(first));
    rerender(tree(second));
    await nextTick();
    const firstStore = stores[0];
    const lastStore = stores.at(-1);
    expect(lastStore).not.toBe(firstStore);
    first.setConnection('offline');
    second.setConnection('reconnecting');
    expect(firstStore?.getState().connection).toBe('open');
    expect(lastStore?.getState().connection).toBe('reconnecting');
  });

  it('uses a given store as is and never destroys it', async () => {
    const client = createFakeClient();
    const { createPlatosStore } = await import('../store/create-platos-store.js');
    const store = createPlatosStore({ client });
    let provided: PlatosStore | null = null;
    const { unmount } = render(
      <PlatosProvider client={client} store={store}>
        <StoreProbe onStore={(value) => (provided = value)} />
      </PlatosProvider>,
    );
    expect(provided).toBe(store);
    unmount();
    await nextTick();
    client.setConnection('offline');
    expect(store.getState().connection).toBe('offline');
    store.destroy();
  });
});
