import { useLayoutEffect } from 'react';

const light = `
  --platos-devtools-bg: #ffffff;
  --platos-devtools-surface: #f4f6f8;
  --platos-devtools-fg: #1b1f24;
  --platos-devtools-muted: #57606a;
  --platos-devtools-border: #d0d7de;
  --platos-devtools-accent: #0b57d0;
  --platos-devtools-selected: #dde9fd;
  --platos-devtools-warning-bg: #fff5d6;
  --platos-devtools-warning-fg: #5c4300;
  color-scheme: light;`;

const dark = `
  --platos-devtools-bg: #16191d;
  --platos-devtools-surface: #1f2328;
  --platos-devtools-fg: #e6edf3;
  --platos-devtools-muted: #9da7b3;
  --platos-devtools-border: #3d444d;
  --platos-devtools-accent: #7cacf8;
  --platos-devtools-selected: #1f3a63;
  --platos-devtools-warning-bg: #3d3000;
  --platos-devtools-warning-fg: #f5dd8c;
  color-scheme: dark;`;

/**
 * The panel's rules. They are adopted as a constructed stylesheet, which a strict `style-src` does not block (an
 * injected `<style>` would need `'unsafe-inline'`), and nothing is added to the kit's stylesheet. Light by default,
 * dark when the system is, `data-theme="light" | "dark"` on the panel or an ancestor deciding otherwise.
 */
