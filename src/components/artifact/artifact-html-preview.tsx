import { useEffect, useRef, useState } from 'react';
import { ArtifactHtmlFrame } from './artifact-html-frame.js';
import { useContentPolicy } from '../policy/content-policy.js';

export interface ArtifactHtmlLabels {
  artifactHtmlFrame: string;
  artifactRunScripts: string;
  artifactScriptsOff: string;
  artifactPreviewLoading: string;
}

export interface ArtifactHtmlPreviewProps {
  html: string;
  title: string;
  labels: ArtifactHtmlLabels;
}

/**
 * An HTML artifact in its frame, with scripts as the content policy says: under `'ask'` (the default) without
 * them and a "Run scripts" button that reloads this artifact's frame with them; `'always'` with, `'never'` without.
 */
export function ArtifactHtmlPreview({ html, title, labels }: ArtifactHtmlPreviewProps) {
  const { artifacts, artifactOrigin } = useContentPolicy();
  const policy = artifacts.html?.scripts ?? 'ask';
  const [runRequested, setRunRequested] = useState(false);
  const scripts = policy === 'always' || (policy === 'ask' && runRequested) ? 'on' : 'off';
  const previewRef = useRef<HTMLDivElement>(null);

  // The button goes away once clicked; focus moves to the frame it started, not to the page's start.
  useEffect(() => {
    if (runRequested) previewRef.current?.querySelector('iframe')?.focus();
  }, [runRequested]);

  return (
    <div ref={previewRef} className="platos-artifact-html" data-scripts={scripts}>
      {policy === 'ask' && scripts === 'off' ? (
        <div className="platos-artifact-scripts-bar">
          <p className="platos-artifact-note">{labels.artifactScriptsOff}</p>
          <button type="button" className="platos-artifact-run-scripts" onClick={() => setRunRequested(true)}>
            {labels.artifactRunScripts}
          </button>
        </div>
      ) : null}
      <ArtifactHtmlFrame html={html} title={`${labels.artifactHtmlFrame}: ${title}`} scripts={scripts} artifactOrigin={artifactOrigin} />
    </div>
  );
}
