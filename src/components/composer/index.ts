// The composer, exported as `Composer` from `@platosdev/client/react`.
export { Composer as Root, type ComposerProps as RootProps } from './composer.js';
