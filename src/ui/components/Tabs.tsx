/** Accessible tabs: a tablist with arrow-key navigation, and panels labelled by their tab. */
import type { KeyboardEvent, ReactNode } from 'react';

export interface TabSpec<T extends string> {
  id: T;
  label: string;
  badge?: string | number;
  /** What the badge means, said as the tab's description (the badge itself is not part of its name). */
  badgeLabel?: string;
  disabled?: boolean;
}

interface Props<T extends string> {
  tabs: readonly TabSpec<T>[];
  selected: T;
  onSelect(id: T): void;
  label: string;
  idPrefix: string;
}

const hasBadge = (t: TabSpec<string>) => t.badge !== undefined && t.badge !== 0;

export function Tabs<T extends string>({ tabs, selected, onSelect, label, idPrefix }: Props<T>) {
  const enabled = tabs.filter((t) => !t.disabled);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = enabled.findIndex((t) => t.id === selected);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || at < 0) return;
    event.preventDefault();
    const next = enabled[(at + step + enabled.length) % enabled.length];
    onSelect(next.id);
    document.getElementById(`${idPrefix}-tab-${next.id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${t.id}`}
          aria-selected={t.id === selected}
          aria-controls={`${idPrefix}-panel-${t.id}`}
          tabIndex={t.id === selected ? 0 : -1}
          disabled={t.disabled}
          onClick={() => onSelect(t.id)}
          title={hasBadge(t) ? t.badgeLabel : undefined}
        >
          {t.label}
          {hasBadge(t) && (
            <span className="badge" aria-hidden="true">
              {t.badge}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ idPrefix, id, children, className = '' }: { idPrefix: string; id: string; children: ReactNode; className?: string }) {
  return (
    <div role="tabpanel" id={`${idPrefix}-panel-${id}`} aria-labelledby={`${idPrefix}-tab-${id}`} className={`tabpanel ${className}`}>
      {children}
    </div>
  );
}
