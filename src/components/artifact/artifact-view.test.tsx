import axe from 'axe-core';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArtifactKind } from '../../protocol/index.js';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { artifactCsp, artifactCspWithScripts } from './build-artifact-document.js';
import { ArtifactView } from './artifact-view.js';
import { ChatCustomizationProvider } from '../chat/chat-customization.js';
import { ContentPolicyProvider, type ContentPolicyProviderProps } from '../policy/content-policy.js';
import { preloadLazyParts } from '../../../test/support/preload-lazy-parts.js';

beforeAll(preloadLazyParts);

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function renderArtifact(kind: ArtifactKind, content: string, language?: string, policy: Omit<ContentPolicyProviderProps, 'children'> = {}) {
  const harness = createPlatosHarness();
  const view = render(
    <ContentPolicyProvider {...policy}>
      <ArtifactView id="art-1" className="mine" />
    </ContentPolicyProvider>,
    { wrapper: harness.Wrapper },
  );
  const turnId = harness.startTurn();
  harness.push(harness.event('artifact-created', turnId, { artifactId: 'art-1', kind, title: 'Result', content, language, version: 1 }));
  return { ...harness, turnId, container: view.container, region: screen.getByRole('region', { name: 'Artifact: Result' }) };
}

/** axe-core in jsdom cannot post into a frame; the page around it is checked without descending. */
async function expectAccessibleAroundFrames(container: Element) {
  const results = await axe.run(container, { iframes: false, rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('ArtifactView', () => {
  it('shows title, kind and version, and steps between versions', async () => {
    const { push, event, turnId, region, container } = renderArtifact('code', 'let a = 1;', 'ts');
    expect(region.className).toBe('platos-artifact mine');
    expect(region.getAttribute('data-kind')).toBe('code');
    expect(region.getAttribute('data-state')).toBe('latest');
    expect(region.querySelector('.platos-artifact-kind')?.textContent).toBe('ts');
    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 2, content: 'let a = 2;' }));
    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 3, delta: '\nlet b = 3;' }));
    expect(screen.getByText('v3 of 3')).toBeTruthy();
    expect(region.querySelector('pre code')?.textContent).toBe('let a = 2;\nlet b = 3;');
    expect(region.querySelector('pre code')?.className).toBe('language-ts');
    await expectAccessible(container);

    const versions = within(region).getByRole('group', { name: 'Versions' });
    fireEvent.click(within(versions).getByRole('button', { name: 'Previous version' }));
    fireEvent.click(within(versions).getByRole('button', { name: 'Previous version' }));
    expect(screen.getByText('v1 of 3')).toBeTruthy();
    expect(region.getAttribute('data-state')).toBe('pinned');
    expect(region.querySelector('pre code')?.textContent).toBe('let a = 1;');
    expect((screen.getByRole('button', { name: 'Previous version' }) as HTMLButtonElement).disabled).toBe(true);

    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 4, content: 'v4' }));
    expect(screen.getByText('v1 of 4')).toBeTruthy();
    for (let step = 0; step < 3; step += 1) fireEvent.click(screen.getByRole('button', { name: 'Next version' }));
    expect(screen.getByText('v4 of 4')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next version' }) as HTMLButtonElement).disabled).toBe(true);
    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 5, content: 'v5' }));
    expect(screen.getByText('v5 of 5')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Previous version' }));
    expect(screen.getByText('v4 of 5')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Latest version' }));
    expect(screen.getByText('v5 of 5')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Latest version' })).toBeNull();
  });

  it('streams appends into a body that scrolls on its own and follows the end', () => {
    const { push, event, turnId, region } = renderArtifact('code', 'line 1', 'ts');
    const body = within(region).getByRole('group', { name: 'Content' });
    expect(body.className).toBe('platos-artifact-body');
    expect(body.tabIndex).toBe(0);
    let scrollHeight = 500;
    Object.defineProperty(body, 'scrollHeight', { configurable: true, get: () => scrollHeight });
    Object.defineProperty(body, 'clientHeight', { configurable: true, get: () => 300 });
    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 2, delta: '\nline 2' }));
    expect(body.scrollTop).toBe(500);

    // Scrolled up by the user: appends leave the position alone.
    body.scrollTop = 50;
    fireEvent.scroll(body);
    scrollHeight = 800;
    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 3, delta: '\nline 3' }));
    expect(body.scrollTop).toBe(50);
  });

  it('renders markdown through the safe renderer', async () => {
    const { region, container } = renderArtifact('markdown', '## Plan\n\n<script>alert(1)</script>');
    expect(screen.getByRole('heading', { level: 2, name: 'Plan' })).toBeTruthy();
    expect(region.querySelector('script')).toBeNull();
    expect(region.textContent).toContain('<script>alert(1)</script>');
    fireEvent.click(screen.getByRole('button', { name: 'Source' }));
    expect(screen.getByRole('button', { name: 'Source' }).getAttribute('aria-pressed')).toBe('true');
    expect(region.querySelector('pre code.language-markdown')?.textContent).toBe('## Plan\n\n<script>alert(1)</script>');
    await expectAccessible(container);
  });

  it('shows json as a collapsible tree operated by buttons', async () => {
    const { region, container, push, event, turnId } = renderArtifact('json', '{"name":"platos","tags":["a","b"],"deep":{"inner":{"x":1}},"none":null,"ok":true,"empty":[]}');
    const tree = within(region).getByRole('list', { name: 'JSON' });
    const toggles = within(tree).getAllByRole('button');
    expect(toggles.map((button) => [button.getAttribute('aria-label'), button.textContent, button.getAttribute('aria-expanded')])).toEqual([
      ['6 keys', '{', 'true'],
      ['tags, 2 items', 'tags: [', 'true'],
      ['deep, 1 key', 'deep: {', 'true'],
      ['inner, 1 key', 'inner: { 1 key }', 'false'],
    ]);
    expect(tree.textContent).toContain('name: "platos"');
    expect(tree.textContent).toContain('none: null');
    expect(tree.textContent).toContain('empty: []');
    expect(tree.textContent).not.toContain('x: 1');
    await expectAccessible(container);

    fireEvent.click(within(tree).getByRole('button', { name: 'inner, 1 key' }));
    expect(within(tree).getByRole('button', { name: 'inner, 1 key' }).getAttribute('aria-expanded')).toBe('true');
    expect(tree.textContent).toContain('x: 1');
    expect(tree.textContent).toContain('0: "a"');
    fireEvent.click(within(tree).getByRole('button', { name: 'tags, 2 items' }));
    expect(within(tree).getByRole('button', { name: 'tags, 2 items' }).textContent).toBe('tags: [ 2 items ]');
    expect(within(tree).getByRole('button', { name: 'tags, 2 items' }).getAttribute('aria-expanded')).toBe('false');
    expect(tree.textContent).not.toContain('"a"');

    // Mid-stream JSON does not parse yet: shown as text until it does.
    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 2, content: '{"items": [1, 2' }));
    expect(region.querySelector('pre code.language-json')?.textContent).toBe('{"items": [1, 2');
    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 3, delta: ']}' }));
    expect(within(region).getByRole('list', { name: 'JSON' }).textContent).toContain('1');
  });

  it('pages long json arrays', () => {
    const { region } = renderArtifact('json', JSON.stringify(Array.from({ length: 250 }, (_, index) => index)));
    const tree = within(region).getByRole('list', { name: 'JSON' });
    expect(tree.querySelectorAll('.platos-json-node[data-type="number"]')).toHaveLength(100);
    fireEvent.click(within(tree).getByRole('button', { name: 'Show 100 more' }));
    fireEvent.click(within(tree).getByRole('button', { name: 'Show 50 more' }));
    expect(tree.querySelectorAll('.platos-json-node[data-type="number"]')).toHaveLength(250);
    expect(within(tree).queryByRole('button', { name: /^Show/ })).toBeNull();
  });

  it('renders html in a sandboxed iframe without scripts, and with them after a click on Run scripts', async () => {
    const html = '<h1>Widget</h1><button onclick="x()">Hi</button><script>parent.document.title = "owned"</script>';
    const { region, container, push, event, turnId, scheduler } = renderArtifact('html', html);
    expect(region.querySelector('button[onclick], script, h1')).toBeNull();
    const frame = region.querySelector('iframe')!;
    expect(frame.getAttribute('data-scripts')).toBe('off');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('title')).toBe('Sandboxed preview: Result');
    expect(frame.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(frame.className).toBe('platos-artifact-frame');
    expect(frame.hasAttribute('src')).toBe(false);
    const srcDoc = frame.getAttribute('srcdoc')!;
    expect(srcDoc.startsWith(`<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${artifactCsp}">`)).toBe(true);
    expect(srcDoc).toContain('<body><h1>Widget</h1><button>Hi</button></body>');
    expect(srcDoc).toContain('<title>Sandboxed preview: Result</title>');
    expect(region.querySelector('.platos-artifact-html')?.getAttribute('data-scripts')).toBe('off');
    expect(within(region).getByText('Shown without its scripts.').className).toBe('platos-artifact-note');
    const run = within(region).getByRole('button', { name: 'Run scripts' });
    expect(run.className).toBe('platos-artifact-run-scripts');
    await expectAccessibleAroundFrames(container);

    fireEvent.click(run);
    const scriptedFrame = region.querySelector('iframe')!;
    expect(scriptedFrame).not.toBe(frame);
    expect(document.activeElement).toBe(scriptedFrame);
    expect(within(region).queryByRole('button', { name: 'Run scripts' })).toBeNull();
    expect(within(region).queryByText('Shown without its scripts.')).toBeNull();
    expect(scriptedFrame.getAttribute('data-scripts')).toBe('on');
    expect(scriptedFrame.getAttribute('sandbox')!.split(/\s+/)).toEqual(['allow-scripts']);
    expect(scriptedFrame.getAttribute('srcdoc')).toContain(`content="${artifactCspWithScripts}"`);
    expect(scriptedFrame.getAttribute('srcdoc')).toContain('<button onclick="x()">Hi</button><script>parent.document.title = "owned"</script></body>');
    await expectAccessibleAroundFrames(container);

    vi.useFakeTimers();
    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 2, delta: '<p>one</p>' }));
    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 3, delta: '<p>two</p>' }));
    // The frame reloads at most every 400 ms while deltas stream, and ends on the latest content; scripts stay on.
    // Each reload joins the next frame's update.
    const advance = (ms: number) =>
      act(() => {
        vi.advanceTimersByTime(ms);
        scheduler.runFrame();
      });
    advance(0);
    expect(region.querySelector('iframe')).toBe(scriptedFrame);
    expect(scriptedFrame.getAttribute('srcdoc')).toContain('<p>one</p></body>');
    advance(399);
    expect(scriptedFrame.getAttribute('srcdoc')).toContain('<p>one</p></body>');
    advance(1);
    expect(scriptedFrame.getAttribute('srcdoc')).toContain('<p>one</p><p>two</p></body>');
    expect(scriptedFrame.getAttribute('sandbox')).toBe('allow-scripts');

    fireEvent.click(screen.getByRole('button', { name: 'Source' }));
    expect(region.querySelector('iframe')).toBeNull();
    expect(region.querySelector('pre code.language-html')?.textContent).toBe(`${html}<p>one</p><p>two</p>`);
    vi.useRealTimers();
    await expectAccessible(container);
  });

  it('runs artifact scripts always or never as the content policy says, without a button', async () => {
    const html = '<p>x</p><script>run()</script>';
    const always = renderArtifact('html', html, undefined, { artifacts: { html: { scripts: 'always' } } });
    let frame = always.region.querySelector('iframe')!;
    expect(frame.getAttribute('data-scripts')).toBe('on');
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts');
    expect(frame.getAttribute('srcdoc')).toContain('<script>run()</script>');
    expect(within(always.region).queryByRole('button', { name: 'Run scripts' })).toBeNull();
    await expectAccessibleAroundFrames(always.container);
    cleanup();

    const never = renderArtifact('html', html, undefined, { artifacts: { html: { scripts: 'never' } } });
    frame = never.region.querySelector('iframe')!;
    expect(frame.getAttribute('data-scripts')).toBe('off');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).not.toContain('run()');
    expect(within(never.region).queryByRole('button', { name: 'Run scripts' })).toBeNull();
    expect(never.region.querySelector('.platos-artifact-note')).toBeNull();
  });

  it('loads the sandbox page from artifactOrigin and sends it the document after its ready message', () => {
    const { region } = renderArtifact('html', '<p>x</p><script>run()</script>', undefined, { artifactOrigin: 'https://sandbox.example-usercontent.com' });
    const frame = region.querySelector('iframe')!;
    expect(frame.getAttribute('src')).toBe('https://sandbox.example-usercontent.com/platos-artifact.html');
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts');
    expect(frame.getAttribute('data-scripts')).toBe('off');
    expect(frame.hasAttribute('srcdoc')).toBe(false);
    const frameWindow = frame.contentWindow!;
    const post = vi.spyOn(frameWindow, 'postMessage').mockImplementation(() => {});
    const ready = (origin: string, source: Window) =>
      act(() => window.dispatchEvent(new MessageEvent('message', { data: { type: 'platos-artifact-ready' }, origin, source })));

    ready('null', window);
    ready('https://attacker.example', frameWindow);
    expect(post).not.toHaveBeenCalled();
    ready('null', frameWindow);
    expect(post).toHaveBeenCalledTimes(1);
    const [message, targetOrigin] = post.mock.calls[0]! as unknown as [{ type: string; html: string }, string];
    expect(targetOrigin).toBe('*');
    expect(message.type).toBe('platos-artifact');
    expect(message.html).toContain(`<meta http-equiv="Content-Security-Policy" content="${artifactCsp}">`);
    expect(message.html).toContain('<body><p>x</p></body>');

    fireEvent.click(within(region).getByRole('button', { name: 'Run scripts' }));
    const scriptedFrame = region.querySelector('iframe')!;
    expect(scriptedFrame.getAttribute('data-scripts')).toBe('on');
    const scriptedPost = vi.spyOn(scriptedFrame.contentWindow!, 'postMessage').mockImplementation(() => {});
    ready('https://sandbox.example-usercontent.com', scriptedFrame.contentWindow!);
    expect(scriptedPost).toHaveBeenCalledWith(expect.objectContaining({ html: expect.stringContaining('<script>run()</script>') }), 'https://sandbox.example-usercontent.com');
  });

  it('takes the Run scripts texts from the chat labels', () => {
    const harness = createPlatosHarness();
    render(
      <ChatCustomizationProvider value={{ toolRenderers: {}, labels: { artifactRunScripts: 'Skripte ausführen', artifactScriptsOff: 'Ohne Skripte.' } }}>
        <ArtifactView id="art-1" />
      </ChatCustomizationProvider>,
      { wrapper: harness.Wrapper },
    );
    harness.push(harness.event('artifact-created', harness.startTurn(), { artifactId: 'art-1', kind: 'html', title: 'Plan', content: '<p>x</p>', version: 1 }));
    expect(screen.getByRole('button', { name: 'Skripte ausführen' }).className).toBe('platos-artifact-run-scripts');
    expect(screen.getByText('Ohne Skripte.')).toBeTruthy();
  });

  it('escapes the title it writes into the frame document', () => {
    const harness = createPlatosHarness();
    render(<ArtifactView id="art-1" />, { wrapper: harness.Wrapper });
    const title = '</title><script>alert(1)</script>';
    harness.push(harness.event('artifact-created', harness.startTurn(), { artifactId: 'art-1', kind: 'html', title, content: '<p>x</p>', version: 1 }));
    const srcDoc = document.querySelector('iframe')!.getAttribute('srcdoc')!;
    expect(srcDoc).toContain('<title>Sandboxed preview: &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(srcDoc.indexOf('<script>')).toBe(-1);
  });
  it('shows images only from allowed hosts or raster data:image addresses, with the title as alt', async () => {
    const { container } = renderArtifact('image', 'https://cdn.example.com/img/cat.png', undefined, { imagePolicy: { allow: ['https://cdn.example.com/img/'] } });
    expect(screen.getByRole('img', { name: 'Result' }).getAttribute('src')).toBe('https://cdn.example.com/img/cat.png');
    await expectAccessible(container);
    cleanup();
    renderArtifact('image', 'data:image/png;base64,AAAA');
    expect(screen.getByRole('img', { name: 'Result' }).getAttribute('src')).toBe('data:image/png;base64,AAAA');
    cleanup();
    const foreign = renderArtifact('image', 'https://example.com/cat.png');
    expect(foreign.region.querySelector('img')).toBeNull();
    expect(foreign.region.querySelector('.platos-image-placeholder')?.getAttribute('data-host')).toBe('example.com');
    expect(screen.getByRole('button', { name: 'Load image from example.com' })).toBeTruthy();
    cleanup();
    for (const blocked of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'data:image/svg+xml,<svg/>', '/relative.png']) {
      const { region } = renderArtifact('image', blocked);
      expect(region.querySelector('img')).toBeNull();
      expect(region.querySelector('.platos-image-placeholder')?.getAttribute('data-state')).toBe('unsafe');
      expect(region.textContent).toContain('Image not loaded: its address is not allowed');
      cleanup();
    }
  });

  it('takes its texts from the chat labels', () => {
    const harness = createPlatosHarness();
    render(
      <ChatCustomizationProvider value={{ toolRenderers: {}, labels: { artifactRegion: 'Artefakt: {title}', artifactVersion: 'Version {shown}/{total}' } }}>
        <ArtifactView id="art-1" />
      </ChatCustomizationProvider>,
      { wrapper: harness.Wrapper },
    );
    harness.push(harness.event('artifact-created', harness.startTurn(), { artifactId: 'art-1', kind: 'code', title: 'Plan', content: 'x', version: 1 }));
    expect(within(screen.getByRole('region', { name: 'Artefakt: Plan' })).getByText('Version 1/1')).toBeTruthy();
  });
});
