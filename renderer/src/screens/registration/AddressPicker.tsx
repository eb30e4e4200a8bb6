import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { OutputOf } from '../../../../shared/api';
import type { ClinicClient } from '../../api/client';
import { useClient } from '../../app/client-context';
import { SelectField, TextField } from '../../ui';
import { REG_TEXT } from './text';

type Division = OutputOf<'clinic.divisions'>['children'][number];

interface Level {
  readonly options: ReadonlyArray<Division>;
  readonly selected: string;
}

const LEVEL_LABELS: Readonly<Record<number, string>> = {
  1: REG_TEXT.form.province,
  2: REG_TEXT.form.prefecture,
  3: REG_TEXT.form.county,
  4: REG_TEXT.form.township,
};

/** Child lists never change while the program runs: ask once per parent. */
const childrenCache = new Map<string, Promise<ReadonlyArray<Division>>>();

function childrenOf(client: ClinicClient, parentCode: string): Promise<ReadonlyArray<Division>> {
  const cached = childrenCache.get(parentCode);
  if (cached) return cached;
  const loading = client.api.clinic.divisions({ parentCode }).then((result) => {
    if (!result.ok) {
      childrenCache.delete(parentCode);
      return [];
    }
    return result.value.children;
  });
  childrenCache.set(parentCode, loading);
  return loading;
}

/**
 * Walks down from the provinces to `code`, one list per level. Codes nest by prefix at every
 * level (grouping rows such as 市辖区 are skipped by the back end), so each step is the child
 * whose code starts the target.
 */
async function levelsFor(client: ClinicClient, code: string): Promise<Level[]> {
  const levels: Level[] = [];
  let parent = '';
  for (let depth = 0; depth < 4; depth += 1) {
    const options = await childrenOf(client, parent);
    if (options.length === 0) break;
    const chosen = code === '' ? undefined : options.find((d) => code.startsWith(d.code));
    levels.push({ options, selected: chosen?.code ?? '' });
    if (!chosen || !chosen.hasChildren) break;
    parent = chosen.code;
  }
  return levels;
}

interface AddressPickerProps {
  readonly divisionCode: string;
  readonly detail: string;
  readonly onDivisionChange: (code: string) => void;
  readonly onDetailChange: (detail: string) => void;
  readonly divisionError?: string;
  readonly detailError?: string;
}

/** 住址: province → prefecture → county → township from the national division list, then free text. */
export function AddressPicker({ divisionCode, detail, onDivisionChange, onDetailChange, divisionError, detailError }: AddressPickerProps) {
  const client = useClient();
  const [levels, setLevels] = useState<ReadonlyArray<Level>>([]);
  /** The code this picker last reported: a different incoming code (a card read) rebuilds the lists. */
  const reported = useRef<string | null>(null);
  /** The next level's list while it is being read, so Enter can wait for it rather than skip past. */
  const loadingNext = useRef<Promise<void> | null>(null);
  const pickerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (reported.current === divisionCode) return;
    reported.current = divisionCode;
    let current = true;
    void levelsFor(client, divisionCode).then((built) => {
      if (current) setLevels(built);
    });
    return () => {
      current = false;
    };
  }, [client, divisionCode]);

  const choose = async (index: number, code: string) => {
    const kept = levels.slice(0, index + 1).map((level, i) => (i === index ? { ...level, selected: code } : level));
    const reportedCode = code !== '' ? code : (kept[index - 1]?.selected ?? '');
    reported.current = reportedCode;
    setLevels(kept);
    onDivisionChange(reportedCode);
    const picked = kept[index].options.find((d) => d.code === code);
    if (picked?.hasChildren) {
      const loading = childrenOf(client, code).then((options) => {
        if (reported.current === reportedCode && options.length > 0) setLevels([...kept, { options, selected: '' }]);
      });
      loadingNext.current = loading;
      await loading;
      if (loadingNext.current === loading) loadingNext.current = null;
    }
  };

  /**
   * Enter on a level whose next list is still being read (县（区） just chosen, 乡镇（街道） not yet shown):
   * wait for it and go there, instead of letting Enter skip to 详细地址.
   */
  const onLevelKeyDown = (event: KeyboardEvent<HTMLSelectElement>, index: number) => {
    if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const level = levels[index];
    const picked = level?.options.find((d) => d.code === level.selected);
    const loading = loadingNext.current;
    if (!picked?.hasChildren || levels.length > index + 1 || loading === null) return;
    event.preventDefault();
    event.stopPropagation();
    const next = () => pickerRef.current?.querySelector<HTMLSelectElement>(`[data-field="address.level${index + 2}"] select`)?.focus();
    void loading.then(() => requestAnimationFrame(next));
  };

  return (
    <div className="grid gap-2">
      <div ref={pickerRef} className="grid grid-cols-[repeat(4,minmax(0,1fr))] gap-2" data-field="address.divisionCode">
        {levels.map((level, index) => (
          <SelectField
            key={level.options[0]?.code ?? index}
            label={LEVEL_LABELS[level.options[0]?.level ?? index + 1] ?? REG_TEXT.form.address}
            path={`address.level${index + 1}`}
            value={level.selected}
            options={level.options.map((d) => ({ value: d.code, label: d.name }))}
            placeholder={REG_TEXT.form.choose}
            onChange={(code) => void choose(index, code)}
            onKeyDown={(event) => onLevelKeyDown(event, index)}
          />
        ))}
      </div>
      {divisionError && (
        <p data-error-for="address.divisionCode" className="text-sm text-danger">
          {divisionError}
        </p>
      )}
      <TextField
        label={REG_TEXT.form.addressDetail}
        path="address.detail"
        value={detail}
        onChange={onDetailChange}
        error={detailError}
        maxLength={120}
        autoComplete="off"
      />
    </div>
  );
}
