import { PlatosChat } from '@platosdev/client/react';

// Deliberately wrong: PlatosChat has no `notAProp`. Typechecking this file must fail (tsconfig.wrong-prop.*.json);
// if it passes, the package's types resolved to `any` for this module resolution mode.
export const WrongProp = () => <PlatosChat threadId="t1" notAProp />;
