import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { PlatosClient } from '../client/types.js';
import { PlatosContext } from '../react/platos-context.js';
import type { ReadonlyPlatosStore } from '../store/types.js';
import { DevtoolsPanel, type DevtoolsPosition } from './devtools-panel.js';
import { useDevtoolsStylesheet } from './devtools-stylesheet.js';
import { matchesShortcut, parseShortcut } from './shortcut.js';
import { useSessionRecording } from './use-session-recording.js';

export interface PlatosDevtoolsProps {
  /** The client to inspect; the nearest PlatosProvider's by default. */
  client?: PlatosClient;
  /** The store whose threads it shows; the nearest PlatosProvider's (when it has the same client) by default. */
  store?: ReadonlyPlatosStore;
  /** @default false */
  defaultOpen?: boolean;
  /** Docked along the bottom of the window, or a floating window in its corner. @default 'bottom' */
  position?: DevtoolsPosition;
  /**
   * The keys that open and close the panel: modifiers (`Alt`, `Shift`, `Ctrl`, `Meta`, or `Mod`, which is ⌘ on Apple
   * systems and Ctrl elsewhere) and a key, joined with `+`. `null` turns the shortcut off.
   * @default 'Alt+Shift+D'
   */
  shortcut?: string | null;
  /**
   * Records the client's session from mount on, for "Download cassette". While the panel is closed that costs one
   * array push per received frame and nothing else. Without it the cassette is made from the store's event logs.
   * @default true
   */
  record?: boolean;
  /** The thread shown first; the one with the most events by default. */
  threadId?: string;
  /** Follows the system (or a `data-theme` on an ancestor) unless set. */
  theme?: 'light' | 'dark';
}

/**
 * An event inspector for development: every event each thread applied, filtered; the thread's view at any past event
 * beside the live one; the client's counters, connection history and outbox; and the session as a cassette. Closed,
 * it is a small launcher button and holds no store subscription: store updates do not render it.
 * @example
 * <PlatosProvider client={client}>
 *   <PlatosChat threadId="t1" />
 *   {import.meta.env.DEV && <PlatosDevtools />}
 * </PlatosProvider>
 */
export function PlatosDevtools({ client: givenClient, store: givenStore, defaultOpen = false, position = 'bottom', shortcut = 'Alt+Shift+D', record = true, threadId, theme }: PlatosDevtoolsProps) {
  const context = useContext(PlatosContext);
  const client = givenClient ?? context?.client ?? null;
  const store = givenStore ?? (context && (!givenClient || givenClient === context.client) ? context.store : null);
  if (!client && !store) throw new Error('<PlatosDevtools> needs a client or a store: pass one, or mount it inside a <PlatosProvider>.');

  useDevtoolsStylesheet();
  const recording = useSessionRecording(record ? client : null);
  const [open, setOpen] = useState(defaultOpen);
  const openedByUser = useRef(false);
  const launcherRef = useRef<HTMLButtonElement>(null);
  const focusLauncher = useRef(false);
  const parsedShortcut = useMemo(() => (shortcut ? parseShortcut(shortcut) : null), [shortcut]);

  const toggle = () => {
    openedByUser.current = true;
    // Focus was in the panel: it goes back to the launcher rather than to the start of the page.
    if (open) focusLauncher.current = document.activeElement?.closest('.platos-devtools-panel') != null;
    setOpen(!open);
  };
  const toggleRef = useRef(toggle);
  toggleRef.current = toggle;

  useEffect(() => {
    if (!parsedShortcut) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || !matchesShortcut(event, parsedShortcut)) return;
      event.preventDefault();
      toggleRef.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [parsedShortcut]);

  useEffect(() => {
    if (open || !focusLauncher.current) return;
    focusLauncher.current = false;
    launcherRef.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <button
        ref={launcherRef}
        type="button"
        className="platos-devtools platos-devtools-launcher"
        data-theme={theme}
        aria-expanded={false}
        aria-keyshortcuts={parsedShortcut?.aria}
        title={parsedShortcut ? `Platos devtools (${parsedShortcut.aria})` : 'Platos devtools'}
        onClick={toggle}
      >
        Platos devtools
      </button>
    );
  }
  return (
    <DevtoolsPanel
      client={client}
      store={store}
      recording={recording}
      position={position}
      theme={theme}
      initialThreadId={threadId}
      takeFocus={openedByUser.current}
      shortcutLabel={parsedShortcut?.aria}
      onClose={toggle}
    />
  );
}
