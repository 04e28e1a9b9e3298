import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../../test/support/event-factory.js';
import { applyEvent } from './apply-event.js';
import { createThreadView } from './create-thread-view.js';

function withArtifact() {
  const event = createEventFactory();
  const view = [
    event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'write' } }),
    event('artifact-created', 't1', { artifactId: 'doc', kind: 'code', title: 'x.ts', content: 'let', language: 'ts', version: 1 }),
  ].reduce(applyEvent, createThreadView('thread-1'));
  return { event, view };
}

describe('artifacts', () => {
  it('created adds an artifact part and version 1', () => {
    const { view } = withArtifact();
    expect(view.messages.a1).toMatchObject({ parts: [{ type: 'artifact', artifactId: 'doc' }] });
    expect(view.artifacts.doc).toEqual({
      id: 'doc',
      turnId: 't1',
      messageId: 'a1',
      kind: 'code',
      title: 'x.ts',
      language: 'ts',
      versions: ['let'],
      version: 1,
    });
  });

  it('an update with content replaces, one with a delta appends to the latest content', () => {
    const { event, view } = withArtifact();
    const next = [
      event('artifact-updated', 't1', { artifactId: 'doc', version: 2, content: 'const' }),
      event('artifact-updated', 't1', { artifactId: 'doc', version: 3, delta: ' a = 1' }),
    ].reduce(applyEvent, view);
    expect(next.artifacts.doc).toMatchObject({ versions: ['let', 'const', 'const a = 1'], version: 3 });
  });

  it('more deltas of the current version keep writing into it', () => {
    const { event, view } = withArtifact();
    const next = [
      event('artifact-updated', 't1', { artifactId: 'doc', version: 2, delta: ' a' }),
      event('artifact-updated', 't1', { artifactId: 'doc', version: 2, delta: ' = 2' }),
    ].reduce(applyEvent, view);
    expect(next.artifacts.doc).toMatchObject({ versions: ['let', 'let a = 2'], version: 2 });
  });

  it('keeps versions[version - 1] current when a version number is skipped', () => {
    const { event, view } = withArtifact();
    const next = applyEvent(view, event('artifact-updated', 't1', { artifactId: 'doc', version: 4, content: 'v4' }));
    expect(next.artifacts.doc?.versions[3]).toBe('v4');
    expect(next.artifacts.doc?.versions).toHaveLength(4);
  });

  it('ignores stale versions and unknown artifacts', () => {
    const { event, view } = withArtifact();
    const updated = applyEvent(view, event('artifact-updated', 't1', { artifactId: 'doc', version: 3, content: 'v3' }));
    const next = [
      event('artifact-updated', 't1', { artifactId: 'doc', version: 2, content: 'old' }),
      event('artifact-updated', 't1', { artifactId: 'ghost', version: 2, delta: 'x' }),
    ].reduce(applyEvent, updated);
    expect(next.artifacts).toBe(updated.artifacts);
  });
});
