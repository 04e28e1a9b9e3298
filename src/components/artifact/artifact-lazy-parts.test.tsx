import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArtifactKind } from '../../protocol/index.js';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { ArtifactView } from './artifact-view.js';

afterEach(cleanup);

function renderArtifact(kind: ArtifactKind, content: string) {
  const harness = createPlatosHarness();
  render(<ArtifactView id="art-1" />, { wrapper: harness.Wrapper });
  harness.push(harness.event('artifact-created', harness.startTurn(), { artifactId: 'art-1', kind, title: 'Result', content, version: 1 }));
  /** Waits for `find` to succeed, running a frame at each try: a loaded part shows with the next frame. */
  const findInFrame = <T,>(find: () => T) =>
    waitFor(() => {
      act(() => harness.scheduler.runFrame());
      return find();
    });
  return { region: screen.getByRole('region', { name: 'Artifact: Result' }), findInFrame };
}

// This file's module graph starts without the lazily loaded parts, as an app's first artifact does.
describe('ArtifactView before its preview code has loaded', () => {
  it('keeps the HTML preview box with a loading note, then shows the sandboxed frame in it', async () => {
    const { region, findInFrame } = renderArtifact('html', '<p>hello</p>');
    const body = region.querySelector('.platos-artifact-body')!;
    const loading = body.querySelector('.platos-artifact-html[data-state="loading"]');
    expect(loading?.getAttribute('aria-busy')).toBe('true');
    expect(loading?.textContent).toBe('Loading preview…');
    expect(body.querySelector('iframe')).toBeNull();

    const frame = await findInFrame(() => screen.getByTitle('Sandboxed preview: Result'));
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(body.querySelector('.platos-artifact-html')?.hasAttribute('data-state')).toBe(false);
  });

  it('shows JSON as its text until the tree has loaded', async () => {
    const { region, findInFrame } = renderArtifact('json', '{"a":[1,2]}');
    expect(region.querySelector('pre code.language-json')?.textContent).toBe('{"a":[1,2]}');
    expect(await findInFrame(() => screen.getByRole('list', { name: 'JSON' }))).toBeTruthy();
    expect(region.querySelector('pre code.language-json')).toBeNull();
  });
});
