// What model output may load and open, exported as `Policy` from `@platosdev/client/react`.
export {
  ContentPolicyProvider as Provider,
  useContentPolicy,
  type ContentPolicyProviderProps as ProviderProps,
  type ContentPolicy,
  type ImagePolicy,
  type LinkPolicy,
  type ArtifactPolicy,
  type ArtifactScripts,
} from './content-policy.js';
export { isImageUrlAllowed } from './image-allow-list.js';
export { PolicedImage as Image, type PolicedImageProps as ImageProps } from './policed-image.js';
export { SafeLink as Link, type SafeLinkProps as LinkProps } from './safe-link.js';
