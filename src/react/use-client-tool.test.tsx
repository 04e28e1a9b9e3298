import { act, cleanup, render, screen } from '@testing-library/react';
import { StrictMode, useState, type ReactNode } from 'react';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPlatosHarness } from '../../test/support/platos-test-harness.js';
import { ToolCallCard } from '../components/tool-call/tool-call-card.js';
import { useClientTool } from './use-client-tool.js';
import { useEntity } from './use-entity.js';

afterEach(cleanup);

const filtersSchema = v.object({ fields: v.array(v.picklist(['region', 'budget'])) });

function FiltersTool({ region, onRender }: { region: string; onRender?: () => void }) {
  onRender?.();
  useClientTool({
    name: 'read_filters',
    description: 'Reads the filters on the page',
    parameters: filtersSchema,
    execute: ({ fields }) => Object.fromEntries(fields.map((field) => [field, field === 'region' ? region : 500])),
    render: ({ state, result }) => <p>{state === 'running' ? 'Reading your filters' : `Read ${JSON.stringify(result)}`}</p>,
  });
  return null;
}

describe('useClientTool', () => {
  it('offers the tool while mounted, with the latest execute, and withdraws it on unmount', async () => {
    const { client, Wrapper } = createPlatosHarness();
    const view = render(<FiltersTool region="Europe" />, { wrapper: Wrapper });
    expect(client.connections.toolNames()).toEqual(['read_filters']);
    view.rerender(<FiltersTool region="Asia" />);
    expect(await client.connections.invoke({ name: 'read_filters', args: { fields: ['region'] } })).toEqual({ result: { region: 'Asia' } });
    view.unmount();
    expect(client.connections.toolNames()).toEqual([]);
  });

  it('registers once per name under StrictMode and does not re-register on re-render with an inline schema', () => {
    const { client, Wrapper } = createPlatosHarness();
    const register = vi.spyOn(client.connections, 'registerTool');
    function Inline() {
      const [count, setCount] = useState(0);
      useClientTool({
        name: 'count',
        description: 'Counts',
        parameters: { type: 'object', properties: { by: { type: 'integer' } } },
        execute: () => count,
      });
      return (
        <button type="button" onClick={() => setCount(count + 1)}>
          {count}
        </button>
      );
    }
    render(
      <StrictMode>
        <Inline />
      </StrictMode>,
      { wrapper: Wrapper },
    );
    const registrationsAfterMount = register.mock.calls.length;
    act(() => screen.getByRole('button').click());
    act(() => screen.getByRole('button').click());
    expect(register.mock.calls.length).toBe(registrationsAfterMount);
    expect(client.connections.toolNames()).toEqual(['count']);
  });

  it('answers invalid arguments with invalid_args without running execute', async () => {
    const { client, Wrapper } = createPlatosHarness();
    const execute = vi.fn();
    function Strict() {
      useClientTool({ name: 'read_filters', description: 'Reads', parameters: filtersSchema, execute });
      return null;
    }
    render(<Strict />, { wrapper: Wrapper });
    const answer = await client.connections.invoke({ name: 'read_filters', args: { fields: ['weather'] } });
    expect(answer).toMatchObject({ error: { code: 'invalid_args' } });
    expect(execute).not.toHaveBeenCalled();
  });

  it('draws the running call in the tool-call card, then its result, updated in the store frame', async () => {
    const harness = createPlatosHarness();
    const { client, Wrapper, push, event, scheduler } = harness;
    let finishExecute: ((value: unknown) => void) | null = null;
    function SlowTool() {
      useClientTool({
        name: 'read_filters',
        description: 'Reads',
        parameters: { type: 'object' },
        execute: () => new Promise((resolve) => (finishExecute = resolve)),
        render: ({ state, result }) => <p>{state === 'running' ? 'Reading your filters' : `Read ${JSON.stringify(result)}`}</p>,
      });
      return null;
    }
    render(
      <>
        <SlowTool />
        <ToolCallCard id="call-1" />
      </>,
      { wrapper: Wrapper },
    );
    const turnId = harness.startTurn();
    push(event('tool-call-start', turnId, { toolCallId: 'call-1', tool: 'read_filters' }), event('tool-call-args', turnId, { toolCallId: 'call-1', delta: '{}' }));
    const answer = client.connections.invoke({ name: 'read_filters', args: {}, threadId: harness.threadId, toolCallId: 'call-1' });
    // The argument check loads its validator first; execute starts after that.
    await vi.waitFor(() => expect(finishExecute).not.toBeNull());
    act(() => scheduler.runFrame());
    const card = screen.getByRole('region', { name: 'Tool call: read_filters' });
    expect(card.getAttribute('data-runs-in')).toBe('browser');
    expect(screen.getByText('Running in your browser')).toBeTruthy();
    expect(screen.getByText('Reading your filters')).toBeTruthy();
    await act(async () => {
      finishExecute?.({ region: 'Europe' });
      await answer;
      scheduler.runFrame();
    });
    expect(screen.getByText('Read {"region":"Europe"}')).toBeTruthy();
  });
});

