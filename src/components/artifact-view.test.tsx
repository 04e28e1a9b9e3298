import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArtifactKind } from '../protocol';
import { createPlatosHarness } from '../test-support/platos-test-harness';
import { ArtifactView } from './artifact-view';

afterEach(cleanup);

function renderArtifact(kind: ArtifactKind, content: string, language?: string) {
  const harness = createPlatosHarness();
  render(<ArtifactView id="art-1" />, { wrapper: harness.Wrapper });
  const turnId = harness.startTurn();
  harness.push(harness.event('artifact-created', turnId, { artifactId: 'art-1', kind, title: 'Result', content, language, version: 1 }));
  return { ...harness, turnId, region: screen.getByRole('region', { name: 'Artifact: Result' }) };
}

describe('ArtifactView', () => {
  it('shows title, kind and version, and browses earlier versions', () => {
    const { push, event, turnId, region } = renderArtifact('code', 'let a = 1;', 'ts');
    expect(region.getAttribute('data-kind')).toBe('code');
    expect(region.textContent).toContain('ts');
    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 2, content: 'let a = 2;' }));
    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 3, delta: '\nlet b = 3;' }));
    expect(screen.getByText('v3 of 3')).toBeTruthy();
    expect(region.querySelector('pre code')?.textContent).toBe('let a = 2;\nlet b = 3;');
    expect(region.querySelector('pre code')?.className).toBe('language-ts');

    fireEvent.click(screen.getByRole('button', { name: 'Previous version' }));
    fireEvent.click(screen.getByRole('button', { name: 'Previous version' }));
    expect(screen.getByText('v1 of 3')).toBeTruthy();
    expect(region.querySelector('pre code')?.textContent).toBe('let a = 1;');
    expect((screen.getByRole('button', { name: 'Previous version' }) as HTMLButtonElement).disabled).toBe(true);

    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 4, content: 'v4' }));
    expect(screen.getByText('v1 of 4')).toBeTruthy();
    for (let step = 0; step < 3; step += 1) fireEvent.click(screen.getByRole('button', { name: 'Next version' }));
    expect(screen.getByText('v4 of 4')).toBeTruthy();
    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 5, content: 'v5' }));
    expect(screen.getByText('v5 of 5')).toBeTruthy();
  });

  it('renders markdown through the safe renderer', () => {
    const { region } = renderArtifact('markdown', '## Plan\n\n<script>alert(1)</script>');
    expect(screen.getByRole('heading', { level: 2, name: 'Plan' })).toBeTruthy();
    expect(region.querySelector('script')).toBeNull();
    expect(region.textContent).toContain('<script>alert(1)</script>');
  });

  it('pretty-prints json', () => {
    const { region } = renderArtifact('json', '{"a":[1,2]}');
    expect(region.querySelector('pre code')?.textContent).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
  });

  it('shows html as escaped source text', () => {
    const { region } = renderArtifact('html', '<button onclick="x()">Hi</button>');
    expect(region.querySelector('button[onclick]')).toBeNull();
    expect(region.querySelector('pre code')?.textContent).toBe('<button onclick="x()">Hi</button>');
  });

  it('shows images only from https or data:image addresses', () => {
    renderArtifact('image', 'https://example.com/cat.png');
    expect(screen.getByRole('img', { name: 'Result' }).getAttribute('src')).toBe('https://example.com/cat.png');
    cleanup();
    renderArtifact('image', 'data:image/png;base64,AAAA');
    expect(screen.getByRole('img', { name: 'Result' }).getAttribute('src')).toBe('data:image/png;base64,AAAA');
    cleanup();
    const { region } = renderArtifact('image', 'javascript:alert(1)');
    expect(region.querySelector('img')).toBeNull();
    expect(region.textContent).toContain('This image is not shown');
  });
});
