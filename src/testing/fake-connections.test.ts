import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import type { ClientTool, EntityRecord, ToolInvocation } from '../client/connections/types.js';
import { createFakeConnections } from './fake-connections.js';

const readFilters = (execute: ClientTool['execute'] = () => ({ region: 'Europe' })) => ({
  name: 'read_filters',
  description: 'Reads the dashboard filters',
  parameters: v.object({ fields: v.array(v.picklist(['region', 'period'])) }),
  execute,
});

describe('createFakeConnections', () => {
  it('invoke runs a registered tool and resolves with its answer', async () => {
    const connections = createFakeConnections();
    const execute = vi.fn(() => ({ region: 'Europe' }));
    connections.registerTool(readFilters(execute));
    const heard: ToolInvocation[] = [];
    connections.onInvocation((invocation) => heard.push(invocation));
    await expect(connections.invoke({ name: 'read_filters', args: { fields: ['region'] }, invocationId: 'inv-1' })).resolves.toEqual({ result: { region: 'Europe' } });
    expect(execute).toHaveBeenCalledWith({ fields: ['region'] }, expect.objectContaining({ invocationId: 'inv-1', threadId: 'thread-1' }));
    expect(connections.getInvocation('inv-1')).toMatchObject({ state: 'succeeded', delivery: 'acknowledged' });
    expect(heard.at(-1)).toMatchObject({ invocationId: 'inv-1', state: 'succeeded' });
  });

  it('answers with the errors the real gateway gives: invalid arguments, an unknown tool, a throw', async () => {
    const connections = createFakeConnections();
    connections.registerTool(readFilters());
    connections.registerTool({ ...readFilters(vi.fn(() => { throw new Error('panel closed'); })), name: 'broken' });
    await expect(connections.invoke({ name: 'read_filters', args: { fields: ['colour'] } })).resolves.toEqual({
      error: { code: 'invalid_args', message: expect.stringContaining('fields.0') },
    });
    await expect(connections.invoke({ name: 'missing', args: {} })).resolves.toMatchObject({ error: { code: 'unknown_tool' } });
    await expect(connections.invoke({ name: 'broken', args: { fields: [] } })).resolves.toEqual({ error: { code: 'tool_failed', message: 'panel closed' } });
  });

  it('runs an invocationId once: a repeat resolves with the kept answer', async () => {
    const connections = createFakeConnections();
    const execute = vi.fn(() => ({ region: 'Europe' }));
    connections.registerTool(readFilters(execute));
    const first = await connections.invoke({ name: 'read_filters', args: { fields: [] }, invocationId: 'inv-1' });
    const again = await connections.invoke({ name: 'read_filters', args: { fields: [] }, invocationId: 'inv-1' });
    expect(again).toEqual(first);
    expect(execute).toHaveBeenCalledTimes(1);
  });

  it('resolves every caller of an invocation repeated while it runs, with its one answer', async () => {
    const connections = createFakeConnections();
    let finish: (value: unknown) => void = () => {};
    const execute = vi.fn(() => new Promise((resolve) => (finish = resolve)));
    connections.registerTool(readFilters(execute));
    const first = connections.invoke({ name: 'read_filters', args: { fields: [] }, invocationId: 'inv-1' });
    const whilePreparing = connections.invoke({ name: 'read_filters', args: { fields: [] }, invocationId: 'inv-1' });
    await vi.waitFor(() => expect(execute).toHaveBeenCalled());
    const whileRunning = connections.invoke({ name: 'read_filters', args: { fields: [] }, invocationId: 'inv-1' });
    finish({ region: 'Asia' });
    await expect(Promise.all([first, whilePreparing, whileRunning])).resolves.toEqual([
      { result: { region: 'Asia' } },
      { result: { region: 'Asia' } },
      { result: { region: 'Asia' } },
    ]);
    expect(execute).toHaveBeenCalledTimes(1);
  });

  it('cancel aborts the tool and resolves the invocation with { cancelled: true }', async () => {
    const connections = createFakeConnections();
    let signal: AbortSignal | undefined;
    connections.registerTool(
      readFilters(
        vi.fn((_args: unknown, context: { signal: AbortSignal }) => {
          signal = context.signal;
          return new Promise(() => {});
        }),
      ),
    );
    const answer = connections.invoke({ name: 'read_filters', args: { fields: [] }, invocationId: 'inv-1' });
    await vi.waitFor(() => expect(signal).toBeDefined());
    connections.cancel('inv-1');
    await expect(answer).resolves.toEqual({ cancelled: true });
    expect(signal?.aborted).toBe(true);
    expect(connections.getInvocation('inv-1')).toMatchObject({ state: 'cancelled', error: { message: 'turn-cancelled' } });
  });

  it('cancel before the tool was prepared resolves { cancelled: true } and never runs it', async () => {
    const connections = createFakeConnections();
    const execute = vi.fn(() => ({ region: 'Europe' }));
    connections.registerTool(readFilters(execute));
    const answer = connections.invoke({ name: 'read_filters', args: { fields: [] }, invocationId: 'inv-1' });
    connections.cancel('inv-1');
    await expect(answer).resolves.toEqual({ cancelled: true });
    await vi.dynamicImportSettled();
    expect(execute).not.toHaveBeenCalled();
    expect(connections.getInvocation('inv-1')?.state).toBe('cancelled');
    expect(connections.getStats()).toMatchObject({ invocations: 0, cancellations: 1 });
  });

  it('times out with the timeout it was given', async () => {
    vi.useFakeTimers();
    try {
      const connections = createFakeConnections({ toolTimeoutMs: 50 });
      const execute = vi.fn(() => new Promise(() => {}));
      connections.registerTool(readFilters(execute));
      const answer = connections.invoke({ name: 'read_filters', args: { fields: [] } });
      // The timeout runs from the call of execute, once the valibot support has loaded.
      await vi.dynamicImportSettled();
      await vi.advanceTimersByTimeAsync(0);
      expect(execute).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(49);
      expect(connections.getInvocation('invocation-1')?.state).toBe('running');
      await vi.advanceTimersByTimeAsync(1);
      await expect(answer).resolves.toMatchObject({ error: { code: 'timeout' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('updateEntity reaches the onEntity listeners whose filter matches, by the real version rules', () => {
    const connections = createFakeConnections();
    const all: EntityRecord[] = [];
    const demo: EntityRecord[] = [];
    const projects: EntityRecord[] = [];
    connections.onEntity((entity) => all.push(entity));
    connections.onEntity((entity) => demo.push(entity), { entityType: 'workspace', entityId: 'demo' });
    connections.onEntity((entity) => projects.push(entity), { entityType: 'project' });
    connections.updateEntity({ entityType: 'workspace', entityId: 'demo', version: 1, snapshot: { openTasks: 3 } });
    connections.updateEntity({ entityType: 'workspace', entityId: 'demo', version: 2, patch: [{ op: 'replace', path: '/openTasks', value: 2 }] });
    connections.updateEntity({ entityType: 'workspace', entityId: 'demo', version: 2, snapshot: { openTasks: 9 } });
    connections.updateEntity({ entityType: 'workspace', entityId: 'other', version: 1, snapshot: {} });
    expect(demo.map((entity) => entity.value)).toEqual([{ openTasks: 3 }, { openTasks: 2 }]);
    expect(all).toHaveLength(3);
    expect(projects).toEqual([]);
    expect(connections.getEntity('workspace', 'demo')).toMatchObject({ version: 2, value: { openTasks: 2 } });
    expect(connections.getStats()).toMatchObject({ entityUpdates: 3, staleEntityUpdates: 1 });
  });

  it('reports the state the test sets', () => {
    const connections = createFakeConnections();
    const states: string[] = [];
    connections.subscribe((state) => states.push(state));
    expect(connections.getState()).toBe('open');
    connections.setState('reconnecting');
    expect(states).toEqual(['reconnecting']);
  });
});
