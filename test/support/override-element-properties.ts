/**
 * Defines properties on `HTMLElement.prototype` (jsdom has no layout, so tests give elements sizes and scrolling);
 * returns the function that puts back what was there.
 */
export function overrideElementProperties(properties: Record<string, PropertyDescriptor>): () => void {
  const restore: (() => void)[] = [];
  for (const [name, descriptor] of Object.entries(properties)) {
    const previous = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name);
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, ...descriptor });
    restore.push(() => {
      if (previous) Object.defineProperty(HTMLElement.prototype, name, previous);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
    });
  }
  return () => restore.forEach((undo) => undo());
}

/**
 * A message list's scroller without layout: its height is the rows container's `style.height` (which the
 * virtualizer writes), and `scrollTo` scrolls and fires `scroll`.
 */
export const messageListScrolling: Record<string, PropertyDescriptor> = {
  scrollHeight: {
    get(this: HTMLElement) {
      const items = this.querySelector<HTMLElement>('.platos-message-list-items');
      return items ? Number.parseFloat(items.style.height) || 0 : 0;
    },
  },
  scrollTo: {
    value(this: HTMLElement, options: ScrollToOptions) {
      if (options.top !== undefined) this.scrollTop = options.top;
      this.dispatchEvent(new Event('scroll'));
    },
  },
};
