import type { Role } from '../../../../shared/permissions';
import { chordLabel } from '../../keyboard/chords';
import { sectionShortcut } from '../../keyboard/keymap';
import { sectionAllowed, SECTIONS, type SectionId } from './sections';
import { HOME_TEXT as T } from './text';

interface SectionNavProps {
  readonly current: SectionId;
  readonly roles: ReadonlyArray<Role>;
  readonly onOpen: (id: SectionId) => void;
}

export function SectionNav({ current, roles, onOpen }: SectionNavProps) {
  return (
    <nav aria-label={T.navLabel} className="flex w-44 shrink-0 flex-col gap-1 border-r border-border-soft bg-surface p-3">
      {SECTIONS.map((section) => {
        const active = section.id === current;
        const allowed = sectionAllowed(section, roles);
        const keys = sectionShortcut(section.id).keys.map(chordLabel);
        return (
          <button
            key={section.id}
            type="button"
            data-section={section.id}
            aria-current={active ? 'page' : undefined}
            onClick={() => onOpen(section.id)}
            className={`flex items-center justify-between rounded-md px-3 py-2.5 text-left text-lg outline-none focus-visible:ring-2 focus-visible:ring-focus ${
              active ? 'bg-primary text-on-primary' : allowed ? 'text-ink hover:bg-canvas' : 'text-faint hover:bg-surface-muted'
            }`}
          >
            <span>{T.sections[section.id]}</span>
            <kbd
              title={T.shortcutHint(keys)}
              className={`rounded border px-1 font-sans text-xs ${active ? 'border-primary-line text-on-primary-soft' : 'border-border text-muted'}`}
            >
              {keys[0]}
            </kbd>
          </button>
        );
      })}
    </nav>
  );
}
