import { describe, expect, it } from 'vitest';
import { approvalCountdownLabels, approvalPromptLabels } from '../approval/approval-labels.js';
import { artifactLabels } from '../artifact/artifact-view.js';
import { composerLabels } from '../composer/composer.js';
import { codeBlockLabels } from '../markdown/code-block.js';
import { messageLabels } from '../message/message.js';
import { messageFooterLabels } from '../message/message-footer.js';
import { messageListLabels } from '../message/message-list.js';
import { pendingMessageLabels } from '../message/pending-message.js';
import { errorNoteLabels } from '../notes/error-note.js';
import { memoryNoteLabels } from '../notes/memory-note.js';
import { stepMarkerLabels } from '../notes/step-marker.js';
import { linkLabels } from '../policy/link-confirm.js';
import { imageLabels } from '../policy/policed-image.js';
import { runLabels } from '../run/run-bar.js';
import { jsonTreeLabels } from '../tool-call/json-tree.js';
import { toolCallCardLabels } from '../tool-call/tool-call-card.js';
import { connectionStatusLabels } from './connection-status.js';
import { errorBannerLabels } from './error-banner.js';
import { platosChatLabels } from './platos-chat.js';
import type { ChatLabels } from './chat-customization.js';
import { platosLabels } from './platos-labels.js';

const sources: Record<string, Readonly<Record<string, string>>> = {
  platosChatLabels, connectionStatusLabels, errorBannerLabels, composerLabels, messageListLabels, messageLabels,
  messageFooterLabels, pendingMessageLabels, codeBlockLabels, toolCallCardLabels, jsonTreeLabels, artifactLabels,
  approvalPromptLabels, approvalCountdownLabels, runLabels, stepMarkerLabels, memoryNoteLabels, errorNoteLabels,
  imageLabels, linkLabels,
};

describe('platosLabels', () => {
  it('holds every component default, and no key means two different texts', () => {
    const meanings = new Map<string, Set<string>>();
    for (const labels of Object.values(sources)) {
      for (const [key, text] of Object.entries(labels)) meanings.set(key, (meanings.get(key) ?? new Set()).add(text));
    }
    const ambiguous = [...meanings].filter(([, texts]) => texts.size > 1).map(([key]) => key);
    expect(ambiguous).toEqual([]);
    expect(Object.keys(platosLabels).sort()).toEqual([...meanings.keys()].sort());
    for (const [key, texts] of meanings) expect(platosLabels[key as keyof typeof platosLabels]).toBe([...texts][0]);
  });
});

describe('ChatLabels', () => {
  it('is a subset of the known keys, so a mistyped key fails to compile', () => {
    const overrides: ChatLabels = { chatTitle: 'Hilfe' };
    // @ts-expect-error: "chatTitel" is not a label key
    const mistyped: ChatLabels = { chatTitel: 'Hilfe' };
    expect({ ...platosLabels, ...overrides }.chatTitle).toBe('Hilfe');
    expect(Object.keys(mistyped)).toEqual(['chatTitel']);
  });
});
