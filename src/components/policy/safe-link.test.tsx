import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { ContentPolicyProvider, type LinkPolicy } from './content-policy.js';
import { SafeLink } from './safe-link.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderLink(href: string, text: string, linkPolicy?: LinkPolicy) {
  return render(
    <ContentPolicyProvider linkPolicy={linkPolicy}>
      <p>
        Go to{' '}
        <SafeLink href={href} text={text}>
          {text}
        </SafeLink>{' '}
        now.
      </p>
    </ContentPolicyProvider>,
  );
}

describe('SafeLink', () => {
  it('opens in a new tab with no referrer and no opener, and forwards ref, className and props', () => {
    const ref = createRef<HTMLAnchorElement>();
    render(
      <SafeLink ref={ref} href="https://example.com/docs" text="example.com/docs" className="mine" data-testid="docs">
        example.com/docs
      </SafeLink>,
    );
    const link = screen.getByRole('link', { name: 'example.com/docs' });
    expect(ref.current).toBe(link);
    expect(link.className).toBe('platos-link mine');
    expect(link.getAttribute('data-testid')).toBe('docs');
    expect(link.getAttribute('href')).toBe('https://example.com/docs');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(link.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(link.getAttribute('title')).toBe('https://example.com/docs');
    expect(link.hasAttribute('data-state')).toBe(false);
    expect(document.querySelector('.platos-link-host')).toBeNull();
  });

  it('shows the real host beside a link whose text names another', async () => {
    const { container } = renderLink('https://evil.example/login?next=%2F', 'bank.com');
    const link = screen.getByRole('link', { name: 'bank.com' });
    const host = container.querySelector('.platos-link-host');
    expect(host?.textContent).toBe('evil.example');
    expect(link.getAttribute('aria-describedby')).toBe(host?.id);
    expect(link.getAttribute('title')).toBe('https://evil.example/login?next=%2F');
    expect(container.textContent).toBe('Go to bank.comevil.example now.');
    await expectAccessible(container);
  });

  it.each(['javascript:alert(1)', '&#106;avascript:alert(1)', 'java\tscript:alert(1)', 'java\u0000script:alert(1)', 'data:text/html,hi', '/relative'])(
    'renders the text alone for %j',
    (href) => {
      const { container } = renderLink(href, 'click me');
      expect(container.querySelector('a')).toBeNull();
      expect(container.textContent).toBe('Go to click me now.');
    },
  );

  it("with confirm: 'external' asks inline, showing the full address, before opening", async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { container } = renderLink('https://evil.example/a?leak=1', 'the report', { confirm: 'external' });
    const link = screen.getByRole('link', { name: 'the report' });
    expect(link.getAttribute('data-state')).toBe('closed');

    expect(fireEvent.click(link)).toBe(false);
    expect(open).not.toHaveBeenCalled();
    expect(link.getAttribute('data-state')).toBe('open');
    const confirm = screen.getByRole('group', { name: 'Open this link? https://evil.example/a?leak=1' });
    expect(confirm.className).toBe('platos-link-confirm');
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    await expectAccessible(container);

    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(link);
    expect(open).not.toHaveBeenCalled();

    fireEvent.click(link);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Open link' }), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();

    fireEvent.click(link);
    fireEvent.click(screen.getByRole('button', { name: 'Open link' }));
    expect(open).toHaveBeenCalledWith('https://evil.example/a?leak=1', '_blank', 'noopener,noreferrer');
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(link);
  });

  it('asks on a middle click too, and lets a function decide per URL', () => {
    const confirm = vi.fn((url: URL) => url.hostname !== 'docs.example');
    renderLink('https://docs.example/a', 'docs', { confirm });
    const link = screen.getByRole('link', { name: 'docs' });
    expect(fireEvent.click(link)).toBe(true);
    expect(confirm).toHaveBeenCalledWith(expect.any(URL));
    cleanup();

    renderLink('https://other.example/a', 'other', { confirm });
    fireEvent(screen.getByRole('link', { name: 'other' }), new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 }));
    expect(screen.getByRole('group', { name: /^Open this link\?/ })).toBeTruthy();
  });

  it("with confirm: 'external' opens links to the page's own origin directly", () => {
    renderLink(`${location.origin}/help`, 'help', { confirm: 'external' });
    expect(fireEvent.click(screen.getByRole('link', { name: 'help' }))).toBe(true);
  });
});
