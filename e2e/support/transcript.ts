import type { Page } from '@playwright/test';

/** Text as a reader sees it: markdown syntax (list numbers, fence info, link targets) gone, every letter and digit kept in order. */
export const readable = (text: string) =>
  text
    .replace(/^\s*\d+[.)]\s/gm, '')
    .replace(/^```\S*$/gm, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[^\p{L}\p{N}]/gu, '');

/** One rendered part of an assistant message, as plain data. */
export type RenderedPart =
  | { kind: 'text'; text: string }
  | { kind: 'tool-call'; name: string; state: string | null; args: string; result: string; error: string }
  | { kind: 'artifact'; title: string; version: string; body: string }
  | { kind: 'approval'; label: string | null; state: string | null; status: string }
  | { kind: 'run'; label: string; state: string | null; percent: string | null }
  | { kind: 'step'; title: string; state: string | null; detail: string }
  | { kind: 'memory'; memoryKind: string | null; text: string }
  | { kind: 'error'; state: string | null; text: string }
  | { kind: 'other'; className: string; text: string };

export type RenderedMessage =
  | { role: 'user'; state: string | null; text: string }
  | { role: 'assistant'; state: string | null; busy: boolean; finish: string | null; tokens: string | null; parts: RenderedPart[] };

/**
 * The chat as the user sees it, in order: user messages (sent and pending) and assistant messages with their parts.
 * Durations are left out (they differ between runs); markdown text goes through `readable`.
 */
export async function renderedTranscript(page: Page): Promise<RenderedMessage[]> {
  const raw = await page.locator('.platos-message-list').evaluate((list) => {
    const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
    // The real host the chat shows after a link whose text does not name it is the chat's, not the model's text.
    const markdownText = (element: Element) => {
      const copy = element.cloneNode(true) as Element;
      for (const host of copy.querySelectorAll('.platos-link-host')) host.remove();
      return copy.textContent ?? '';
    };
    const partOf = (element: Element) => {
      const has = (name: string) => element.classList.contains(name);
      if (has('platos-markdown')) return { kind: 'text', text: markdownText(element) };
      if (has('platos-tool-call'))
        return {
          kind: 'tool-call',
          name: text(element.querySelector('.platos-tool-call-name')),
          state: element.getAttribute('data-state'),
          args: text(element.querySelector('.platos-tool-call-args')),
          result: text(element.querySelector('.platos-tool-call-result')),
          error: text(element.querySelector('.platos-tool-call-error')),
        };
      if (has('platos-artifact'))
        return {
          kind: 'artifact',
          title: text(element.querySelector('.platos-artifact-title')),
          version: text(element.querySelector('.platos-artifact-version')),
          body: text(element.querySelector('.platos-artifact-body')),
        };
      if (has('platos-approval'))
        return {
          kind: 'approval',
          label: element.getAttribute('aria-label'),
          state: element.getAttribute('data-state'),
          status: text(element.querySelector('.platos-approval-status')),
        };
      if (has('platos-run'))
        return {
          kind: 'run',
          label: text(element.querySelector('.platos-run-label')),
          state: element.getAttribute('data-state'),
          percent: element.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? null,
        };
      if (has('platos-step'))
        return {
          kind: 'step',
          title: text(element.querySelector('.platos-step-title')),
          state: element.getAttribute('data-state'),
          detail: text(element.querySelector('.platos-step-detail')),
        };
      if (has('platos-memory')) return { kind: 'memory', memoryKind: element.getAttribute('data-kind'), text: text(element) };
      if (has('platos-error-note')) return { kind: 'error', state: element.getAttribute('data-state'), text: text(element) };
      return { kind: 'other', className: element.className, text: text(element) };
    };
    return [...list.querySelectorAll('.platos-message-list-item > article')].map((article) => {
      if (article.getAttribute('data-role') === 'user')
        return { role: 'user', state: article.getAttribute('data-state'), text: text(article.querySelector('.platos-message-bubble')) };
      const footer = article.querySelector('.platos-message-footer');
      return {
        role: 'assistant',
        state: article.getAttribute('data-state'),
        busy: article.getAttribute('aria-busy') === 'true',
        finish: footer?.getAttribute('data-state') ?? null,
        tokens: /(\d+) tokens/.exec(text(footer))?.[1] ?? null,
        parts: [...article.querySelectorAll('.platos-message-body > *')].map(partOf),
      };
    });
  });
  return (raw as RenderedMessage[]).map((message) =>
    message.role === 'user'
      ? message
      : { ...message, parts: message.parts.map((part) => (part.kind === 'text' ? { kind: 'text', text: readable(part.text) } : part)) },
  );
}

/** All assistant text of the transcript, joined and made readable. */
export const assistantText = (transcript: RenderedMessage[]) =>
  transcript
    .flatMap((message) => (message.role === 'assistant' ? message.parts : []))
    .map((part) => (part.kind === 'text' ? part.text : ''))
    .join('');
