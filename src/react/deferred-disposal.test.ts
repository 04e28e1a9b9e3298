import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeferredResource } from './deferred-disposal.js';

describe('createDeferredResource', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup() {
    const disposed: string[] = [];
    let created = 0;
    const resources = createDeferredResource(
      (key: string) => `${key}#${++created}`,
      (resource: string) => disposed.push(resource),
    );
    return { resources, disposed, createdCount: () => created };
  }

  it('creates once per key and keeps the resource across a release followed by a retain', () => {
    const { resources, disposed, createdCount } = setup();
    expect(resources.get('a')).toBe('a#1');
    expect(resources.get('a')).toBe('a#1');
    const release = resources.retain('a');
    release();
    resources.retain('a');
    vi.runAllTimers();
    expect(disposed).toEqual([]);
    expect(createdCount()).toBe(1);
  });

  it('disposes a tick after the last release, then creates afresh', () => {
    const { resources, disposed } = setup();
    resources.get('a');
    resources.retain('a')();
    expect(disposed).toEqual([]);
    vi.runAllTimers();
    expect(disposed).toEqual(['a#1']);
    expect(resources.get('a')).toBe('a#2');
  });

  it('keeps the old key alive until its own release when the key changes', () => {
    const { resources, disposed } = setup();
    resources.get('a');
    const releaseA = resources.retain('a');
    expect(resources.get('b')).toBe('b#2');
    vi.runAllTimers();
    expect(disposed).toEqual([]);
    releaseA();
    resources.retain('b');
    vi.runAllTimers();
    expect(disposed).toEqual(['a#1']);
  });
});
