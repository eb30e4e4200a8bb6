import { useState } from 'react';
import type { ApiError, OutputOf } from '../../../../shared/api';
import { Button, ErrorBanner, Notice, Panel } from '../../ui';
import { ConflictDetail } from './ConflictDetail';
import { SYNC_TEXT } from './text';

const T = SYNC_TEXT.inbox;

type ConflictList = OutputOf<'sync.conflicts.list'>['conflicts'];

interface ConflictInboxProps {
  readonly conflicts: ConflictList | null;
  readonly error: ApiError | null;
  readonly onChanged: () => void;
}

/** 冲突记录: what was edited in two places, opened one at a time for a person to settle. */
export function ConflictInbox({ conflicts, error, onChanged }: ConflictInboxProps) {
  const [open, setOpen] = useState<string | null>(null);
  const [resolved, setResolved] = useState<string | null>(null);

  return (
    <Panel
      testId="conflict-inbox"
      title={
        <>
          {T.title}
          {conflicts && conflicts.length > 0 && <span className="ml-2 rounded-full bg-warning-tint px-2 text-base text-warning-ink">{conflicts.length}</span>}
        </>
      }
    >
      <p className="text-ink-soft">{T.intro}</p>
      <ErrorBanner error={error} />
      {resolved && <Notice>{T.resolved(resolved)}</Notice>}
      {open ? (
        <ConflictDetail
          id={open}
          onClose={() => setOpen(null)}
          onResolved={(label) => {
            setOpen(null);
            setResolved(label);
            onChanged();
          }}
        />
      ) : (
        conflicts &&
        (conflicts.length === 0 ? (
          <p data-testid="conflict-inbox-empty" className="text-ink-soft">
            {T.empty}
          </p>
        ) : (
          <ul className="grid gap-2">
            {conflicts.map((conflict) => (
              <li
                key={conflict.id}
                data-conflict={conflict.id}
                className="flex items-center gap-3 rounded-md border border-warning-tint bg-warning-soft px-3 py-2"
              >
                <span className="flex-1">{conflict.label}</span>
                <span className="text-sm text-muted">{conflict.conflictRevs.length + 1} 个版本</span>
                <Button
                  onClick={() => {
                    setResolved(null);
                    setOpen(conflict.id);
                  }}
                >
                  {T.open}
                </Button>
              </li>
            ))}
          </ul>
        ))
      )}
    </Panel>
  );
}
