import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { ChatCustomizationProvider } from '../chat/chat-customization.js';
import { MemoryNote } from './memory-note.js';

afterEach(cleanup);

describe('MemoryNote', () => {
  it('shows a memory write as "Remembered"', () => {
    render(<MemoryNote part={{ type: 'memory-write', memoryId: 'm-1', content: 'Prefers tea', scope: 'user' }} />);
    expect(screen.getByText(/Remembered “Prefers tea”/)).toBeTruthy();
    expect(screen.getByText('(user)', { exact: false })).toBeTruthy();
  });

  it('shows a recall as an expandable count of memories', async () => {
    const { container } = render(
      <MemoryNote
        part={{
          type: 'memory-recall',
          query: 'drinks',
          memories: [
            { memoryId: 'm-1', content: 'Prefers tea', score: 0.91 },
            { memoryId: 'm-2', content: 'No sugar' },
          ],
        }}
      />,
    );
    const details = container.querySelector('details');
    expect(details?.open).toBe(false);
    const summary = screen.getByText('Recalled 2 memories');
    fireEvent.click(summary);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Prefers tea 0.91', 'No sugar']);
    expect(screen.getByText('For “drinks”')).toBeTruthy();
    await expectAccessible(container);
  });

  it('says "1 memory" for one, and takes its text from the labels', () => {
    render(
      <ChatCustomizationProvider value={{ toolRenderers: {}, labels: { memoryRecalledMany: '{count} Erinnerungen' } }}>
        <MemoryNote part={{ type: 'memory-recall', query: 'q', memories: [{ memoryId: 'm-1', content: 'A' }] }} />
        <MemoryNote part={{ type: 'memory-recall', query: 'q', memories: [{ memoryId: 'm-1', content: 'A' }, { memoryId: 'm-2', content: 'B' }, { memoryId: 'm-3', content: 'C' }] }} />
      </ChatCustomizationProvider>,
    );
    expect(screen.getByText('Recalled 1 memory')).toBeTruthy();
    expect(screen.getByText('3 Erinnerungen')).toBeTruthy();
  });
});