describe('a tool\'s own view in the card', () => {
  async function callIn(ownView: (props: { state: string; args: { fields: string[] } | undefined }) => ReactNode, args: unknown = { fields: ['region'] }) {
    const harness = createPlatosHarness();
    const { client, Wrapper, push, event, scheduler } = harness;
    function Tool() {
      useClientTool({ name: 'read_filters', description: 'Reads', parameters: filtersSchema, execute: () => ({ region: 'Europe' }), render: ownView });
      return null;
    }
    const view = render(
      <>
        <Tool />
        <ToolCallCard id="call-1" />
      </>,
      { wrapper: Wrapper },
    );
    const turnId = harness.startTurn();
    push(event('tool-call-start', turnId, { toolCallId: 'call-1', tool: 'read_filters' }), event('tool-call-args', turnId, { toolCallId: 'call-1', delta: JSON.stringify(args) }));
    const answer = await client.connections.invoke({ name: 'read_filters', args, threadId: harness.threadId, toolCallId: 'call-1' });
    act(() => scheduler.runFrame());
    return { ...view, answer };
  }

  it('may use hooks, and gets the checked arguments', async () => {
    function Counted({ fields }: { fields: string[] }) {
      const [shown] = useState(() => fields.join(' and '));
      return <p>{`Read ${shown}`}</p>;
    }
    await callIn(({ args }) => (args ? <Counted fields={args.fields} /> : null));
    expect(screen.getByText('Read region')).toBeTruthy();
  });

  it('gets no arguments when they failed the check, and a view that throws leaves the usual body, not a broken chat', async () => {
    const seen: unknown[] = [];
    const { answer } = await callIn(({ args, state }) => {
      seen.push(args);
      if (state === 'failed') throw new Error('this view did not expect a failure');
      return null;
    }, { fields: ['weather'] });
    expect(answer).toMatchObject({ error: { code: 'invalid_args' } });
    expect(seen.every((args) => args === undefined)).toBe(true);
    expect(screen.getByRole('region', { name: 'Tool call: read_filters' })).toBeTruthy();
    expect(screen.getByLabelText('Arguments').textContent).toContain('weather');
  });
});

describe('useEntity', () => {
  it('reads an entity and follows its versions, one store update per frame however many arrive', () => {
    const { client, Wrapper, scheduler, store } = createPlatosHarness();
    const renders: unknown[] = [];
    function Workspace() {
      const workspace = useEntity<{ openTasks: number }>('workspace', 'demo');
      renders.push(workspace?.value?.openTasks);
      return <p>{workspace ? `${workspace.value?.openTasks} open tasks (v${workspace.version})` : 'Loading'}</p>;
    }
    render(<Workspace />, { wrapper: Wrapper });
    expect(screen.getByText('Loading')).toBeTruthy();
    let storeUpdates = 0;
    const stop = store.subscribe(() => (storeUpdates += 1));
    act(() => {
      client.connections.updateEntity({ entityType: 'workspace', entityId: 'demo', version: 1, snapshot: { openTasks: 3 } });
      client.connections.updateEntity({ entityType: 'workspace', entityId: 'demo', version: 2, patch: [{ op: 'replace', path: '/openTasks', value: 4 }] });
      client.connections.updateEntity({ entityType: 'workspace', entityId: 'other', version: 1, snapshot: { openTasks: 9 } });
      client.connections.updateEntity({ entityType: 'workspace', entityId: 'demo', version: 1, snapshot: { openTasks: 0 } });
      scheduler.runFrame();
    });
    stop();
    expect(storeUpdates).toBe(1);
    expect(screen.getByText('4 open tasks (v2)')).toBeTruthy();
    expect(renders.filter((value) => value === 4)).toHaveLength(1);
    expect(client.connections.getStats().staleEntityUpdates).toBe(1);
  });
});
