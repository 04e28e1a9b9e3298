import { useContext } from 'react';
import { PlatosContext, type PlatosContextValue } from './platos-context.js';

export function usePlatosContext(hookName: string): PlatosContextValue {
  const value = useContext(PlatosContext);
  if (!value) throw new Error(`${hookName} must be used inside a <PlatosProvider>.`);
  return value;
}
