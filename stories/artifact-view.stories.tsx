import type { Meta, StoryObj } from '@storybook/react-vite';
import { ArtifactView } from '@platosdev/client/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { EventBody } from '../mock-server/scenarios';
import { withThreadEvents } from './support/thread-fixture';

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

/** Compact JSON is shown pretty-printed. */
export const Json: Story = {
  decorators: [withThreadEvents([created('json', 'config.json', '{"replayWindowMs":30000,"transports":["websocket"]}')])],
  play: async ({ canvasElement }) => {
    const region = await artifact(canvasElement, 'config.json');
    const code = region.querySelector('code.language-json');
    expect(code?.textContent).toContain('"replayWindowMs": 30000');
    expect(code?.textContent?.split('\n').length).toBeGreaterThan(3);
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

/** HTML is shown as its source and never rendered, so nothing in it runs. */
export const Html: Story = {
  decorators: [withThreadEvents([created('html', 'Widget', '<h1>Widget</h1><script>window.__platosPwned = true</script><img src=x onerror="window.__platosPwned = true">')])],
  play: async ({ canvasElement }) => {
    const region = await artifact(canvasElement, 'Widget');
    expect(region.querySelector('code.language-html')).toHaveTextContent('<script>window.__platosPwned = true</script>');
    expect(region.querySelectorAll('script, img, h1')).toHaveLength(0);
    expect((window as { __platosPwned?: boolean }).__platosPwned).toBeUndefined();
  },
};
