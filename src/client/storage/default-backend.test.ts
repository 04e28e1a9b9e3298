import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDefaultBackend } from './default-backend.js';

afterEach(() => vi.unstubAllGlobals());

describe('createDefaultBackend', () => {
  it('keeps to memory where there is no IndexedDB', async () => {
    expect(typeof indexedDB).toBe('undefined');
    const backend = createDefaultBackend();
    await backend.set('k', { a: 1 });
    expect(await backend.get('k')).toEqual({ a: 1 });
    expect(await backend.keys()).toEqual(['k']);
  });

  it('falls back to memory when IndexedDB cannot be opened', async () => {
    vi.stubGlobal('indexedDB', { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
    const backend = createDefaultBackend();
    await backend.set('k', 'kept');
    expect(await backend.get('k')).toBe('kept');
    await backend.delete('k');
    expect(await backend.keys()).toEqual([]);
  });
});
