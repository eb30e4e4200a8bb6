import { missingCase } from '../../../../shared/missing-case';

export type SortDirection = 'asc' | 'desc';

export interface SortOrder {
  readonly column: string;
  readonly direction: SortDirection;
}

/** What a table remembers between renders: its sort order and the row the cursor is on. */
export interface TableState {
  readonly sort: SortOrder | null;
  /** Index into the rows as shown (after sorting); 0 when the table is entered. */
  readonly active: number;
}

export type TableAction =
  /** A click on a sortable header: first ascending, again descending, again ascending … */
  | { readonly type: 'sortBy'; readonly column: string }
  | { readonly type: 'move'; readonly by: number; readonly rowCount: number }
  | { readonly type: 'first' }
  | { readonly type: 'last'; readonly rowCount: number }
  | { readonly type: 'focusRow'; readonly index: number };

export function initialTableState(sort: SortOrder | null = null): TableState {
  return { sort, active: 0 };
}

export function tableReducer(state: TableState, action: TableAction): TableState {
  switch (action.type) {
    case 'sortBy': {
      const direction: SortDirection = state.sort?.column === action.column && state.sort.direction === 'asc' ? 'desc' : 'asc';
      return { sort: { column: action.column, direction }, active: 0 };
    }
    case 'move':
      return { ...state, active: clamp(state.active + action.by, action.rowCount) };
    case 'first':
      return { ...state, active: 0 };
    case 'last':
      return { ...state, active: Math.max(0, action.rowCount - 1) };
    case 'focusRow':
      return { ...state, active: action.index };
    default:
      return missingCase(action);
  }
}

function clamp(index: number, rowCount: number): number {
  return Math.min(Math.max(index, 0), Math.max(0, rowCount - 1));
}

/** A row key pressed with the cursor on a row: what it means, or null for a key the table leaves alone. */
export type RowKey = TableAction | { readonly type: 'activate' };

export function rowKeyAction(key: string, rowCount: number): RowKey | null {
  switch (key) {
    case 'ArrowDown':
      return { type: 'move', by: 1, rowCount };
    case 'ArrowUp':
      return { type: 'move', by: -1, rowCount };
    case 'PageDown':
      return { type: 'move', by: 10, rowCount };
    case 'PageUp':
      return { type: 'move', by: -10, rowCount };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last', rowCount };
    case 'Enter':
      return { type: 'activate' };
    default:
      return null;
  }
}

export type SortValue = string | number | null | undefined;

// Chinese names sort by pinyin, as a paper register is kept; numbers inside codes sort as numbers (2 before 10).
const COLLATOR = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** Empty values go last whichever the direction, so a sort never buries the filled rows. */
export function compareSortValues(a: SortValue, b: SortValue): number {
  const aEmpty = a === null || a === undefined || a === '';
  const bEmpty = b === null || b === undefined || b === '';
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return COLLATOR.compare(String(a), String(b));
}

/**
 * The rows in the order asked for; stable, so rows with equal values keep the server's order. The
 * unsorted table shows the rows exactly as given.
 */
export function sortRows<Row>(rows: ReadonlyArray<Row>, sort: SortOrder | null, valueOf: (row: Row, column: string) => SortValue): ReadonlyArray<Row> {
  if (!sort) return rows;
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row, sort.column) }))
    .sort((a, b) => {
      const aEmpty = a.value === null || a.value === undefined || a.value === '';
      const bEmpty = b.value === null || b.value === undefined || b.value === '';
      // Empty values last in both directions; everything else by value, then by the original order.
      const byValue = aEmpty || bEmpty ? compareSortValues(a.value, b.value) : sign * compareSortValues(a.value, b.value);
      return byValue || a.index - b.index;
    })
    .map((entry) => entry.row);
}
