import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientStorage } from '../client/types.js';
import { usePlatosClient } from './use-platos-client.js';

const SAVE_DELAY_MS = 300;

export const draftKey = (threadId: string) => `draft:${threadId}`;

/**
 * The unsent text of a thread's composer, kept in the client's storage so it survives a reload: read when the
 * thread opens, saved 300 ms after the last change (and when the page goes away), deleted by `clear` after a send.
 * What the user types before the saved draft was read wins over it.
 * @example const [draft, setDraft, clearDraft] = useDraft('thread-1');
 */
export function useDraft(threadId: string): [text: string, setText: (text: string) => void, clear: () => void] {
  const { storage } = usePlatosClient();
  // Keyed by thread, so another thread's text never shows for a render and opening a thread needs no reset.
  const [draft, setDraft] = useState({ threadId, text: '' });
  const text = draft.threadId === threadId ? draft.text : '';
  const typedSinceOpen = useRef(false);
  const pendingSave = useRef<{ timer: ReturnType<typeof setTimeout>; save: () => void } | null>(null);

  const savePending = useCallback(() => {
    const pending = pendingSave.current;
    if (!pending) return;
    clearTimeout(pending.timer);
    pendingSave.current = null;
    pending.save();
  }, []);

  useEffect(() => {
    let open = true;
    typedSinceOpen.current = false;
    storage.get<unknown>(draftKey(threadId)).then(
      (saved) => {
        if (open && !typedSinceOpen.current && typeof saved === 'string') setDraft({ threadId, text: saved });
      },
      () => {},
    );
    const onPageHide = () => savePending();
    globalThis.addEventListener?.('pagehide', onPageHide);
    return () => {
      open = false;
      globalThis.removeEventListener?.('pagehide', onPageHide);
      savePending();
    };
  }, [storage, threadId, savePending]);

  const setText = useCallback(
    (next: string) => {
      typedSinceOpen.current = true;
      setDraft({ threadId, text: next });
      if (pendingSave.current) clearTimeout(pendingSave.current.timer);
      const save = () => writeDraft(storage, threadId, next);
      pendingSave.current = { timer: setTimeout(savePending, SAVE_DELAY_MS), save };
    },
    [storage, threadId, savePending],
  );

  const clear = useCallback(() => {
    typedSinceOpen.current = true;
    setDraft({ threadId, text: '' });
    if (pendingSave.current) clearTimeout(pendingSave.current.timer);
    pendingSave.current = null;
    writeDraft(storage, threadId, '');
  }, [storage, threadId]);

  return [text, setText, clear];
}

function writeDraft(storage: ClientStorage, threadId: string, text: string): void {
  const written = text === '' ? storage.delete(draftKey(threadId)) : storage.set(draftKey(threadId), text);
  written.catch(() => {});
}
