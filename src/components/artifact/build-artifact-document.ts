import { sanitizeArtifactDocument, type ArtifactRemoval } from './sanitize-artifact-document.js';

/**
 * What an artifact document may load: nothing from the network. Styles and images only inline or as data: URLs,
 * no frames, plugins, workers or connections (all fall back to `default-src 'none'`), no form targets, no `<base>`.
 */
export const artifactCsp = "default-src 'none'; img-src data:; media-src data:; font-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

/** The same, with the artifact's inline scripts and event handlers allowed (no `eval`, no script URLs). */
export const artifactCspWithScripts = `${artifactCsp}; script-src 'unsafe-inline'`;

export interface ArtifactDocumentOptions {
  /** The frame's title, written into `<title>` as text. */
  title: string;
  /** The chat's language, written as `lang` on `<html>`. */
  lang: string;
  /** Whether the artifact's scripts stay in the document and the CSP allows inline scripts. */
  scripts: boolean;
}

export interface ArtifactDocument {
  /** A whole document: `<!doctype html>`, the header below, then the artifact's sanitized head and body. */
  html: string;
  /** What was taken out of the artifact, each kind once, in the order first met. */
  removed: readonly ArtifactRemoval[];
}

/** Parsing what was serialized must give the same markup; markup that keeps changing is not shown at all. */
const maxRoundTrips = 4;

/**
 * The artifact's HTML parsed (never concatenated) into a new document whose head starts with the CSP, before any
 * of the artifact's markup: the CSP, `x-dns-prefetch-control: off`, charset, viewport, the title, and
 * `referrer: no-referrer`. What could make a request without a script is removed (see `sanitizeArtifactDocument`).
 * @example
 * frame.srcdoc = buildArtifactDocument(model.html, { title: 'Preview', lang: 'en', scripts: false }).html;
 */
export function buildArtifactDocument(html: string, { title, lang, scripts }: ArtifactDocumentOptions): ArtifactDocument {
  const parser = new DOMParser();
  const removed = new Set<ArtifactRemoval>();
  let parsed = parser.parseFromString(html, 'text/html');
  let markup = '';
  // The frame parses the serialized markup again: a tree that re-parses differently (mutation through
  // misnested or foreign content) could bring back what was removed, so sanitize until a round trip is stable.
  for (let trip = 0; ; trip += 1) {
    for (const removal of sanitizeArtifactDocument(parsed, { scripts })) removed.add(removal);
    const serialized = parsed.documentElement.outerHTML;
    if (serialized === markup) break;
    if (trip === maxRoundTrips) {
      removed.add('unstable-markup');
      parsed = parser.parseFromString('', 'text/html');
      break;
    }
    markup = serialized;
    parsed = parser.parseFromString(`<!doctype html>${serialized}`, 'text/html');
  }
  writeHeader(parsed, { title, lang, scripts });
  return { html: `<!doctype html>${parsed.documentElement.outerHTML}`, removed: [...removed] };
}

function writeHeader(document: Document, { title, lang, scripts }: ArtifactDocumentOptions) {
  const root = document.documentElement;
  for (const name of root.getAttributeNames()) root.removeAttribute(name);
  root.setAttribute('lang', lang);
  const meta = (attributes: Record<string, string>) => {
    const element = document.createElement('meta');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return element;
  };
  const titleElement = document.createElement('title');
  titleElement.textContent = title;
  document.head.prepend(
    meta({ 'http-equiv': 'Content-Security-Policy', content: scripts ? artifactCspWithScripts : artifactCsp }),
    meta({ 'http-equiv': 'x-dns-prefetch-control', content: 'off' }),
    meta({ charset: 'utf-8' }),
    meta({ name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    titleElement,
    meta({ name: 'referrer', content: 'no-referrer' }),
  );
}
