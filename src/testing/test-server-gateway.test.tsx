import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { EntityRecord, ServerEvent, ThreadUpdate } from '../index.js';
import { PlatosChat, PlatosProvider, preloadPlatosParts, useClientTool, useEntity } from '../react-entry.js';
import { builtInScenarios, clientToolCallSteps, createTestServer, streamText, type Scenario, type TestServer } from './index.js';

beforeAll(() => preloadPlatosParts());
afterEach(cleanup);

function startServer() {
  const server = createTestServer({ scenario: builtInScenarios.browser });
  onTestFinished(() => server.close());
  return server;
}

const filters = { region: 'Europe', budget: 500, days: 3 };
type Field = keyof typeof filters;
const readFiltersParameters = {
  type: 'object',
  properties: { fields: { type: 'array', items: { enum: ['region', 'budget', 'days'] } } },
  required: ['fields'],
};
const pick = (fields: Field[]) => Object.fromEntries(fields.map((field) => [field, filters[field]]));

function send(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
}

const lastAnswer = () => screen.getAllByRole('article', { name: 'Assistant' }).at(-1);

function watch(server: TestServer, threadId: string) {
  const updates: ThreadUpdate[] = [];
  server.client.threads.watch(threadId, (update) => updates.push(update));
  return () => updates.flatMap((update): ServerEvent[] => (update.kind === 'event' ? [update.event] : []));
}

// The example of docs/testing.md, "Browser tools and entities", as a user writes it.
function TripFilters({ onRead }: { onRead: () => void }) {
  useClientTool({
    name: 'read_filters',
    description: 'Reads the trip filters the user set on the page.',
    parameters: readFiltersParameters,
    execute: ({ fields }: { fields: Field[] }) => {
      onRead();
      return pick(fields);
    },
  });
  return null;
}

it('answers with the filters the page shares through its browser tool', async () => {
  const server = createTestServer({ scenario: builtInScenarios.browser });
  onTestFinished(() => server.close());
  let reads = 0;
  render(
    <PlatosProvider client={server.client}>
      <TripFilters onRead={() => (reads += 1)} />
      <PlatosChat threadId="trip-1" />
    </PlatosProvider>,
  );
  await act(() => server.idle()); // the server now knows the page's tool

  fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'browser Which trip fits my filters?' } });
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  await act(() => server.idle()); // the tool ran in the page and the turn is over

  await waitFor(() => expect(screen.getAllByRole('article', { name: 'Assistant' }).at(-1)?.textContent).toContain('region Europe, budget 500, days 3'));
  expect(screen.getByRole('region', { name: 'Tool call: read_filters' }).dataset['state']).toBe('succeeded');
  expect(reads).toBe(1);
  expect(server.connections.stats()).toMatchObject({ invocations: 1, results: 1 });
});

