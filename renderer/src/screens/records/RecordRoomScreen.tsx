import { useRef, useState, type KeyboardEvent } from 'react';
import type { SessionUser } from '../../../../shared/api';
import { rolesGrant } from '../../../../shared/permissions';
import { RECORD_ROOM_TABS } from './tabs';
import { RECORDS_TEXT as T } from './text';

/**
 * 病案: the record room's pages as tabs, each shown only to users holding its permission. ← → on
 * the tab row move between pages (the tab row's own keys, as a tab list's are in every program).
 */
export function RecordRoomScreen({ user }: { readonly user: SessionUser }) {
  const tabs = RECORD_ROOM_TABS.filter((tab) => rolesGrant(user.roles, tab.permission));
  const [openKey, setOpenKey] = useState(tabs[0]?.key ?? '');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const open = tabs.find((tab) => tab.key === openKey) ?? tabs[0];

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || tabs.length === 0 || open === undefined) return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(open) + step + tabs.length) % tabs.length];
    setOpenKey(next.key);
    buttons.current.get(next.key)?.focus();
  };

  return (
    <div data-testid="records-section" className="grid gap-4">
      <h2 className="text-xl font-semibold">{T.title}</h2>
      {open === undefined ? (
        <p className="text-ink-soft">{T.noTabs}</p>
      ) : (
        <>
          <div role="tablist" aria-label={T.tabsLabel} className="flex gap-1 border-b border-border" onKeyDown={onTabKey}>
            {tabs.map((tab) => {
              const selected = tab.key === open.key;
              return (
                <button
                  key={tab.key}
                  ref={(element) => {
                    if (element) buttons.current.set(tab.key, element);
                    else buttons.current.delete(tab.key);
                  }}
                  type="button"
                  role="tab"
                  id={`records-tab-${tab.key}`}
                  aria-selected={selected}
                  aria-controls={`records-panel-${tab.key}`}
                  tabIndex={selected ? 0 : -1}
                  data-tab={tab.key}
                  className={`-mb-px rounded-t-md border px-4 py-2 ${selected ? 'border-border border-b-surface bg-surface font-semibold text-primary-ink' : 'border-transparent text-ink-soft hover:text-ink'}`}
                  onClick={() => setOpenKey(tab.key)}
                >
                  {tab.label}
                </button>
              );
            })}
          </div>
          <div role="tabpanel" id={`records-panel-${open.key}`} aria-labelledby={`records-tab-${open.key}`} data-testid={`records-tab-${open.key}`}>
            <open.component user={user} />
          </div>
        </>
      )}
    </div>
  );
}
