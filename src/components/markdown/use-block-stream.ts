import { useEffect, useMemo, useRef, useState } from 'react';
import { useFrameState } from '../../react/use-frame-state.js';
import type { BlockStream } from '../../text/block-stream.js';
import type { MarkdownEngine } from './load-markdown.js';

/** How long the text must stay unchanged to count as resting: anything held back is then parsed. */
export const settleDelayMs = 120;

export interface BlockStreamView {
  /** `null` until the markdown engine has loaded. */
  stream: BlockStream | null;
  /** No more text is expected: `streaming` said so, or (when not given) the text has rested. */
  complete: boolean;
}

/**
 * The markdown split of `text`, advanced from the previous render's split so only the open tail is lexed.
 * @param streaming whether more text is coming; when undefined, text that rests for `settleDelayMs` counts as complete
 *   (highlighted, nothing held back) but unfinished syntax stays settled unless the text never changed.
 * @param engine the loaded markdown engine; without it there is no split yet, and `complete` still follows the text.
 */
export function useBlockStream(text: string, streaming: boolean | undefined, engine: MarkdownEngine | undefined): BlockStreamView {
  const previous = useRef<BlockStream | undefined>(undefined);
  const [firstText] = useState(text);
  const [restingText, setRestingText] = useFrameState(text);
  const resting = restingText === text;
  const complete = streaming === undefined ? resting : !streaming;
  const force = complete || resting;
  // Without `streaming`, a pause in a live stream must not flash `**` as written: only text given whole is final.
  const final = streaming === false || (streaming === undefined && text === firstText);
  // Reads the last committed split; a render React throws away leaves it alone, and the next one advances from it.
  const stream = useMemo(() => (engine ? engine.advanceBlockStream(previous.current, text, { force, final }) : null), [engine, text, force, final]);
  useEffect(() => {
    if (stream) previous.current = stream;
  }, [stream]);
  useEffect(() => {
    // A message that has finished is complete already: settling it would only render it once more.
    if (resting || streaming === false) return;
    const timer = setTimeout(() => setRestingText(text), settleDelayMs);
    return () => clearTimeout(timer);
  }, [text, resting, streaming, setRestingText]);
  return { stream, complete };
}
