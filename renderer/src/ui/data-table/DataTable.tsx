import { Fragment, useReducer, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { UI_TEXT } from '../text';
import { initialTableState, rowKeyAction, sortRows, tableReducer, type SortOrder, type SortValue, type TableAction } from './table-state';

export interface Column<Row> {
  readonly key: string;
  readonly header: ReactNode;
  readonly cell: (row: Row) => ReactNode;
  /** A CSS width (`7rem`, `20%`): the column keeps it whatever the rows hold. */
  readonly width?: string;
  /** Makes the header a sort button; the value the rows are ordered by. */
  readonly sortValue?: (row: Row) => SortValue;
  readonly align?: 'start' | 'end';
  /**
   * Cuts the cell to one line with an ellipsis; the whole text is the cell's title (shown on hover)
   * and the cell opens to its full text while its row has the cursor.
   */
  readonly fullText?: (row: Row) => string | undefined;
  /** Classes for this column's cells (font, wrapping). */
  readonly className?: string;
}

type DataAttributes = Readonly<Record<`data-${string}`, string | undefined>>;

interface DataTableProps<Row> {
  /** Names the table for screen readers. */
  readonly label: string;
  readonly columns: ReadonlyArray<Column<Row>>;
  /** null while the first read is under way. */
  readonly rows: ReadonlyArray<Row> | null;
  readonly rowKey: (row: Row) => string;
  /** `data-*` attributes of a row: what tests and styles find it by. */
  readonly rowData?: (row: Row) => DataAttributes;
  /** Dims or marks a row (stopped, cancelled). */
  readonly rowClassName?: (row: Row) => string;
  /** Enter on a row (or a double click). */
  readonly onActivate?: (row: Row) => void;
  /** Something shown right under a row across the whole width: its editor, its 退号 form. */
  readonly detail?: (row: Row) => ReactNode;
  readonly loadingText?: string;
  readonly emptyText?: string;
  readonly initialSort?: SortOrder;
  readonly testId?: string;
  readonly dense?: boolean;
}

/**
 * The list of a screen: fixed column widths, sortable headers, and a cursor on the rows — arrow
 * keys, Page Up/Down, Home and End move it, Enter opens the row. The cursor is a roving tab stop,
 * so Tab enters the table once and the buttons inside a row keep their own keys.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, rowKey, detail } = props;
  const [state, dispatch] = useReducer(tableReducer, props.initialSort ?? null, initialTableState);
  const rowElements = useRef<Array<HTMLTableRowElement | null>>([]);
  const byColumn = new Map(columns.map((column) => [column.key, column]));
  const shown = rows ? sortRows(rows, state.sort, (row, key) => byColumn.get(key)?.sortValue?.(row)) : null;
  const active = shown ? Math.min(state.active, Math.max(0, shown.length - 1)) : 0;
  const cell = props.dense ? 'px-2 py-1' : 'px-2 py-cell';

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, row: Row, index: number) => {
    // Keys typed into a field or pressed on a button inside the row are theirs.
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey || !shown) return;
    const action = rowKeyAction(event.key, shown.length);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'activate') return props.onActivate?.(row);
    const next = tableReducer({ ...state, active: index }, action as TableAction);
    dispatch(action as TableAction);
    rowElements.current[next.active]?.focus();
  };

  return (
    <table aria-label={props.label} data-testid={props.testId} className="w-full table-fixed text-left">
      <colgroup>
        {columns.map((column) => (
          <col key={column.key} style={column.width ? { width: column.width } : undefined} />
        ))}
      </colgroup>
      <thead className="border-b border-border-soft text-sm text-muted">
        <tr>
          {columns.map((column) => (
            <HeaderCell key={column.key} column={column} sort={state.sort} className={cell} onSort={() => dispatch({ type: 'sortBy', column: column.key })} />
          ))}
        </tr>
      </thead>
      <tbody>
        {shown === null || shown.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className={`${cell} text-muted`} data-table-state={shown === null ? 'loading' : 'empty'}>
              {shown === null ? (props.loadingText ?? UI_TEXT.loading) : (props.emptyText ?? UI_TEXT.empty)}
            </td>
          </tr>
        ) : (
          shown.map((row, index) => {
            const more = detail?.(row);
            return (
              <Fragment key={rowKey(row)}>
                <tr
                  {...props.rowData?.(row)}
                  ref={(element) => {
                    rowElements.current[index] = element;
                  }}
                  tabIndex={index === active ? 0 : -1}
                  onFocus={(event) => event.target === event.currentTarget && dispatch({ type: 'focusRow', index })}
                  onKeyDown={(event) => onRowKeyDown(event, row, index)}
                  onDoubleClick={props.onActivate && (() => props.onActivate?.(row))}
                  className={`group border-b border-divider align-top outline-none focus:bg-primary-soft ${props.rowClassName?.(row) ?? ''}`}
                >
                  {columns.map((column) => (
                    <BodyCell key={column.key} column={column} row={row} className={cell} />
                  ))}
                </tr>
                {more && (
                  <tr data-row-detail>
                    <td colSpan={columns.length}>{more}</td>
                  </tr>
                )}
              </Fragment>
            );
          })
        )}
      </tbody>
    </table>
  );
}

function HeaderCell<Row>({
  column,
  sort,
  className,
  onSort,
}: {
  readonly column: Column<Row>;
  readonly sort: SortOrder | null;
  readonly className: string;
  readonly onSort: () => void;
}) {
  const align = column.align === 'end' ? 'text-right' : '';
  if (!column.sortValue) return <th className={`${className} ${align} font-normal`}>{column.header}</th>;
  const direction = sort?.column === column.key ? sort.direction : null;
  return (
    <th aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'} className={`${className} ${align} font-normal`}>
      <button
        type="button"
        onClick={onSort}
        className="inline-flex items-center gap-1 rounded outline-none hover:text-ink focus-visible:ring-2 focus-visible:ring-focus"
      >
        {column.header}
        <span aria-hidden className={direction ? 'text-primary' : 'text-faint'}>
          {direction === 'desc' ? '▼' : direction === 'asc' ? '▲' : '↕'}
        </span>
        {direction && <span className="sr-only">{direction === 'asc' ? UI_TEXT.sortAscending : UI_TEXT.sortDescending}</span>}
      </button>
    </th>
  );
}

function BodyCell<Row>({ column, row, className }: { readonly column: Column<Row>; readonly row: Row; readonly className: string }) {
  const align = column.align === 'end' ? 'text-right' : '';
  const full = column.fullText?.(row);
  if (column.fullText === undefined) return <td className={`${className} ${align} ${column.className ?? ''}`}>{column.cell(row)}</td>;
  return (
    <td title={full} className={`${className} ${align} ${column.className ?? ''}`}>
      <div className="truncate group-focus:whitespace-normal group-focus:break-words">{column.cell(row)}</div>
    </td>
  );
}
