import { useEffect, useId, useRef } from 'react';
import { useLabels } from '../chat/chat-customization.js';

/** Labels of SafeLink's confirmation, overridable through `<PlatosChat labels>`. */
export const linkLabels = {
  linkConfirmPrompt: 'Open this link?',
  linkOpen: 'Open link',
  linkCancel: 'Cancel',
} as const;

export interface LinkConfirmProps {
  url: URL;
  onOpen: () => void;
  onCancel: () => void;
}

/**
 * Asks inline, beside the link, before it opens: the full address, "Open link" and "Cancel". Focus starts on Cancel,
 * so a second Enter on the link does not open it unread; Escape cancels.
 */
export function LinkConfirm({ url, onOpen, onCancel }: LinkConfirmProps) {
  const labels = useLabels(linkLabels);
  const promptId = useId();
  const urlId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);
  return (
    <span
      role="group"
      aria-labelledby={`${promptId} ${urlId}`}
      className="platos-link-confirm"
      data-state="open"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onCancel();
      }}
    >
      <span id={promptId} className="platos-link-confirm-prompt">
        {labels.linkConfirmPrompt}
      </span>
      <span id={urlId} className="platos-link-confirm-url" dir="ltr">
        {url.href}
      </span>
      <span className="platos-link-confirm-actions">
        <button type="button" className="platos-button" data-variant="primary" onClick={onOpen}>
          {labels.linkOpen}
        </button>
        <button ref={cancelRef} type="button" className="platos-button" data-variant="secondary" onClick={onCancel}>
          {labels.linkCancel}
        </button>
      </span>
    </span>
  );
}
