import type { Meta, StoryObj } from '@storybook/react-vite';
import { createPlatosStore, type PlatosClient, type ServerEvent, type ThreadListener } from '@platosdev/client';
import { ArtifactView, PlatosProvider, PlatosThread } from '@platosdev/client/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { EventBody } from '../mock-server/scenarios';
import { createScriptedClient } from './support/scripted-client';
import { withThreadEvents } from './support/thread-fixture';
import { nextEvent, threadScript } from './support/thread-script';

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
  component: ArtifactView,
  tags: ['autodocs'],
  args: { id: artifactId },
} satisfies Meta<typeof ArtifactView>;

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

const widgetHtml = [
  '<style>body{font:14px system-ui;margin:16px}h1{font-size:18px;color:#4f46e5}</style>',
  '<h1>Widget</h1><p id="out">waiting</p>',
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
 * HTML runs only inside a sandboxed iframe (allow-scripts, no allow-same-origin) under a CSP: its
 * script runs, but cannot reach the page, its storage or the network.
 */
export const Html: Story = {
  decorators: [withThreadEvents([created('html', 'Widget', widgetHtml)])],
  play: async ({ canvasElement }) => {
    const messages: unknown[] = [];
    const listen = (event: MessageEvent) => messages.push((event.data as { platosFrame?: unknown } | null)?.platosFrame);
    window.addEventListener('message', listen);
    try {
      const region = await artifact(canvasElement, 'Widget');
      const frame = within(region).getByTitle<HTMLIFrameElement>('Sandboxed preview: Widget');
      expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
      expect(frame.getAttribute('srcdoc')).toContain("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:");
      await waitFor(() => expect(messages).toContain('blocked, storage blocked'), { timeout: 5000 });
      await waitFor(() => expect(messages).toContain('network-image-blocked'), { timeout: 5000 });
      // An opaque origin: the page cannot read the frame's document either.
      expect(frame.contentDocument).toBeNull();
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
          <ArtifactView id={artifactId} />
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
