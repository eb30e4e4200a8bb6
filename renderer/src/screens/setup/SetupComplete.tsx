import { useState } from 'react';
import type { OutputOf } from '../../../../shared/api';
import { APP_TEXT } from '../../app/text';
import { Button } from '../../ui';
import { SETUP_TEXT as T } from './text';

type CopyState = 'idle' | 'copied' | 'failed';

interface SetupCompleteProps {
  readonly result: OutputOf<'setup.initialize'>;
  /** Whether the user typed the county key in (joining a county) rather than having one generated. */
  readonly keyWasGiven: boolean;
  readonly onContinue: () => void;
}

/** Shown once after setup: the county key, which the county's other centres must enter too. */
export function SetupComplete({ result, keyWasGiven, onContinue }: SetupCompleteProps) {
  const [copy, setCopy] = useState<CopyState>('idle');

  const copyKey = async () => {
    try {
      await navigator.clipboard.writeText(result.patientIdKey);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <div className="min-h-full bg-canvas py-8">
      <div className="mx-auto grid max-w-3xl gap-5 rounded-lg bg-surface px-8 py-6 shadow-sm">
        <div>
          <p className="text-sm text-muted">{APP_TEXT.productName}</p>
          <h1 className="text-2xl font-semibold">{T.doneTitle}</h1>
        </div>
        <p className="text-ink-soft">{keyWasGiven ? T.doneKeyGivenIntro : T.doneKeyIntro}</p>
        <div>
          <label htmlFor="county-key" className="mb-1 block font-medium">
            {T.doneKeyLabel}
          </label>
          <div className="flex gap-2">
            <input
              id="county-key"
              data-testid="county-key"
              readOnly
              value={result.patientIdKey}
              onFocus={(event) => event.currentTarget.select()}
              className="flex-1 rounded-md border border-border bg-surface-muted px-3 py-2 font-mono text-sm"
            />
            <Button onClick={() => void copyKey()}>{copy === 'copied' ? T.copied : T.copy}</Button>
          </div>
          {copy === 'failed' && <p className="mt-1 text-sm text-warning-strong">{T.copyFailed}</p>}
        </div>
        <div>
          <Button tone="primary" autoFocus onClick={onContinue}>
            {T.goToLogin}
          </Button>
        </div>
      </div>
    </div>
  );
}
