import { useCallback, type Ref } from 'react';
import { useClient } from '../../app/client-context';
import { TextField } from '../../ui';
import type { DictionarySearch } from './dictionary-searches';
import { useSearchList } from './use-search-list';

interface SearchPickerProps<Hit> {
  readonly kind: DictionarySearch<Hit>;
  readonly onPick: (hit: Hit) => void;
  readonly inputRef?: Ref<HTMLInputElement>;
}

/** A dictionary search field with its drop-down of hits: ↑/↓ move, Enter or a click picks (the ICD and drug searches). */
export function SearchPicker<Hit>({ kind, onPick, inputRef }: SearchPickerProps<Hit>) {
  const client = useClient();
  const search = useCallback(
    async (query: string) => {
      const result = await kind.find(client, query);
      return result.ok ? result.value : [];
    },
    [client, kind],
  );
  const list = useSearchList<Hit>(search, onPick);
  return (
    <div className="relative">
      <TextField
        label={kind.label}
        path={kind.path}
        value={list.query}
        onChange={list.setQuery}
        onKeyDown={list.onKeyDown}
        inputRef={inputRef}
        autoComplete="off"
      />
      {list.hits.length > 0 && (
        <ul
          role="listbox"
          data-testid={kind.testId}
          className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-border bg-surface shadow"
        >
          {list.hits.map((hit, i) => (
            <li
              key={kind.codeOf(hit)}
              role="option"
              aria-selected={i === list.cursor}
              data-code={kind.codeOf(hit)}
              onMouseDown={() => list.pick(hit)}
              className={`cursor-pointer px-3 py-1 ${i === list.cursor ? 'bg-primary-soft' : ''}`}
            >
              {kind.nameOf(hit)}　<span className="text-sm text-muted">{kind.detailOf(hit)}</span>
            </li>
          ))}
        </ul>
      )}
      {kind.noHits && list.query.trim() !== '' && list.hits.length === 0 && <p className="text-sm text-muted">{kind.noHits}</p>}
    </div>
  );
}
