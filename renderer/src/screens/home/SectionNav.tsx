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
    <nav aria-label={T.navLabel} className="flex w-44 shrink-0 flex-col gap-1 border-r border-slate-200 bg-white p-3">
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
            className={`flex items-center justify-between rounded-md px-3 py-2.5 text-left text-lg outline-none focus-visible:ring-2 focus-visible:ring-teal-400 ${
              active ? 'bg-teal-700 text-white' : allowed ? 'text-slate-800 hover:bg-slate-100' : 'text-slate-400 hover:bg-slate-50'
            }`}
          >
            <span>{T.sections[section.id]}</span>
            <kbd
              title={T.shortcutHint(keys)}
              className={`rounded border px-1 font-sans text-xs ${active ? 'border-teal-300 text-teal-50' : 'border-slate-300 text-slate-500'}`}
            >
              {keys[0]}
            </kbd>
          </button>
        );
      })}
    </nav>
  );
}
