import { useMemo } from 'react';
import type { ArtifactKind } from '../../protocol/index.js';
import { ArtifactHtmlPreview, type ArtifactHtmlLabels } from './artifact-html-preview.js';
import { assertNever } from '../shared/assert-never.js';
import { JsonTree, parseJsonText, type JsonTreeLabels } from '../tool-call/json-tree.js';
import { CodeBlock } from '../markdown/code-block.js';
import { MessageText } from '../message/message-text.js';
import { PolicedImage } from '../policy/policed-image.js';

export type ArtifactContentLabels = JsonTreeLabels & ArtifactHtmlLabels;

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
    case 'image':
      return <PolicedImage className="platos-artifact-image" src={content} alt={title} />;
    case 'html':
      return <ArtifactHtmlPreview html={content} title={title} labels={labels} />;
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
