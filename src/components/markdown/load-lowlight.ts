import type { createLowlight } from 'lowlight';

export type Lowlight = ReturnType<typeof createLowlight>;

let loading: Promise<Lowlight> | undefined;

/** lowlight with highlight.js's common grammars, fetched on first use so the stream never waits for it. */
export function loadLowlight(): Promise<Lowlight> {
  loading ??= import('lowlight').then(({ createLowlight, common }) => createLowlight(common));
  return loading;
}
