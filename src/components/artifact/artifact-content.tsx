import { useMemo } from 'react';
import type { ArtifactKind } from '../../protocol/index.js';
import type { ArtifactHtmlLabels, ArtifactHtmlPreviewProps } from './artifact-html-preview.js';
import { assertNever } from '../shared/assert-never.js';
import { lazyPart } from '../shared/lazy-part.js';
import type { JsonTreeLabels } from '../tool-call/json-tree-labels.js';
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

/** What the preview's box shows while its code (frame, HTML and CSS sanitizer) loads: the same box, so nothing moves. */
function HtmlPreviewLoading({ labels }: ArtifactHtmlPreviewProps) {
  return (
    <div className="platos-artifact-html" data-state="loading" aria-busy="true">
      <p className="platos-artifact-note platos-artifact-loading">{labels.artifactPreviewLoading}</p>
    </div>
  );
}

/** Only HTML artifacts need the frame and the sanitizer: they load with the first one. */
export const artifactHtmlPreview = lazyPart<ArtifactHtmlPreviewProps>(
  () => import('./artifact-html-preview.js').then((module) => module.ArtifactHtmlPreview),
  HtmlPreviewLoading,
);
const ArtifactHtmlPreview = artifactHtmlPreview.Component;

interface JsonPreviewProps {
  content: string;
  value: unknown;
  labels: JsonTreeLabels;
}

/** The tree loads with the first JSON artifact; until then the JSON shows as text, as it does while it streams. */
export const artifactJsonTree = lazyPart<JsonPreviewProps>(
  () =>
    import('../tool-call/json-tree.js').then(({ JsonTree }) =>
      function JsonPreviewTree({ value, labels }: JsonPreviewProps) {
        return <JsonTree value={value} labels={labels} />;
      },
    ),
  ({ content }) => <SourceText content={content} language="json" />,
);
const JsonPreview = artifactJsonTree.Component;

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
    <pre className="platos-artifact-code" tabIndex={0} dir="ltr">
      <code className={language ? `language-${language}` : undefined}>{content}</code>
    </pre>
  );
}

/** A tree once the text parses; the text as it is while it does not (mid-stream or invalid). */
function JsonContent({ content, labels }: { content: string; labels: JsonTreeLabels }) {
  const parsed = useMemo(() => parseJsonText(content), [content]);
  if (parsed === undefined) return <SourceText content={content} language="json" />;
  return <JsonPreview content={content} value={parsed.value} labels={labels} />;
}

/** Parses JSON text; `undefined` while it does not parse (e.g. mid-stream). */
function parseJsonText(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}
