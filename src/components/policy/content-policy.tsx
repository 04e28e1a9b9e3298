import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { ImageGateContext, useImageGateFor } from './image-gate.js';

/**
 * Where images in model output may load from. Anything else shows a placeholder with its host and a
 * "Load image" button: model output never makes the browser contact a host the app did not allow.
 */
export interface ImagePolicy {
  /**
   * URL prefixes, each a whole origin plus a path ending in `/` (`'https://cdn.example.com/img/'`), or a function of
   * the parsed URL. `data:image/*` (not SVG) is always allowed. An entry that is not an http(s) origin plus a path
   * ending in `/`, written as the URL parser writes it, throws when the provider renders.
   * @default []
   */
  allow?: readonly string[] | ((url: URL) => boolean);
  /** `'ask'` offers a "Load image" button on a blocked image; `'never'` offers nothing. @default 'ask' */
  blocked?: 'ask' | 'never';
  /**
   * Where a user's "load images from this host" is kept: `'page'` in this provider (this chat) until the page unloads;
   * `'session'` also in sessionStorage (`platos:image-origins`), so chats of this tab find it after a reload.
   * @default 'page'
   */
  remember?: 'page' | 'session';
}

/** How links in model output open. */
export interface LinkPolicy {
  /** `'external'` asks before opening any link (showing its real address); a function decides per URL. @default 'never' */
  confirm?: 'never' | 'external' | ((url: URL) => boolean);
}

/** Whether scripts in an HTML artifact run: on the user's click (`'ask'`), always, or never. */
export type ArtifactScripts = 'ask' | 'always' | 'never';

export interface ArtifactPolicy {
  html?: {
    /** @default 'ask' */
    scripts?: ArtifactScripts;
  };
}

export interface ContentPolicy {
  images: ImagePolicy;
  links: LinkPolicy;
  artifacts: ArtifactPolicy;
  /**
   * An origin of the app's own that serves the artifact sandbox page; HTML artifacts load from there instead of
   * `srcdoc`, so a page CSP does not reach into them and their scripts cannot navigate anywhere the page cares about.
   */
  artifactOrigin?: string;
}

const defaultContentPolicy: ContentPolicy = { images: {}, links: {}, artifacts: {} };

const ContentPolicyContext = createContext<ContentPolicy>(defaultContentPolicy);

export interface ContentPolicyProviderProps {
  imagePolicy?: ImagePolicy;
  linkPolicy?: LinkPolicy;
  artifacts?: ArtifactPolicy;
  artifactOrigin?: string;
  children?: ReactNode;
}

/**
 * What model output may do in the components below: which image hosts load, whether links ask first, whether
 * artifact scripts run. Without it, no image from a foreign host loads and artifact scripts run only on a click.
 * @example
 * <ContentPolicyProvider imagePolicy={{ allow: ['https://cdn.example.com/img/'] }}>…</ContentPolicyProvider>
 */
export function ContentPolicyProvider({ imagePolicy, linkPolicy, artifacts, artifactOrigin, children }: ContentPolicyProviderProps) {
  const value = useMemo<ContentPolicy>(
    () => ({
      images: imagePolicy ?? defaultContentPolicy.images,
      links: linkPolicy ?? defaultContentPolicy.links,
      artifacts: artifacts ?? defaultContentPolicy.artifacts,
      ...(artifactOrigin === undefined ? {} : { artifactOrigin }),
    }),
    [imagePolicy, linkPolicy, artifacts, artifactOrigin],
  );
  const imageGate = useImageGateFor(value.images);
  return (
    <ContentPolicyContext.Provider value={value}>
      <ImageGateContext.Provider value={imageGate}>{children}</ImageGateContext.Provider>
    </ContentPolicyContext.Provider>
  );
}

export function useContentPolicy(): ContentPolicy {
  return useContext(ContentPolicyContext);
}
