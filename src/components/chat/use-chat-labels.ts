import { useLabels } from './chat-customization.js';
import { platosLabels, type PlatosLabels } from './platos-labels.js';

/** Every label with the chat's overrides applied, for custom components that show the kit's texts. */
export function useChatLabels(): PlatosLabels {
  return useLabels(platosLabels);
}