const rules = `
.platos-devtools { ${light}
  font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  color: var(--platos-devtools-fg);
  box-sizing: border-box;
  text-align: start;
}
.platos-devtools *, .platos-devtools *::before, .platos-devtools *::after { box-sizing: inherit; }
@media (prefers-color-scheme: dark) {
  .platos-devtools:not([data-theme='light'], [data-theme='light'] *) { ${dark} }
}
.platos-devtools[data-theme='dark'], [data-theme='dark'] .platos-devtools:not([data-theme='light']) { ${dark} }
.platos-devtools button, .platos-devtools select, .platos-devtools input { font: inherit; color: inherit; }
.platos-devtools button, .platos-devtools select, .platos-devtools input[type='search'] {
  background: var(--platos-devtools-surface);
  border: 1px solid var(--platos-devtools-border);
  border-radius: 4px;
  padding: 2px 8px;
}
.platos-devtools button:hover { border-color: var(--platos-devtools-accent); }
.platos-devtools button:disabled { opacity: 0.5; }
.platos-devtools :focus-visible { outline: 2px solid var(--platos-devtools-accent); outline-offset: 1px; }
.platos-devtools-launcher {
  position: fixed; left: 12px; bottom: 12px; z-index: 2147483000;
  background: var(--platos-devtools-bg);
  border: 1px solid var(--platos-devtools-border);
  border-radius: 999px;
  padding: 4px 12px;
  box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  cursor: pointer;
}
.platos-devtools-panel {
  position: fixed; z-index: 2147483000;
  display: flex; flex-direction: column;
  background: var(--platos-devtools-bg);
  border: 1px solid var(--platos-devtools-border);
  box-shadow: 0 -2px 12px rgb(0 0 0 / 0.15);
}
.platos-devtools-panel[data-position='bottom'] { left: 0; right: 0; bottom: 0; height: min(45vh, 520px); min-height: 240px; border-width: 1px 0 0; }
.platos-devtools-panel[data-position='floating'] {
  right: 16px; bottom: 16px; width: min(920px, calc(100vw - 32px)); height: min(70vh, 640px); border-radius: 8px; overflow: hidden;
}
.platos-devtools-header {
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px;
  padding: 4px 8px; border-bottom: 1px solid var(--platos-devtools-border); background: var(--platos-devtools-surface);
}
.platos-devtools-header h2 { font-size: 12px; margin: 0 8px 0 0; }
.platos-devtools-header [role='tablist'] { display: flex; gap: 2px; }
.platos-devtools-header [role='tab'] { border-color: transparent; background: transparent; }
.platos-devtools-header [role='tab'][aria-selected='true'] { border-color: var(--platos-devtools-accent); background: var(--platos-devtools-bg); }
.platos-devtools-spacer { flex: 1; }
.platos-devtools-body { flex: 1; min-height: 0; display: flex; flex-direction: column; }
.platos-devtools-notice {
  margin: 4px 8px; padding: 4px 8px; border-radius: 4px;
  background: var(--platos-devtools-warning-bg); color: var(--platos-devtools-warning-fg);
}
.platos-devtools-notice code { font-weight: bold; }
.platos-devtools-split { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
.platos-devtools-column { min-height: 0; min-width: 0; display: flex; flex-direction: column; border-right: 1px solid var(--platos-devtools-border); }
.platos-devtools-column:last-child { border-right: 0; }
.platos-devtools-column h3 { font-size: 12px; margin: 0; padding: 4px 8px; color: var(--platos-devtools-muted); font-weight: normal; }
.platos-devtools-filters { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 4px 8px; border-bottom: 1px solid var(--platos-devtools-border); }
.platos-devtools-filters details { position: relative; }
.platos-devtools-filters input[type='search'] { width: 28ch; }
.platos-devtools-filters summary { cursor: pointer; }
.platos-devtools-types {
  position: absolute; z-index: 1; top: 100%; left: 0; margin: 2px 0 0; padding: 6px 8px;
  display: grid; grid-template-columns: repeat(2, max-content); gap: 2px 12px;
  background: var(--platos-devtools-bg); border: 1px solid var(--platos-devtools-border); border-radius: 4px;
  box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
}
.platos-devtools-types legend { padding: 0; float: left; grid-column: 1 / -1; color: var(--platos-devtools-muted); }
.platos-devtools-list { flex: 1; min-height: 0; overflow: auto; outline-offset: -2px !important; }
.platos-devtools-row {
  position: absolute; left: 0; right: 0; height: 22px; padding: 0 8px;
  display: grid; grid-template-columns: 12ch 16ch 8ch minmax(0, 1fr); gap: 8px; align-items: center;
  white-space: nowrap; cursor: default;
}
.platos-devtools-row > span { overflow: hidden; text-overflow: ellipsis; }
.platos-devtools-row[aria-selected='true'] { background: var(--platos-devtools-selected); }
.platos-devtools-row:hover { background: var(--platos-devtools-surface); }
.platos-devtools-muted { color: var(--platos-devtools-muted); }
.platos-devtools-scroll { flex: 1; min-height: 0; overflow: auto; padding: 4px 8px; }
.platos-devtools-json { margin: 0; white-space: pre-wrap; word-break: break-word; }
.platos-devtools-scrubber { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 6px 8px; border-bottom: 1px solid var(--platos-devtools-border); }
.platos-devtools-scrubber input[type='range'] { flex: 1; min-width: 160px; accent-color: var(--platos-devtools-accent); }
.platos-devtools-counts { margin: 0 0 6px; }
.platos-devtools-view { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.platos-devtools-view > li { border-left: 3px solid var(--platos-devtools-border); padding-left: 6px; }
.platos-devtools-view > li[data-role='user'] { border-left-color: var(--platos-devtools-accent); }
.platos-devtools-view ul { margin: 2px 0 0; padding-left: 16px; }
.platos-devtools-text { white-space: pre-wrap; word-break: break-word; }
.platos-devtools-table { border-collapse: collapse; }
.platos-devtools-table th, .platos-devtools-table td { text-align: left; padding: 1px 8px 1px 0; vertical-align: top; font-weight: normal; }
.platos-devtools-table th { color: var(--platos-devtools-muted); }
.platos-devtools-sections { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 8px 24px; }
.platos-devtools-sections h3 { font-size: 12px; margin: 4px 0; }
`;

let sheet: CSSStyleSheet | null = null;
let users = 0;

/** Adopts the panel's stylesheet into the document while at least one devtools part is mounted. */
export function useDevtoolsStylesheet(): void {
  // Before the first paint, so the launcher never shows unstyled.
  useLayoutEffect(() => {
    if (typeof document === 'undefined' || !('adoptedStyleSheets' in document)) return;
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(rules);
    }
    const adopted = sheet;
    users += 1;
    if (!document.adoptedStyleSheets.includes(adopted)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, adopted];
    return () => {
      users -= 1;
      if (users === 0) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((other) => other !== adopted);
    };
  }, []);
}
