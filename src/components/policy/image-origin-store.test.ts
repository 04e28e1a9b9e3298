import { afterEach, describe, expect, it, vi } from 'vitest';
import { createImageOriginStore, imageOriginsStorageKey } from './image-origin-store.js';

afterEach(() => sessionStorage.clear());

describe('createImageOriginStore', () => {
  it("keeps 'page' choices in memory only and tells subscribers once per new origin", () => {
    const store = createImageOriginStore('page');
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.allow('https://pics.example');
    store.allow('https://pics.example');
    expect(store.has('https://pics.example')).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(sessionStorage.getItem(imageOriginsStorageKey)).toBeNull();
    expect(createImageOriginStore('page').has('https://pics.example')).toBe(false);
    unsubscribe();
    store.allow('https://other.example');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("keeps 'session' choices in sessionStorage, merged with what other chats stored", () => {
    const first = createImageOriginStore('session');
    const second = createImageOriginStore('session');
    first.allow('https://pics.example');
    second.allow('https://other.example');
    expect(JSON.parse(sessionStorage.getItem(imageOriginsStorageKey)!)).toEqual(['https://pics.example', 'https://other.example']);
    const later = createImageOriginStore('session');
    expect(later.has('https://pics.example')).toBe(true);
    expect(later.has('https://other.example')).toBe(true);
  });

  it('ignores stored values that are not origins, and anything but an origin given to allow', () => {
    sessionStorage.setItem(imageOriginsStorageKey, JSON.stringify(['https://ok.example', 'https://ok.example/path', 'javascript:alert(1)', 42]));
    const store = createImageOriginStore('session');
    expect(store.has('https://ok.example')).toBe(true);
    expect(store.has('https://ok.example/path')).toBe(false);
    store.allow('https://pics.example/a.png');
    store.allow('data:image/png');
    expect(store.has('https://pics.example/a.png')).toBe(false);
    sessionStorage.setItem(imageOriginsStorageKey, '{not json');
    expect(createImageOriginStore('session').has('https://ok.example')).toBe(false);
  });

  it('keeps the choice for the page when storage refuses it', () => {
    const storage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } } as unknown as Storage;
    const store = createImageOriginStore('session', storage);
    store.allow('https://pics.example');
    expect(store.has('https://pics.example')).toBe(true);
  });
});
