import type { KeyboardEvent } from 'react';

export const devtoolsTabs = [
  { id: 'events', label: 'Events' },
  { id: 'time-travel', label: 'Time travel' },
  { id: 'client', label: 'Client' },
  { id: 'outbox', label: 'Outbox' },
] as const;

export type DevtoolsTab = (typeof devtoolsTabs)[number]['id'];

export interface DevtoolsTabListProps {
  idPrefix: string;
  selected: DevtoolsTab;
  onSelect(tab: DevtoolsTab): void;
}

export const tabId = (idPrefix: string, tab: DevtoolsTab) => `${idPrefix}-tab-${tab}`;
export const tabPanelId = (idPrefix: string, tab: DevtoolsTab) => `${idPrefix}-panel-${tab}`;

/** The panel's sections as tabs: one tab stop, arrows and Home/End move between them and select (automatic activation). */
export function DevtoolsTabList({ idPrefix, selected, onSelect }: DevtoolsTabListProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    const current = devtoolsTabs.findIndex((tab) => tab.id === selected);
    const last = devtoolsTabs.length - 1;
    const moves: Record<string, number> = { ArrowRight: current === last ? 0 : current + 1, ArrowLeft: current === 0 ? last : current - 1, Home: 0, End: last };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const tab = devtoolsTabs[target]!.id;
    onSelect(tab);
    document.getElementById(tabId(idPrefix, tab))?.focus();
  };
  return (
    <div role="tablist" aria-label="Devtools sections" onKeyDown={onKeyDown}>
      {devtoolsTabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab.id)}
          aria-selected={tab.id === selected}
          // Only the selected tab's panel is mounted.
          aria-controls={tab.id === selected ? tabPanelId(idPrefix, tab.id) : undefined}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
