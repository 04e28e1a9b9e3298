import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { ChatCustomizationProvider, type ToolRendererProps } from '../chat/chat-customization.js';
import { ToolCallCard } from './tool-call-card.js';

afterEach(cleanup);

function setup(tool = 'get_weather', ui: ReactNode = <ToolCallCard id="tc-1" />) {
  const harness = createPlatosHarness();
  const view = render(ui, { wrapper: harness.Wrapper });
  const turnId = harness.startTurn();
  harness.push(harness.event('tool-call-start', turnId, { toolCallId: 'tc-1', tool }));
  const args = (delta: string) => harness.push(harness.event('tool-call-args', turnId, { toolCallId: 'tc-1', delta }));
  const succeed = (result: unknown) => harness.push(harness.event('tool-call-result', turnId, { toolCallId: 'tc-1', result }));
  return { ...harness, ...view, turnId, args, succeed };
}

describe('ToolCallCard', () => {
  it('shows streamed arguments readably as they arrive and the status as data-state', async () => {
    const { args, succeed } = setup();
    args('{"city":"Par');
    const card = screen.getByRole('region', { name: 'Tool call: get_weather' });
    expect(card.getAttribute('data-state')).toBe('streaming-args');
    expect(card.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByLabelText('Arguments').textContent).toBe('{\n  "city": "Par"\n}');
    expect(screen.getByText('Preparing')).toBeTruthy();
    await expectAccessible(card);

    args('is","days":[1,2');
    expect(screen.getByLabelText('Arguments').textContent).toBe('{\n  "city": "Paris",\n  "days": [\n    1,\n    2\n  ]\n}');
    args(']}');
    succeed({ temperature: 21 });
    expect(card.getAttribute('data-state')).toBe('succeeded');
    expect(card.getAttribute('aria-busy')).toBeNull();
    expect(screen.getByLabelText('Result').textContent).toBe('{\n  "temperature": 21\n}');
    await expectAccessible(card);
  });

  it('shows a text result as text, not as a quoted JSON string', () => {
    const { args, succeed } = setup();
    args('{}');
    succeed('line one\nline "two"');
    expect(screen.getByLabelText('Result').textContent).toBe('line one\nline "two"');
  });

  it('falls back to the raw text when streamed arguments are not JSON', () => {
    const { args } = setup();
    args('city=Paris');
    expect(screen.getByLabelText('Arguments').textContent).toBe('city=Paris');
  });

  it('shows the error of a failed call', async () => {
    const { push, event, turnId } = setup('fetch');
    push(event('tool-call-error', turnId, { toolCallId: 'tc-1', error: { code: 'timeout', message: 'Took too long' } }));
    const card = screen.getByRole('region', { name: 'Tool call: fetch' });
    expect(card.getAttribute('data-state')).toBe('failed');
    expect(card.textContent).toContain('timeout Took too long');
    expect(screen.queryByLabelText('Result')).toBeNull();
    await expectAccessible(card);
  });

  it('collapses and expands with a real button that reports aria-expanded', async () => {
    const { args } = setup();
    args('{"city":"Paris"}');
    const toggle = screen.getByRole('button', { name: 'get_weather' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const body = document.getElementById(toggle.getAttribute('aria-controls')!);
    expect(body?.hidden).toBe(false);

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(body?.hidden).toBe(true);
    expect(screen.queryByLabelText('Arguments')).toBeNull();
    expect(screen.getByRole('region').getAttribute('data-open')).toBe('closed');
    await expectAccessible(screen.getByRole('region'));

    fireEvent.click(toggle);
    expect(screen.getByLabelText('Arguments').textContent).toContain('"city": "Paris"');
  });

  it('starts closed with defaultOpen={false}', () => {
    setup('get_weather', <ToolCallCard id="tc-1" defaultOpen={false} />);
    expect(screen.getByRole('button', { name: 'get_weather' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('truncates a long result with a "show more" button', async () => {
    const { args, succeed } = setup();
    args('{}');
    const rows = Array.from({ length: 200 }, (_, index) => ({ index, title: `Result number ${index}` }));
    succeed(rows);
    const result = screen.getByLabelText('Result');
    const full = JSON.stringify(rows, null, 2);
    expect(result.getAttribute('data-state')).toBe('truncated');
    expect(result.textContent!.length).toBeLessThanOrEqual(1201);
    expect(result.textContent!.endsWith('…')).toBe(true);
    const more = screen.getByRole('button', { name: 'Show more' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await expectAccessible(screen.getByRole('region'));

    fireEvent.click(more);
    expect(result.textContent).toBe(full);
    expect(screen.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('button', { name: /Show/ })).toHaveLength(1);
  });

  it('replaces the body with the custom renderer for its tool and keeps the frame', async () => {
    const rendered: string[] = [];
    function WeatherCard({ toolCall }: ToolRendererProps) {
      rendered.push(toolCall.status);
      return <p className="weather">{toolCall.status === 'succeeded' ? `It is ${(toolCall.result as { temperature: number }).temperature}°` : 'Checking…'}</p>;
    }
    const customized = (
      <ChatCustomizationProvider value={{ toolRenderers: { get_weather: WeatherCard }, labels: {} }}>
        <ToolCallCard id="tc-1" />
      </ChatCustomizationProvider>
    );
    const { args, succeed } = setup('get_weather', customized);
    args('{"city":"Paris"}');
    expect(screen.getByText('Checking…')).toBeTruthy();
    succeed({ temperature: 21 });
    const card = screen.getByRole('region', { name: 'Tool call: get_weather' });
    expect(card.getAttribute('data-state')).toBe('succeeded');
    expect(card.querySelector('.weather')?.textContent).toBe('It is 21°');
    expect(screen.queryByLabelText('Arguments')).toBeNull();
    expect(screen.queryByLabelText('Result')).toBeNull();
    expect(rendered.at(-1)).toBe('succeeded');
    await expectAccessible(card);
  });

  it('uses the default body for tools without a renderer, and overridden labels', () => {
    const customized = (
      <ChatCustomizationProvider value={{ toolRenderers: { search: () => <p>search</p> }, labels: { toolCallRegion: 'Werkzeug', toolCallPreparing: 'Vorbereitung' } }}>
        <ToolCallCard id="tc-1" />
      </ChatCustomizationProvider>
    );
    const { args } = setup('toString', customized);
    args('{"a":1');
    expect(screen.getByRole('region', { name: 'Werkzeug: toString' })).toBeTruthy();
    expect(screen.getByText('Vorbereitung')).toBeTruthy();
    expect(screen.getByLabelText('Arguments').textContent).toBe('{\n  "a": 1\n}');
  });

  it('forwards className and rest props', () => {
    setup('get_weather', <ToolCallCard id="tc-1" className="mine" data-testid="card" />);
    const card = screen.getByTestId('card');
    expect(card.className).toBe('platos-tool-call mine');
  });
});
