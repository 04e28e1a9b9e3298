import { cleanup, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { MessageList } from '../message/message-list.js';
import { RunProgress } from './run-progress.js';
import { RunTray } from './run-tray.js';
import { preloadLazyParts } from '../../../test/support/preload-lazy-parts.js';

// Each hook call is one render of the component that selects with it.
const hookCalls = vi.hoisted(() => ({ messageIds: 0, message: 0, run: 0, runIds: 0 }));

beforeAll(preloadLazyParts);

vi.mock('../../react/use-message-ids.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../react/use-message-ids.js')>();
  return { ...actual, useMessageIds: (...args: Parameters<typeof actual.useMessageIds>) => ((hookCalls.messageIds += 1), actual.useMessageIds(...args)) };
});
vi.mock('../../react/use-message.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../react/use-message.js')>();
  return { ...actual, useMessage: (...args: Parameters<typeof actual.useMessage>) => ((hookCalls.message += 1), actual.useMessage(...args)) };
});
vi.mock('../../react/use-run.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../react/use-run.js')>();
  return { ...actual, useRun: (...args: Parameters<typeof actual.useRun>) => ((hookCalls.run += 1), actual.useRun(...args)) };
});
vi.mock('../../react/use-run-ids.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../react/use-run-ids.js')>();
  return { ...actual, useRunIds: (...args: Parameters<typeof actual.useRunIds>) => ((hookCalls.runIds += 1), actual.useRunIds(...args)) };
});

afterEach(cleanup);
beforeEach(() => Object.assign(hookCalls, { messageIds: 0, message: 0, run: 0, runIds: 0 }));

describe('RunProgress re-renders', () => {
  it('N run-updates re-render the RunProgress N times, the message list and messages 0 times', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    let standaloneCommits = 0;
    render(
      <>
        <MessageList />
        <Profiler id="run" onRender={() => (standaloneCommits += 1)}>
          <RunProgress id="run-1" />
        </Profiler>
        <RunTray />
      </>,
      { wrapper: Wrapper },
    );
    const turnId = startTurn();
    push(event('run-update', turnId, { runId: 'run-1', status: 'queued', progress: 0, label: 'Crawling' }));
    push(event('text-delta', turnId, { messageId: 'assistant-1', delta: 'Working on it.' }));

    // One per place the run is shown: inline in the message (unless the list virtualises it away), standalone, the tray row.
    const shownRuns = document.querySelectorAll('.platos-run, .platos-run-tray-item').length;
    expect(shownRuns).toBeGreaterThanOrEqual(2);
    const before = { ...hookCalls };
    standaloneCommits = 0;

    const updates = 40;
    for (let step = 1; step <= updates; step += 1) {
      push(event('run-update', turnId, { runId: 'run-1', status: 'running', progress: step * 2, etaMs: (updates - step) * 1000 }));
    }

    expect(screen.getAllByRole('progressbar', { name: 'Crawling' })[0]!.getAttribute('aria-valuenow')).toBe('80');
    expect(standaloneCommits).toBe(updates);
    expect(hookCalls.run - before.run).toBe(updates * shownRuns);
    expect(hookCalls.messageIds - before.messageIds).toBe(0);
    expect(hookCalls.message - before.message).toBe(0);
    // The tray's id list did not change (one run, still active), so the tray itself re-rendered 0 times; only its row did.
    expect(hookCalls.runIds - before.runIds).toBe(0);
  });
});
