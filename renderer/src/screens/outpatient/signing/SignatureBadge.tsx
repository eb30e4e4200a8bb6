import { useCallback, useEffect, useState } from 'react';
import type { ApiError, VerificationView } from '../../../../../shared/api';
import { useClient } from '../../../app/client-context';
import { badgeView, type BadgeTone } from './badge-view';
import { SIGNING_TEXT as T } from './text';

const TONES: Readonly<Record<BadgeTone, string>> = {
  success: 'border-success-line bg-success-soft text-success-ink',
  danger: 'border-danger-line bg-danger-soft text-danger-strong',
  warning: 'border-warning-edge bg-warning-soft text-warning-ink',
  muted: 'border-border bg-surface-muted text-ink-soft',
};

/** The badge for a verification already at hand (the version history shows one per version). */
export function SignatureBadgeView({ verification }: { readonly verification: VerificationView }) {
  const view = badgeView(verification);
  return (
    <div
      role="status"
      data-testid="signature-badge"
      data-status={verification.status}
      className={`grid gap-1 rounded-md border px-3 py-2 text-sm ${TONES[view.tone]}`}
    >
      <p className="font-semibold">{view.title}</p>
      {view.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

/**
 * 签名状态 of one document, checked by the main process when shown and again when `checkedAt`
 * changes (after signing, amending or a sync): verified, altered (naming what fails), unknown key,
 * unsigned.
 */
export function SignatureBadge({ targetId, checkedAt }: { readonly targetId: string; readonly checkedAt?: number }) {
  const client = useClient();
  const [verification, setVerification] = useState<VerificationView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const check = useCallback(async () => {
    const result = await client.api.signing.verify({ targetId });
    if (result.ok) {
      setVerification(result.value);
      setError(null);
    } else setError(result.error);
  }, [client, targetId]);

  useEffect(() => {
    void check();
  }, [check, checkedAt]);

  if (error) return <p className="text-sm text-danger">{`${T.badge.loadFailed}${error.message}`}</p>;
  if (!verification) return <p className="text-sm text-muted">{T.badge.checking}</p>;
  return <SignatureBadgeView verification={verification} />;
}
