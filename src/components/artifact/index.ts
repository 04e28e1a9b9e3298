// The artifact family, exported as `Artifact` from `@platosdev/client/react`.
export { ArtifactView as View, type ArtifactViewProps as ViewProps } from './artifact-view.js';
export { artifactSandboxPageHtml as sandboxPageHtml, artifactSandboxPageUrl as sandboxPageUrl } from './artifact-sandbox-page.js';
