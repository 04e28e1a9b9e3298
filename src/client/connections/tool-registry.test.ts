import { describe, expect, it, vi } from 'vitest';
import { createToolRegistry } from './tool-registry.js';
import type { ClientTool } from './types.js';

const tool = (name: string, overrides: Partial<ClientTool> = {}): ClientTool => ({
  name,
  description: `${name} tool`,
  parameters: { type: 'object' },
  execute: () => null,
  ...overrides,
});

describe('createToolRegistry', () => {
  it('raises the revision by one with every change and tells its listeners', () => {
    const registry = createToolRegistry();
    const listener = vi.fn();
    registry.subscribe(listener);
    expect(registry.revision()).toBe(0);
    const first = tool('first');
    registry.register(first);
    registry.register(tool('second'));
    expect(registry.revision()).toBe(2);
    registry.register(tool('first'));
    expect(registry.revision()).toBe(3);
    registry.unregister('second');
    expect(registry.revision()).toBe(4);
    expect(listener).toHaveBeenCalledTimes(4);
    expect(registry.names()).toEqual(['first']);
  });

  it('changes nothing when unregistering a name it does not hold', () => {
    const registry = createToolRegistry();
    const listener = vi.fn();
    registry.subscribe(listener);
    registry.unregister('missing');
    expect(registry.revision()).toBe(0);
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops telling a listener that unsubscribed', () => {
    const registry = createToolRegistry();
    const listener = vi.fn();
    const unsubscribe = registry.subscribe(listener);
    unsubscribe();
    registry.register(tool('first'));
    expect(listener).not.toHaveBeenCalled();
  });

  it.each([
    ['an empty name', tool(''), /tool name/],
    ['a name with a space', tool('read filters'), /tool name/],
    ['a name with a dot', tool('read.filters'), /tool name/],
    ['a name over 64 characters', tool('x'.repeat(65)), /tool name/],
    ['no execute function', tool('no_execute', { execute: undefined as unknown as ClientTool['execute'] }), /execute/],
    ['no parameters', tool('no_parameters', { parameters: null as unknown as ClientTool['parameters'] }), /parameters/],
  ])('refuses a tool with %s and keeps the set as it was', (_what, bad, message) => {
    const registry = createToolRegistry();
    expect(() => registry.register(bad)).toThrow(TypeError);
    expect(() => registry.register(bad)).toThrow(message);
    expect(registry.revision()).toBe(0);
    expect(registry.names()).toEqual([]);
  });

  it('accepts letters, digits, "_" and "-" up to 64 characters', () => {
    const registry = createToolRegistry();
    registry.register(tool('Read_filters-2'));
    registry.register(tool('x'.repeat(64)));
    expect(registry.names()).toHaveLength(2);
  });

  it('replaces a tool registered again under its name', () => {
    const registry = createToolRegistry();
    const older = tool('read');
    const newer = tool('read');
    registry.register(older);
    registry.register(newer);
    expect(registry.get('read')).toBe(newer);
    expect(registry.names()).toEqual(['read']);
  });

  it('lets an unregister function remove only its own registration', () => {
    const registry = createToolRegistry();
    const newer = tool('read');
    const unregisterOlder = registry.register(tool('read'));
    registry.register(newer);
    unregisterOlder();
    expect(registry.get('read')).toBe(newer);
    expect(registry.revision()).toBe(2);
  });

  it('keeps a re-registration of the same tool object when the earlier unregister runs', () => {
    const registry = createToolRegistry();
    const shared = tool('read');
    const unregisterFirst = registry.register(shared);
    const unregisterSecond = registry.register(shared);
    unregisterFirst();
    expect(registry.get('read')).toBe(shared);
    unregisterSecond();
    expect(registry.get('read')).toBeUndefined();
  });

  it('removes a tool once, however often its unregister function runs', () => {
    const registry = createToolRegistry();
    const unregister = registry.register(tool('read'));
    unregister();
    unregister();
    expect(registry.get('read')).toBeUndefined();
    expect(registry.revision()).toBe(2);
  });
});
