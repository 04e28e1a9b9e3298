import { useEffect, type ReactNode } from 'react';
import { useFrameState } from '../../react/use-frame-state.js';
import { hastToReact } from './hast-to-react.js';
import { loadLowlight } from './load-lowlight.js';

interface Highlighted {
  code: string;
  language: string;
  nodes: ReactNode[];
}

/**
 * `code` highlighted as `language` once lowlight has loaded, or null: plain text shows until then, for unknown
 * languages, and while `enabled` is false (a block still streaming is not highlighted on every token).
 */
export function useHighlightedCode(code: string, language: string | undefined, enabled: boolean): ReactNode[] | null {
  const [highlighted, setHighlighted] = useFrameState<Highlighted | null>(null);
  useEffect(() => {
    if (!enabled || !language) return;
    let cancelled = false;
    void loadLowlight().then((lowlight) => {
      if (cancelled || !lowlight.registered(language)) return;
      setHighlighted({ code, language, nodes: hastToReact(lowlight.highlight(language, code)) });
    });
    return () => {
      cancelled = true;
    };
  }, [code, language, enabled, setHighlighted]);
  return highlighted && highlighted.code === code && highlighted.language === language ? highlighted.nodes : null;
}
