import { memo, useState, type ComponentProps } from 'react';
import { useArtifact } from '../react/use-artifact';
import { ArtifactContent } from './artifact-content';
import { classNames } from './class-names';
import './styles/tokens.css';
import './styles/cards.css';
import './styles/artifact.css';

export interface ArtifactViewProps extends Omit<ComponentProps<'section'>, 'children'> {
  id: string;
}

/** An artifact with its title, kind and version; earlier versions can be browsed. */
export const ArtifactView = memo(function ArtifactView({ id, className, ...rest }: ArtifactViewProps) {
  const artifact = useArtifact(id);
  // null follows the newest version as updates arrive; a number pins the one the user picked.
  const [pinnedVersion, setPinnedVersion] = useState<number | null>(null);
  if (!artifact) return null;

  const total = artifact.versions.length;
  const shown = Math.min(pinnedVersion ?? artifact.version, total);
  const content = artifact.versions[shown - 1] ?? '';
  const show = (version: number) => setPinnedVersion(version >= total ? null : version);

  return (
    <section
      aria-label={`Artifact: ${artifact.title}`}
      data-kind={artifact.kind}
      className={classNames('platos-artifact', className)}
      {...rest}
    >
      <header className="platos-artifact-header">
        <span className="platos-artifact-title">{artifact.title}</span>
        <span className="platos-artifact-kind">{artifact.language ?? artifact.kind}</span>
        <span className="platos-artifact-versions">
          <button type="button" className="platos-icon-button" aria-label="Previous version" disabled={shown <= 1} onClick={() => show(shown - 1)}>
            ‹
          </button>
          <span className="platos-artifact-version" aria-live="polite">{`v${shown} of ${total}`}</span>
          <button type="button" className="platos-icon-button" aria-label="Next version" disabled={shown >= total} onClick={() => show(shown + 1)}>
            ›
          </button>
        </span>
      </header>
      <div className="platos-artifact-body">
        <ArtifactContent kind={artifact.kind} content={content} title={artifact.title} language={artifact.language} />
      </div>
    </section>
  );
});
