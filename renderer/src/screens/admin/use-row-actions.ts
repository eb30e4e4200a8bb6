import { useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../../../../shared/api';

/** Which row has which editor open. */
export interface OpenEditor<Kind extends string> {
  readonly key: string;
  readonly kind: Kind;
}

/**
 * The actions on the rows of an admin list: at most one editor open, a one-click call (停用/启用)
 * with its failure kept at its row, and a notice of what the last action did. After each change the
 * list is read again; when an editor closes, the cursor goes back to the button that opened it.
 */
export function useRowActions<Kind extends string>(onChanged: () => void) {
  const [open, setOpen] = useState<OpenEditor<Kind> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ readonly key: string; readonly error: ApiError } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  // Read at once, not at the next render: a quick second click must not send the change twice.
  const running = useRef(false);

  const close = () => {
    setOpen(null);
    const button = opener.current;
    opener.current = null;
    if (button?.isConnected) button.focus();
  };

  return {
    open,
    notice,
    failed,
    busy,
    openEditor(key: string, kind: Kind, button: HTMLElement) {
      opener.current = button;
      setOpen({ key, kind });
      setNotice(null);
      setFailed(null);
    },
    cancel: close,
    done(message: string) {
      close();
      setNotice(message);
      onChanged();
    },
    /** A one-click change; a second click while it runs is ignored (the button stays enabled, so keeps the cursor). */
    async run<R>(key: string, call: () => Promise<ApiResult<R>>, message: (result: R) => string) {
      if (running.current) return;
      running.current = true;
      setOpen(null);
      setNotice(null);
      setFailed(null);
      setBusy(key);
      const result = await call().finally(() => {
        running.current = false;
        setBusy(null);
      });
      if (!result.ok) return setFailed({ key, error: result.error });
      setNotice(message(result.value));
      onChanged();
    },
    dismissFailure: () => setFailed(null),
  };
}
