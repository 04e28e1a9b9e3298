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
import { toolCallCardLabels } from '../tool-call/tool-call-card.js';
import { connectionStatusLabels } from './connection-status.js';
import { errorBannerLabels } from './error-banner.js';
import { platosChatLabels } from './platos-chat.js';

/**
 * Every text the components show, by key, in English. Override any of them with `<PlatosChat labels>`; `{name}`
 * placeholders are filled in by the component.
 */
export const platosLabels = {
  ...platosChatLabels,
  ...connectionStatusLabels,
  ...errorBannerLabels,
  ...composerLabels,
  ...messageListLabels,
  ...messageLabels,
  ...messageFooterLabels,
  ...pendingMessageLabels,
  ...codeBlockLabels,
  ...toolCallCardLabels,
  ...artifactLabels,
  ...approvalPromptLabels,
  ...approvalCountdownLabels,
  ...runLabels,
  ...stepMarkerLabels,
  ...memoryNoteLabels,
  ...errorNoteLabels,
  ...imageLabels,
  ...linkLabels,
} as const;

export type PlatosLabelKey = keyof typeof platosLabels;

/** Texts by key: `<PlatosChat labels>` takes any subset; a key that does not exist is a type error. */
export type PlatosLabels = { readonly [K in PlatosLabelKey]: string };
