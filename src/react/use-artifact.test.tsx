import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosHarness } from '../../test/support/platos-test-harness.js';
import { useArtifact } from './use-artifact.js';

afterEach(cleanup);

describe('useArtifact', () => {
  it('selects an artifact with every version', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    const turnId = startTurn();
    const { result } = renderHook(() => useArtifact('art-1'), { wrapper: Wrapper });
    push(event('artifact-created', turnId, { artifactId: 'art-1', kind: 'code', title: 'main.ts', content: 'a', language: 'ts', version: 1 }));
    push(event('artifact-updated', turnId, { artifactId: 'art-1', version: 2, content: 'b' }));
    expect(result.current).toMatchObject({ title: 'main.ts', kind: 'code', version: 2, versions: ['a', 'b'] });
  });
});
