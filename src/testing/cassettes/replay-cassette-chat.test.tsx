import { readFile } from 'node:fs/promises';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, expect, it, onTestFinished } from 'vitest';
import { PlatosChat, preloadPlatosParts } from '../../react-entry.js';
import { replayCassette } from '../index.js';

beforeAll(() => preloadPlatosParts());
afterEach(cleanup);

it('shows a recorded research turn in the chat as it was recorded', async () => {
  const replay = replayCassette(await readFile('mock-server/cassettes/research-turn.json', 'utf8'));
  onTestFinished(() => replay.close());
  render(<PlatosChat client={replay.client} threadId="research" />);
  await act(() => replay.playRecorded());

  expect(await screen.findByText(/keep it and resume from the last event id/)).toBeTruthy();
  expect(screen.getByText('Compare WebSockets and server-sent events for streaming tokens to a browser')).toBeTruthy();
  expect(screen.getByRole('region', { name: 'Tool call: fetch_url' }).dataset['state']).toBe('succeeded');
  expect(screen.getAllByRole('region', { name: /^Tool call: web_search/ }).map((card) => card.getAttribute('aria-label'))).toEqual([
    'Tool call: web_search',
    'Tool call: web_search (2)',
  ]);
});
