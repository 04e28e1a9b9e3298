import { useMemo } from 'react';
import type { ArtifactKind } from '../protocol';
import { ArtifactHtmlFrame } from './artifact-html-frame';
import { assertNever } from './assert-never';
import { JsonTree, parseJsonText, type JsonTreeLabels } from './json-tree';
import { CodeBlock } from './markdown/code-block';
import { MessageText } from './message-text';
import { safeImageSrc } from './safe-url';

export interface ArtifactContentLabels extends JsonTreeLabels {
  artifactImageBlocked: string;
  artifactHtmlFrame: string;
}

/** `preview` renders HTML in its sandbox; `source` shows any kind as text. */
export type ArtifactContentView = 'preview' | 'source';

export interface ArtifactContentProps {
  kind: ArtifactKind;
  content: string;
  title: string;
  language?: string;
  labels: ArtifactContentLabels;
  /** @default 'preview' */
  view?: ArtifactContentView;
}

/** One version of an artifact, shown by kind; only HTML runs, and only inside a sandboxed frame. */
export function ArtifactContent({ kind, content, title, language, labels, view = 'preview' }: ArtifactContentProps) {
  if (view === 'source') return <SourceText content={content} language={kind === 'code' ? language : kind} />;
  switch (kind) {
    case 'markdown':
      return <MessageText text={content} />;
    case 'code':
      return <CodeBlock code={content} language={language} />;
    case 'json':
      return <JsonContent content={content} labels={labels} />;
    case 'image': {
      const src = safeImageSrc(content);
      if (src === null) return <p className="platos-artifact-note">{labels.artifactImageBlocked}</p>;
      return <img className="platos-artifact-image" src={src} alt={title} />;
    }
    case 'html':
      return <ArtifactHtmlFrame html={content} title={`${labels.artifactHtmlFrame}: ${title}`} />;
    default:
      return assertNever(kind);
  }
}

function SourceText({ content, language }: { content: string; language: string | undefined }) {
  return (
    <pre className="platos-artifact-code">
      <code className={language ? `language-${language}` : undefined}>{content}</code>
    </pre>
  );
}

/** A tree once the text parses; the text as it is while it does not (mid-stream or invalid). */
function JsonContent({ content, labels }: { content: string; labels: JsonTreeLabels }) {
  const parsed = useMemo(() => parseJsonText(content), [content]);
  if (parsed === undefined) return <SourceText content={content} language="json" />;
  return <JsonTree value={parsed.value} labels={labels} />;
}
