import type { ArtifactKind } from '../protocol';
import { assertNever } from './assert-never';
import { formatJsonText } from './format-json';
import { MessageText } from './message-text';
import { safeImageSrc } from './safe-url';

export interface ArtifactContentProps {
  kind: ArtifactKind;
  content: string;
  title: string;
  language?: string;
}

/** One version of an artifact, shown by kind; nothing in it runs as markup. */
export function ArtifactContent({ kind, content, title, language }: ArtifactContentProps) {
  switch (kind) {
    case 'markdown':
      return <MessageText text={content} />;
    case 'code':
      return (
        <pre className="platos-artifact-code">
          <code className={language ? `language-${language}` : undefined}>{content}</code>
        </pre>
      );
    case 'json':
      return (
        <pre className="platos-artifact-code">
          <code className="language-json">{formatJsonText(content)}</code>
        </pre>
      );
    case 'image': {
      const src = safeImageSrc(content);
      if (src === null) return <p className="platos-artifact-note">This image is not shown: only https and data:image addresses are allowed.</p>;
      return <img className="platos-artifact-image" src={src} alt={title} />;
    }
    case 'html':
      return (
        <>
          <p className="platos-artifact-note">HTML source</p>
          <pre className="platos-artifact-code">
            <code className="language-html">{content}</code>
          </pre>
        </>
      );
    default:
      return assertNever(kind);
  }
}
