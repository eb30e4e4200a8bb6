import type { ReactNode } from 'react';
import { fieldErrorsOf } from '../../forms/field-errors';
import { DataTable, ErrorBanner, Panel, RowButton, StatusLine, type Column } from '../../ui';
import type { Loaded } from './admin-state';
import { ADMIN_TEXT as T } from './text';
import type { RowActions, RowEditorProps } from './use-row-actions';

/** A button on each row that opens an editor (or a question) under it. */
export interface RowEditor<Row, Kind extends string> {
  readonly kind: Kind;
  /** The row button's label; null for what opens otherwise (the question before 停用). */
  readonly label: string | null;
  readonly render: (props: RowEditorProps<Row>) => ReactNode;
}

interface AdminListPanelProps<Row extends { readonly active: boolean }, Kind extends string> {
  readonly title: string;
  /** `data-testid` of the panel (`departments-panel`) and of its table (`departments-table`). */
  readonly testId: string;
  readonly list: Loaded<ReadonlyArray<Row>>;
  readonly actions: RowActions<Kind>;
  /** The columns before 状态 and 操作, which every admin list has. */
  readonly columns: ReadonlyArray<Column<Row>>;
  readonly rowKey: (row: Row) => string;
  readonly rowData: (row: Row) => Readonly<Record<`data-${string}`, string>>;
  readonly editors: ReadonlyArray<RowEditor<Row, Kind>>;
  /** 停用 / 启用: the row's one-click change (or the question before it). */
  readonly onToggleActive: (row: Row, button: HTMLElement) => void;
  readonly actionsWidth: string;
  /** The add form under the list. */
  readonly children: ReactNode;
}

/**
 * An administrator's list (科室, 用户): its rows with 状态 and the row buttons, the editor open under
 * a row, what the last action did, and a refusal shown at the row it concerns (stopping oneself,
 * the last administrator).
 */
export function AdminListPanel<Row extends { readonly active: boolean }, Kind extends string>(props: AdminListPanelProps<Row, Kind>) {
  const { list, actions, rowKey } = props;
  const activeError = actions.failed ? fieldErrorsOf(actions.failed.error).active : undefined;
  const columns: ReadonlyArray<Column<Row>> = [
    ...props.columns,
    {
      key: 'active',
      header: T.active,
      width: '4.5rem',
      cell: (row) => (row.active ? T.activeYes : T.activeNo),
      sortValue: (row) => (row.active ? 0 : 1),
      className: 'whitespace-nowrap',
    },
    {
      key: 'actions',
      header: T.actions,
      width: props.actionsWidth,
      cell: (row) => (
        <>
          <div className="flex flex-wrap gap-1.5">
            {props.editors.map(
              ({ kind, label }) =>
                label && (
                  <RowButton key={kind} action={kind} onClick={(event) => actions.openEditor(rowKey(row), kind, event.currentTarget)}>
                    {label}
                  </RowButton>
                ),
            )}
            <RowButton
              action="toggle-active"
              danger={row.active}
              aria-busy={actions.busy === rowKey(row)}
              onClick={(event) => props.onToggleActive(row, event.currentTarget)}
            >
              {row.active ? T.stop : T.start}
            </RowButton>
          </div>
          {activeError && actions.failed?.key === rowKey(row) && (
            <p data-error-for="active" className="mt-1 text-sm text-danger">
              {activeError}
            </p>
          )}
        </>
      ),
    },
  ];

  const editorUnder = (row: Row) => {
    if (actions.open?.key !== rowKey(row)) return null;
    const editor = props.editors.find((each) => each.kind === actions.open?.kind);
    return editor?.render({ row, onDone: actions.done, onCancel: actions.cancel }) ?? null;
  };

  return (
    <Panel title={props.title} testId={`${props.testId}-panel`}>
      <ErrorBanner error={list.error} />
      {actions.notice && (
        <div data-notice="change">
          <StatusLine>{actions.notice}</StatusLine>
        </div>
      )}
      <ErrorBanner error={actions.failed && !activeError ? actions.failed.error : null} onDismiss={actions.dismissFailure} />
      <DataTable
        label={props.title}
        testId={`${props.testId}-table`}
        columns={columns}
        rows={list.items}
        rowKey={rowKey}
        rowData={props.rowData}
        rowClassName={(row) => (row.active ? '' : 'text-faint')}
        detail={editorUnder}
        loadingText={list.error ? '' : T.loading}
        emptyText={T.empty}
        dense
      />
      {props.children}
    </Panel>
  );
}
