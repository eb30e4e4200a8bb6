import { useEffect, useRef, useState } from 'react';
import type { ApiError, OutputOf, PatientDetail, PatientHit } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { Button, ErrorBanner } from '../../ui';
import { MergeCandidates } from './MergeCandidates';
import { MergeCompare, type Side } from './MergeCompare';
import { recordLabel, suggestedSurvivor } from './merge-compare';
import { useMergeDivisionNames } from './merge-division-names';
import { MERGE_TEXT as T } from './merge-text';

interface MergePanelProps {
  readonly detail: PatientDetail;
  readonly codeSets: OutputOf<'clinic.codeSets'> | null;
  readonly feeCategories: OutputOf<'clinic.feeCategories'>;
  readonly onMerged: (survivor: PatientDetail, absorbed: PatientDetail) => void;
  readonly onCancel: () => void;
}

interface Comparing {
  readonly left: PatientDetail;
  readonly right: PatientDetail;
  readonly survivor: Side;
  readonly confirming: boolean;
}

/** 合并重复档案: find the other record, compare side by side, choose the one to keep, confirm, merge. */
export function MergePanel({ detail, codeSets, feeCategories, onMerged, onCancel }: MergePanelProps) {
  const client = useClient();
  const [comparing, setComparing] = useState<Comparing | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const divisionNames = useMergeDivisionNames(
    [comparing?.left ?? detail, comparing?.right].flatMap((d) => (d?.form.address?.divisionCode ? [d.form.address.divisionCode] : [])),
  );

  useEffect(() => {
    if (comparing?.confirming) confirmRef.current?.focus();
  }, [comparing?.confirming]);

  const read = async (id: string): Promise<PatientDetail | null> => {
    const result = await client.api.patients.get({ id });
    if (result.ok) return result.value;
    setError(result.error);
    return null;
  };

  const compareWith = async (hit: PatientHit) => {
    setError(null);
    setNotice(null);
    const [left, right] = await Promise.all([read(detail.id), read(hit.id)]);
    if (left === null || right === null) return;
    setComparing({ left, right, survivor: suggestedSurvivor(left, right), confirming: false });
  };

  const merge = async () => {
    if (comparing === null || busy) return;
    const keep = comparing.survivor === 'left' ? comparing.left : comparing.right;
    const drop = comparing.survivor === 'left' ? comparing.right : comparing.left;
    setBusy(true);
    setError(null);
    try {
      const result = await client.api.patients.merge({ survivorId: keep.id, survivorRev: keep.rev, absorbedId: drop.id, absorbedRev: drop.rev });
      if (!result.ok) {
        if (result.error.code === 'CONFLICT') {
          // Read both again and show them: what is being merged must be what was looked at.
          const [left, right] = await Promise.all([read(comparing.left.id), read(comparing.right.id)]);
          if (left && right) setComparing({ ...comparing, left, right, confirming: false });
          return setNotice(T.conflict);
        }
        const details = result.error.fields?.map((f) => f.message).join(' ');
        return setError(details ? { ...result.error, message: details } : result.error);
      }
      const [survivor, absorbed] = await Promise.all([read(keep.id), read(drop.id)]);
      if (survivor && absorbed) onMerged(survivor, absorbed);
    } finally {
      setBusy(false);
    }
  };

  const rootRef = useRef<HTMLElement>(null);
  useShortcuts(
    {
      'merge.back': () => {
        if (comparing?.confirming) setComparing({ ...comparing, confirming: false });
        else if (comparing) setComparing(null);
        else onCancel();
      },
    },
    { within: rootRef },
  );

  const keepName = comparing ? recordLabel(comparing.survivor === 'left' ? comparing.left : comparing.right) : '';
  const dropName = comparing ? recordLabel(comparing.survivor === 'left' ? comparing.right : comparing.left) : '';

  return (
    <section
      ref={rootRef}
      data-testid="merge-panel"
      aria-labelledby="merge-title"
      className="grid gap-3 rounded-lg border-2 border-accent-edge bg-accent-soft/40 p-4"
    >
      <h3 id="merge-title" className="text-lg font-semibold">
        {T.title(detail.form.name)}
      </h3>
      <p className="text-ink-soft">{T.intro}</p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {notice && (
        <p role="alert" data-testid="merge-notice" className="rounded-md border border-warning-edge bg-warning-soft px-3 py-2 text-warning-deep">
          {notice}
        </p>
      )}
      {comparing === null ? (
        <MergeCandidates current={detail} onCompare={(hit) => void compareWith(hit)} />
      ) : (
        <>
          <MergeCompare
            left={comparing.left}
            right={comparing.right}
            survivor={comparing.survivor}
            onChooseSurvivor={(survivor) => setComparing({ ...comparing, survivor, confirming: false })}
            context={{ codeSets, feeCategories, divisionNames }}
          />
          {comparing.confirming ? (
            <div
              role="alertdialog"
              aria-labelledby="merge-confirm-title"
              data-testid="merge-confirm"
              className="grid gap-2 rounded-md border-2 border-danger-line bg-danger-soft px-4 py-3 text-danger-ink"
            >
              <p id="merge-confirm-title" className="font-semibold">
                {T.confirmTitle}
              </p>
              <p>{T.confirmText(dropName, keepName)}</p>
              <p className="text-sm">{T.confirmAudit}</p>
              <div className="flex gap-3">
                <Button tone="danger" ref={confirmRef} disabled={busy} onClick={() => void merge()}>
                  {busy ? T.merging : T.confirm}
                </Button>
                <Button onClick={() => setComparing({ ...comparing, confirming: false })}>{T.cancel}</Button>
              </div>
            </div>
          ) : (
            <div className="flex gap-3">
              <Button tone="primary" onClick={() => setComparing({ ...comparing, confirming: true })}>
                {T.mergeButton}
              </Button>
              <Button onClick={() => setComparing(null)}>{T.pickAnother}</Button>
            </div>
          )}
        </>
      )}
      {comparing === null && (
        <div>
          <Button onClick={onCancel}>{T.back}</Button>
        </div>
      )}
    </section>
  );
}