describe('createTestServer with a browser tool', () => {
  it('runs the tool once when the connection drops while it runs, and the turn gets its result after the reconnect', async () => {
    const server = startServer();
    const finishers: (() => void)[] = [];
    function SlowFilters() {
      useClientTool({
        name: 'read_filters',
        description: 'Reads the filters, slowly.',
        parameters: readFiltersParameters,
        execute: ({ fields }: { fields: Field[] }) => new Promise((resolve) => finishers.push(() => resolve(pick(fields)))),
      });
      return null;
    }
    render(
      <PlatosProvider client={server.client}>
        <SlowFilters />
        <PlatosChat threadId="t1" />
      </PlatosProvider>,
    );
    await act(() => server.idle());

    send('browser Which trip fits my filters?');
    await waitFor(() => expect(finishers).toHaveLength(1));
    server.disconnect();
    finishers[0]?.();
    await act(() => server.idle());

    await waitFor(() => expect(lastAnswer()?.textContent).toContain('Your filters say: region Europe, budget 500, days 3.'));
    expect(finishers).toHaveLength(1);
    expect(server.connections.stats()).toMatchObject({ invocations: 1, results: 1, duplicateAnswers: 0 });
    expect(server.client.connections.getStats()).toMatchObject({ invocations: 1, reconnects: 1 });
    expect(within(screen.getByRole('region', { name: 'Tool call: read_filters' })).getByText('Done')).toBeTruthy();
  });

  it('idle() waits while a turn waits for a tool that runs in the client, until the tool answered and the turn is over', async () => {
    const server = startServer();
    server.client.connections.registerTool({
      name: 'read_filters',
      description: 'Reads the filters after a while.',
      parameters: readFiltersParameters,
      execute: async ({ fields }: { fields: Field[] }) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return pick(fields);
      },
    });
    const events = watch(server, 't1');
    await server.idle();

    await server.client.threads.send('t1', 'browser filters');
    await server.idle();
    expect(events().at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
    expect(server.client.connections.getStats()).toMatchObject({ invocations: 1, answersAcknowledged: 1 });
  });

  it('rebuilds the gateway after a restart while the tool runs: the tool is not run again and its answer still counts', async () => {
    const server = startServer();
    const finishers: (() => void)[] = [];
    server.client.connections.registerTool({
      name: 'read_filters',
      description: 'Reads the filters, slowly.',
      parameters: readFiltersParameters,
      execute: ({ fields }: { fields: Field[] }) => new Promise((resolve) => finishers.push(() => resolve(pick(fields)))),
    });
    const events = watch(server, 't1');
    await server.idle();

    await server.client.threads.send('t1', 'browser filters');
    await waitFor(() => expect(finishers).toHaveLength(1));
    server.restart();
    // Not idle(): it would wait for the tool, which waits for this test.
    await waitFor(() => expect(server.client.connections.getStats()).toMatchObject({ resyncs: 1, duplicateInvocations: 1 }));
    finishers[0]?.();
    await server.idle();

    expect(finishers).toHaveLength(1);
    expect(events().find((event) => event.type === 'tool-call-result')).toMatchObject({ result: filters });
    expect(events().at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
  });

  it('sends tools registered while the server is unreachable once it is back, and the agent can call them', async () => {
    const server = startServer();
    const calls: string[] = [];
    const tool = (name: string) => ({ name, description: name, parameters: { type: 'object' }, execute: () => void calls.push(name) });
    server.setReachable(false);
    server.client.connections.registerTool({ ...tool('read_filters'), parameters: readFiltersParameters, execute: ({ fields }: { fields: Field[] }) => pick(fields) });
    await server.idle();
    expect(server.client.connections.getState()).not.toBe('open');
    expect(server.connections.sessions()).toEqual([]);

    server.setReachable(true);
    await server.idle();
    expect(server.connections.sessions()).toEqual([
      { sessionId: 'client-1', token: 'in-memory', revision: 1, tools: ['read_filters'], connected: true, openInvocations: 0, answered: 0 },
    ]);

    server.setReachable(false);
    server.client.connections.registerTool(tool('count_words'));
    await server.idle();
    server.setReachable(true);
    await server.idle();
    expect(server.connections.sessions()).toMatchObject([{ revision: 2, tools: ['read_filters', 'count_words'], connected: true }]);

    const events = watch(server, 't1');
    await server.client.threads.send('t1', 'browser filters');
    await server.idle();
    expect(events().find((event) => event.type === 'tool-call-result')).toMatchObject({ result: filters });
  });
});

describe('createTestServer with a scenario of its own', () => {
  it('hands the outcome of a client-tool wait to the generator, and ends the call with tool_unavailable when no client offers the tool', async () => {
    const scenario: Scenario = async function* () {
      const steps = clientToolCallSteps({ toolCallId: 'pick', tool: 'pick_date', args: { month: 'May' } });
      const wait = steps.pop();
      yield* steps;
      const outcome = wait && (yield wait);
      yield* streamText(typeof outcome === 'object' && 'result' in outcome ? `Booked for ${String(outcome.result)}.` : 'No date picked.');
    };
    const server = createTestServer({ scenario });
    onTestFinished(() => server.close());
    const events = watch(server, 't1');
    await server.client.threads.send('t1', 'When?');
    await server.idle();
    expect(events().find((event) => event.type === 'tool-call-error')).toMatchObject({ error: { code: 'tool_unavailable' } });

    server.client.connections.registerTool({ name: 'pick_date', description: 'Picks a date', parameters: { type: 'object' }, execute: ({ month }: { month: string }) => `3 ${month}` });
    await server.idle();
    await server.client.threads.send('t1', 'And now?');
    await server.idle();
    const text = events().map((event) => (event.type === 'text-delta' ? event.delta : '')).join('');
    expect(text).toBe('No date picked.Booked for 3 May.');
  });
});

describe('createTestServer entities', () => {
  it('delivers updateEntity to useEntity and onEntity, through a cut and a restart', async () => {
    const server = startServer();
    function OpenTasks() {
      const workspace = useEntity<{ openTasks: number }>('workspace', 'demo');
      return <p>{workspace ? `${workspace.value?.openTasks} open tasks (v${workspace.version})` : 'Loading'}</p>;
    }
    render(
      <PlatosProvider client={server.client}>
        <OpenTasks />
      </PlatosProvider>,
    );
    const seen: EntityRecord[] = [];
    server.client.connections.onEntity((entity) => seen.push(entity), { entityType: 'workspace' });
    await act(() => server.idle());

    expect(server.updateEntity('workspace', 'demo', { snapshot: { openTasks: 3 } })).toEqual({ entityType: 'workspace', entityId: 'demo', version: 1, snapshot: { openTasks: 3 } });
    await act(() => server.idle());
    expect(await screen.findByText('3 open tasks (v1)')).toBeTruthy();

    server.disconnect();
    server.updateEntity('workspace', 'demo', { patch: [{ op: 'replace', path: '/openTasks', value: 4 }] });
    await act(() => server.idle());
    expect(await screen.findByText('4 open tasks (v2)')).toBeTruthy();

    server.restart();
    server.updateEntity('workspace', 'demo', { patch: [{ op: 'replace', path: '/openTasks', value: 5 }] });
    await act(() => server.idle());
    expect(await screen.findByText('5 open tasks (v3)')).toBeTruthy();

    expect(seen.map((entity) => [entity.version, entity.value])).toEqual([
      [1, { openTasks: 3 }],
      [2, { openTasks: 4 }],
      [3, { openTasks: 5 }],
    ]);
    expect(server.client.connections.getStats()).toMatchObject({ resyncs: 1, reconnects: 2 });
    expect(server.connections.stats().entityUpdates).toBe(3);
  });
});
