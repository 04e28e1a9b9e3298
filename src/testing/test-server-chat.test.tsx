import { StrictMode } from 'react';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createManualScheduler, createPlatosStore } from '../index.js';
import { PlatosChat, PlatosProvider, preloadPlatosParts } from '../react-entry.js';
import {
  approvalSteps,
  builtInScenarios,
  createTestServer,
  streamText,
  toolCallSteps,
  type ScenarioStep,
  type TestServerOptions,
} from './index.js';

// The parser and the list's rows load on first use; fetched up front, the first render is the final one.
beforeAll(() => preloadPlatosParts());

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function startServer(options: TestServerOptions) {
  const server = createTestServer(options);
  onTestFinished(() => server.close());
  return server;
}

function send(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
}

const transcript = () => screen.getAllByRole('article').map((article) => article.getAttribute('aria-label'));

describe('createTestServer with <PlatosChat>', () => {
  it("plays the mock server's default scenario: text, tool calls, an approval answered, the finish", async () => {
    const server = startServer({ scenario: builtInScenarios.default });
    render(<PlatosChat client={server.client} threadId="t1" />);

    send('How do I stream?');
    await act(() => server.idle());
    expect(server.sent).toEqual([expect.objectContaining({ threadId: 't1', text: 'How do I stream?' })]);
    expect(server.events('t1').at(-1)?.type).toBe('approval-pending');

    fireEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    await act(() => server.idle());

    expect(await screen.findByText(/Thanks for the decision/)).toBeTruthy();
    expect(transcript()).toEqual(['You', 'Assistant']);
    const search = screen.getByRole('region', { name: 'Tool call: search_docs' });
    expect(search.dataset['state']).toBe('succeeded');
    expect(within(search).getByText('Done')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Tool call: fetch_url' }).dataset['state']).toBe('failed');
    expect(screen.getByText('What matters most')).toBeTruthy();
    expect(screen.getByText('Approved by user')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
    const finish = server.events('t1').at(-1);
    expect(finish).toMatchObject({ type: 'finish', finishReason: 'stop' });
    expect(server.events('t1').find((event) => event.type === 'approval-resolved')).toMatchObject({ decision: 'approved' });
  }, 20_000);

  it('shows a turn that fails as failed, in StrictMode too', async () => {
    const server = startServer({ scenario: builtInScenarios.fail });
    render(
      <StrictMode>
        <PlatosChat client={server.client} threadId="t1" />
      </StrictMode>,
    );

    send('Try something');
    await act(() => server.idle());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The model is unavailable right now.');
    expect(screen.getByText('Let me try that for you...')).toBeTruthy();
    expect(screen.getByText(/^Failed/)).toBeTruthy();
    expect(server.events('t1').slice(-2)).toMatchObject([
      { type: 'error', code: 'model_unavailable', retryable: false },
      { type: 'finish', finishReason: 'error' },
    ]);
  });

  it('plays delays on fake timers, so a test can stop a turn halfway', async () => {
    vi.useFakeTimers();
    const server = startServer({
      scenario: [...streamText('one two three four five six', 100), { type: 'finish', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 6 } }],
      speed: 1,
    });
    render(<PlatosChat client={server.client} threadId="t1" />);

    send('Count');
    await act(() => vi.advanceTimersByTimeAsync(250));
    expect(screen.getByText('one two')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await act(() => vi.advanceTimersByTimeAsync(1_000));

    expect(screen.getByText(/^Stopped/)).toBeTruthy();
    expect(screen.queryByText(/six/)).toBeNull();
    expect(server.events('t1').at(-1)).toMatchObject({ type: 'finish', finishReason: 'cancelled' });
  });

  it('renders everything that arrived at once with a store on a manual frame scheduler', async () => {
    const server = startServer({ scenario: [...streamText('All of it'), { type: 'finish', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 3 } }] });
    const scheduler = createManualScheduler();
    const store = createPlatosStore({ client: server.client, scheduler });
    render(
      <PlatosProvider client={server.client} store={store}>
        <PlatosChat threadId="t1" />
      </PlatosProvider>,
    );

    send('Everything');
    await act(async () => {
      await server.idle();
      scheduler.runFrame();
    });
    expect(screen.getByText('All of it')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
  });
});

// The example of docs/testing.md, as a user writes it (imports from the package there).
const bookFlight: ScenarioStep[] = [
  ...streamText('Looking for flights to Lisbon.'),
  ...toolCallSteps({ toolCallId: 'search', tool: 'search_flights', args: { to: 'LIS' }, outcome: { result: { flights: ['TP 1351'] } } }),
  ...approvalSteps({ approvalId: 'book', tool: 'book_flight', args: { flight: 'TP 1351' }, reason: 'Booking charges your card.' }),
  ...streamText(' Booked TP 1351.'),
  { type: 'finish', finishReason: 'stop', usage: { inputTokens: 120, outputTokens: 40 } },
];

it('books a flight once the user approves', async () => {
  const server = createTestServer({ scenario: bookFlight });
  onTestFinished(() => server.close());
  render(<PlatosChat client={server.client} threadId="trip-1" />);

  fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Fly me to Lisbon' } });
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  await act(() => server.idle()); // the turn now waits for the approval

  expect(server.sent.map((message) => message.text)).toEqual(['Fly me to Lisbon']);
  expect(await screen.findByRole('region', { name: 'Tool call: search_flights' })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
  await act(() => server.idle()); // the turn is over

  expect(await screen.findByText(/Booked TP 1351/)).toBeTruthy();
  expect(screen.getByText('Approved by user')).toBeTruthy();
  expect(server.events('trip-1').at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
});
