import { memo, useLayoutEffect, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { useArtifact } from '../../react/use-artifact.js';
import { ArtifactContent, type ArtifactContentView } from './artifact-content.js';
import { useLabels } from '../chat/chat-customization.js';
import { classNames } from '../shared/class-names.js';
import { formatLabel } from '../shared/format-label.js';
import { jsonTreeLabels } from '../tool-call/json-tree-labels.js';

/** Labels of ArtifactView, overridable through `<PlatosChat labels>`. */
export const artifactLabels = {
  artifactRegion: 'Artifact: {title}',
  artifactVersions: 'Versions',
  artifactVersion: 'v{shown} of {total}',
  artifactPreviousVersion: 'Previous version',
  artifactNextVersion: 'Next version',
  artifactLatestVersion: 'Latest version',
  artifactShowSource: 'Source',
  artifactContent: 'Content',
  artifactHtmlFrame: 'Sandboxed preview',
  artifactRunScripts: 'Run scripts',
  artifactScriptsOff: 'Shown without its scripts.',
  artifactPreviewLoading: 'Loading preview…',
  ...jsonTreeLabels,
} as const;

export interface ArtifactViewProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  id: string;
}

/** Within this many pixels of the end, the body counts as scrolled to the end and follows appended content. */
const followSlackPx = 8;

/**
 * An artifact as an inline card: title, kind, version history (step between versions) and its
 * content by kind. The body has a stable height range and scrolls on its own, so streamed
 * appends grow the card up to a limit and never push the chat around after that.
 * @example
 * <ArtifactView id={artifactId} />
 */
export const ArtifactView = memo(function ArtifactView({ id, className, ...rest }: ArtifactViewProps) {
  const artifact = useArtifact(id);
  const labels = useLabels(artifactLabels);
  // null follows the newest version as updates arrive; a number pins the one the user picked.
  const [pinnedVersion, setPinnedVersion] = useState<number | null>(null);
  const [view, setView] = useState<ArtifactContentView>('preview');
  const bodyRef = useRef<HTMLDivElement>(null);
  const followsEnd = useRef(true);

  const content = artifact ? artifact.versions[Math.min(pinnedVersion ?? artifact.version, artifact.versions.length) - 1] : undefined;
  // Keep a body that was scrolled to its end at the end while content is appended.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (body && followsEnd.current && pinnedVersion === null) body.scrollTop = body.scrollHeight;
  }, [content, pinnedVersion]);

  if (!artifact) return null;

  const total = artifact.versions.length;
  const shown = Math.min(pinnedVersion ?? artifact.version, total);
  const show = (version: number) => setPinnedVersion(version >= total ? null : version);
  const hasPreview = artifact.kind !== 'code';

  return (
    <section
      aria-label={formatLabel(labels.artifactRegion, { title: artifact.title })}
      data-kind={artifact.kind}
      data-state={pinnedVersion === null ? 'latest' : 'pinned'}
      className={classNames('platos-artifact', className)}
      {...rest}
    >
      <header className="platos-artifact-header">
        <span className="platos-artifact-title">{artifact.title}</span>
        <span className="platos-artifact-kind">{artifact.language ?? artifact.kind}</span>
        {hasPreview ? (
          <button
            type="button"
            className="platos-artifact-source-toggle"
            aria-pressed={view === 'source'}
            onClick={() => setView(view === 'source' ? 'preview' : 'source')}
          >
            {labels.artifactShowSource}
          </button>
        ) : null}
        <span role="group" aria-label={labels.artifactVersions} className="platos-artifact-versions">
          <button
            type="button"
            className="platos-icon-button"
            aria-label={labels.artifactPreviousVersion}
            disabled={shown <= 1}
            onClick={() => show(shown - 1)}
          >
            ‹
          </button>
          <span className="platos-artifact-version" aria-live="polite">
            {formatLabel(labels.artifactVersion, { shown, total })}
          </span>
          <button
            type="button"
            className="platos-icon-button"
            aria-label={labels.artifactNextVersion}
            disabled={shown >= total}
            onClick={() => show(shown + 1)}
          >
            ›
          </button>
          {pinnedVersion === null ? null : (
            <button type="button" className="platos-link-button platos-artifact-latest" onClick={() => setPinnedVersion(null)}>
              {labels.artifactLatestVersion}
            </button>
          )}
        </span>
      </header>
      <div
        ref={bodyRef}
        role="group"
        aria-label={labels.artifactContent}
        // Focusable so the body's own scroll works from the keyboard.
        tabIndex={0}
        className="platos-artifact-body"
        data-view={hasPreview ? view : 'source'}
        onScroll={(event) => {
          const body = event.currentTarget;
          followsEnd.current = body.scrollHeight - body.scrollTop - body.clientHeight <= followSlackPx;
        }}
      >
        <ArtifactContent
          kind={artifact.kind}
          content={artifact.versions[shown - 1] ?? ''}
          title={artifact.title}
          language={artifact.language}
          labels={labels}
          view={hasPreview ? view : 'preview'}
        />
      </div>
    </section>
  );
});
