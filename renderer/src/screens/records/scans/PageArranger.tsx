import { useEffect, useState } from 'react';
import type { ApiError, PageSetView } from '../../../../../shared/api';
import type { PageRotation } from '../../../../../shared/docs/page-set';
import { useClient } from '../../../app/client-context';
import { Button, Confirm, RowButton } from '../../../ui';
import { SCANS_TEXT as T } from './text';

type Arranged = ReadonlyArray<{ readonly attachment: string; readonly rotation: PageRotation; readonly source: string }>;

/** Order, rotation and removal of a page set's pages while it is being scanned; then its completion. */
export function PageArranger({
  set,
  onSaved,
  onError,
}: {
  readonly set: PageSetView;
  readonly onSaved: (set: PageSetView) => void;
  readonly onError: (error: ApiError) => void;
}) {
  const client = useClient();
  const [pages, setPages] = useState<Arranged>(set.pages);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setPages(set.pages), [set]);

  const move = (i: number, step: number) =>
    setPages((list) => {
      const j = i + step;
      if (j < 0 || j >= list.length) return list;
      const next = [...list];
      [next[i], next[j]] = [next[j], next[i]];
      return next;
    });
  const save = async (complete: boolean) => {
    setConfirming(false);
    const result = await client.api.records.arrangePages({
      id: set.id,
      rev: set.rev,
      pages: pages.map(({ attachment, rotation }) => ({ attachment, rotation })),
      complete,
    });
    if (result.ok) onSaved(result.value);
    else onError(result.error);
  };
  if (set.status === 'complete') return null;

  return (
    <div className="grid gap-2" data-testid="page-arranger">
      <ol className="grid gap-1 text-sm">
        {pages.map((page, i) => (
          <li key={page.attachment} data-page-row={i + 1} className="flex items-center gap-2">
            <span className="w-64 truncate">{`${i + 1}. ${page.source}`}</span>
            <RowButton action="up" onClick={() => move(i, -1)}>
              {T.moveUp}
            </RowButton>
            <RowButton action="down" onClick={() => move(i, 1)}>
              {T.moveDown}
            </RowButton>
            <RowButton
              action="rotate"
              onClick={() => setPages((list) => list.map((p, k) => (k === i ? { ...p, rotation: ((p.rotation + 90) % 360) as PageRotation } : p)))}
            >
              {`${T.rotate} ${page.rotation}°`}
            </RowButton>
            <RowButton action="remove" danger disabled={pages.length === 1} onClick={() => setPages((list) => list.filter((_, k) => k !== i))}>
              {T.remove}
            </RowButton>
          </li>
        ))}
      </ol>
      <div className="flex gap-2">
        <Button tone="secondary" onClick={() => void save(false)}>
          {T.saveOrder}
        </Button>
        <Button onClick={() => setConfirming(true)}>{T.complete}</Button>
      </div>
      {confirming && (
        <Confirm
          title={T.completeConfirm}
          confirmLabel={T.complete}
          onConfirm={() => void save(true)}
          onCancel={() => setConfirming(false)}
          testId="confirm-complete"
        />
      )}
    </div>
  );
}
