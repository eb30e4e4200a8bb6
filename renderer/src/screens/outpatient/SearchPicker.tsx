import type { ReactNode, Ref } from 'react';
import { TextField } from '../../ui';
import type { useSearchList } from './use-search-list';

interface SearchPickerProps<Hit> {
  readonly label: string;
  readonly path: string;
  readonly testId: string;
  readonly list: ReturnType<typeof useSearchList<Hit>>;
  readonly inputRef?: Ref<HTMLInputElement>;
  /** The hit's code: its React key and its `data-code`. */
  readonly codeOf: (hit: Hit) => string;
  readonly render: (hit: Hit) => ReactNode;
  /** Said under the field when a typed query finds nothing (omit to say nothing). */
  readonly noHits?: string;
}

/** A search field with its drop-down of hits: ↑/↓ move, Enter or a click picks (the ICD and drug searches). */
export function SearchPicker<Hit>({ label, path, testId, list, inputRef, codeOf, render, noHits }: SearchPickerProps<Hit>) {
  return (
    <div className="relative">
      <TextField label={label} path={path} value={list.query} onChange={list.setQuery} onKeyDown={list.onKeyDown} inputRef={inputRef} autoComplete="off" />
      {list.hits.length > 0 && (
        <ul role="listbox" data-testid={testId} className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-border bg-surface shadow">
          {list.hits.map((hit, i) => (
            <li
              key={codeOf(hit)}
              role="option"
              aria-selected={i === list.cursor}
              data-code={codeOf(hit)}
              onMouseDown={() => list.pick(hit)}
              className={`cursor-pointer px-3 py-1 ${i === list.cursor ? 'bg-primary-soft' : ''}`}
            >
              {render(hit)}
            </li>
          ))}
        </ul>
      )}
      {noHits && list.query.trim() !== '' && list.hits.length === 0 && <p className="text-sm text-muted">{noHits}</p>}
    </div>
  );
}
