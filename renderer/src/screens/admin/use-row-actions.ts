import { useReducer, useRef } from 'react';
import type { ApiResult } from '../../../../shared/api';
import { initialRowActions, rowActionsReducer, type RowActionsAction, type RowActionsState } from './row-actions-state';

/** What an editor opened under a row is given: the row, and how to close it. */
export interface RowEditorProps<Row> {
  readonly row: Row;
  /** Saved, or nothing to save: the notice to show; the editor closes and the list is read again. */
  readonly onDone: (notice: string) => void;
  readonly onCancel: () => void;
}

/**
 * The actions on the rows of an admin list: at most one editor open, a one-click call (停用/启用)
 * with its failure kept at its row, and a notice of what the last action did. After each change the
 * list is read again; when an editor closes, the cursor goes back to the button that opened it.
 */
export function useRowActions<Kind extends string>(onChanged: () => void) {
  const [state, dispatch] = useReducer(rowActionsReducer<Kind>, undefined, initialRowActions<Kind>);
  const opener = useRef<HTMLElement | null>(null);
  // Read at once, not at the next render: a quick second click must not send the change twice.
  const running = useRef(false);

  const closing = (action: RowActionsAction<Kind>) => {
    dispatch(action);
    const button = opener.current;
    opener.current = null;
    if (button?.isConnected) button.focus();
  };

  return {
    ...state,
    openEditor(key: string, kind: Kind, button: HTMLElement) {
      opener.current = button;
      dispatch({ type: 'opened', key, kind });
    },
    cancel: () => closing({ type: 'closed' }),
    done(notice: string) {
      closing({ type: 'done', notice });
      onChanged();
    },
    /** A one-click change; a second click while it runs is ignored (the button stays enabled, so keeps the cursor). */
    async run<R>(key: string, call: () => Promise<ApiResult<R>>, message: (result: R) => string) {
      if (running.current) return;
      running.current = true;
      dispatch({ type: 'started', key });
      const result = await call().finally(() => {
        running.current = false;
      });
      if (!result.ok) return dispatch({ type: 'failed', key, error: result.error });
      dispatch({ type: 'succeeded', notice: message(result.value) });
      onChanged();
    },
    dismissFailure: () => dispatch({ type: 'dismissFailure' }),
  };
}

export type RowActions<Kind extends string> = RowActionsState<Kind> & ReturnType<typeof useRowActions<Kind>>;
