import { useContext, useLayoutEffect, useReducer, useState } from 'react';
import { Virtualizer, elementScroll, observeElementOffset, type VirtualizerOptions } from '@tanstack/react-virtual';
import { PlatosContext } from '../../react/platos-context.js';
import { useFrameRerender } from '../../react/use-frame-state.js';

export type FrameVirtualizerOptions = Omit<VirtualizerOptions<HTMLElement, Element>, 'onChange' | 'scrollToFn' | 'observeElementOffset'>;

export interface FrameVirtualizer {
  virtualizer: Virtualizer<HTMLElement, Element>;
  /** The ref of the element whose height is the list's total size. */
  containerRef(node: HTMLElement | null): void;
  /** The ref of each row: measures it and keeps its position. */
  measureRow(node: Element | null): void;
}

/**
 * A virtualizer that does not commit on its own while a thread streams. Measurements, scrolling and following write
 * row positions and the total height straight to the DOM; only a change of the rendered rows re-renders, and that
 * render joins the next frame's store update. (`useVirtualizer` re-renders, often with `flushSync`, on every
 * measurement and scroll.) While the list opens (until two frames after its first rows) it re-renders at once
 * instead, so the rows it opens at show in the first painted frame rather than one frame late.
 */
export function useFrameVirtualizer(options: FrameVirtualizerOptions): FrameVirtualizer {
  const rerenderInFrame = useFrameRerender();
  const [, rerenderNow] = useReducer((version: number) => version + 1, 0);
  const store = useContext(PlatosContext)?.store;
  const [parts] = useState(() => createParts(options));
  const [opening] = useState(() => ({ open: true, closing: false }));
  parts.rerender = opening.open || !store ? rerenderNow : rerenderInFrame;
  parts.setOptions(options);
  // Noted while rendering: the rows measure themselves (ref callbacks) before this component's layout effects run.
  parts.noteRenderedRows();
  useLayoutEffect(() => parts.virtualizer._didMount(), [parts]);
  useLayoutEffect(() => {
    parts.rendered();
    if (store && options.count > 0 && !opening.closing) {
      opening.closing = true;
      store.onNextFrame(() => store.onNextFrame(() => (opening.open = false)));
    }
    return parts.virtualizer._willUpdate();
  });
  return parts;
}

function createParts(initialOptions: FrameVirtualizerOptions) {
  let container: HTMLElement | null = null;
  let renderedRows: string | null = null;
  // The rows the range extractor picks, not the raw range: a short list renders every row whatever the range.
  const rowsKey = () => {
    const items = virtualizer.getVirtualItems();
    return items.length === 0 ? '' : `${items[0]!.index}:${items.at(-1)!.index}:${items.length}`;
  };
  // What was last written, so a scroll or measurement that moved nothing writes nothing (this runs every frame).
  // After a render everything is written again: React may have set the style props it computed.
  let writtenHeight = -1;
  let writtenStarts = new WeakMap<HTMLElement, number>();
  const applyPositions = (force = false) => {
    if (force) {
      writtenHeight = -1;
      writtenStarts = new WeakMap();
    }
    const height = virtualizer.getTotalSize();
    if (container && height !== writtenHeight) {
      writtenHeight = height;
      container.style.height = `${height}px`;
    }
    for (const item of virtualizer.getVirtualItems()) {
      const row = virtualizer.elementsCache.get(item.key);
      if (!(row instanceof HTMLElement) || writtenStarts.get(row) === item.start) continue;
      writtenStarts.set(row, item.start);
      row.style.transform = `translateY(${item.start}px)`;
    }
  };
  const resolve = (options: FrameVirtualizerOptions): VirtualizerOptions<HTMLElement, Element> => ({
    ...options,
    scrollToFn: elementScroll,
    observeElementOffset,
    onChange() {
      applyPositions(false);
      const rows = rowsKey();
      if (rows === renderedRows) return;
      renderedRows = rows;
      parts.rerender();
    },
  });
  const virtualizer = new Virtualizer<HTMLElement, Element>(resolve(initialOptions));
  const parts = {
    virtualizer,
    rerender: () => {},
    setOptions: (options: FrameVirtualizerOptions) => virtualizer.setOptions(resolve(options)),
    noteRenderedRows() {
      renderedRows = rowsKey();
    },
    /** After a render: its positions are in the DOM. */
    rendered: () => applyPositions(true),
    containerRef(node: HTMLElement | null) {
      container = node;
      if (node) applyPositions(true);
    },
    measureRow: (node: Element | null) => virtualizer.measureElement(node),
  };
  return parts;
}
