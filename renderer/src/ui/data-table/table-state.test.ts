import { describe, expect, it } from 'vitest';
import { compareSortValues, initialTableState, rowKeyAction, sortRows, tableReducer, type TableAction } from './table-state';

const press = (keys: ReadonlyArray<string>, rowCount: number) =>
  keys.reduce((state, key) => {
    const action = rowKeyAction(key, rowCount);
    return action && action.type !== 'activate' ? tableReducer(state, action as TableAction) : state;
  }, initialTableState());

describe('data table keys', () => {
  it('moves the cursor with the arrows and stops at both ends', () => {
    expect(press(['ArrowDown', 'ArrowDown'], 5).active).toBe(2);
    expect(press(['ArrowUp'], 5).active).toBe(0);
    expect(press(['ArrowDown', 'ArrowDown', 'ArrowDown'], 2).active).toBe(1);
  });

  it('jumps with Home, End and a page at a time', () => {
    expect(press(['End'], 7).active).toBe(6);
    expect(press(['End', 'Home'], 7).active).toBe(0);
    expect(press(['PageDown'], 25).active).toBe(10);
    expect(press(['PageDown', 'PageDown', 'PageDown'], 25).active).toBe(24);
    expect(press(['End', 'PageUp'], 25).active).toBe(14);
  });

  it('opens the row on Enter and leaves other keys to the page', () => {
    expect(rowKeyAction('Enter', 3)).toEqual({ type: 'activate' });
    expect(rowKeyAction('a', 3)).toBeNull();
    expect(rowKeyAction('Tab', 3)).toBeNull();
  });

  it('stays at 0 in an empty table', () => {
    expect(press(['End', 'ArrowDown'], 0).active).toBe(0);
  });
});

describe('data table sorting', () => {
  const rows = [
    { name: '王五', code: '10' },
    { name: '李四', code: '2' },
    { name: '张三', code: '' },
    { name: '赵六', code: '2' },
  ];
  const valueOf = (row: (typeof rows)[number], column: string) => (column === 'name' ? row.name : row.code);

  it('toggles ascending and descending on the same column and starts ascending on another', () => {
    let state = tableReducer(initialTableState(), { type: 'sortBy', column: 'name' });
    expect(state.sort).toEqual({ column: 'name', direction: 'asc' });
    state = tableReducer(state, { type: 'sortBy', column: 'name' });
    expect(state.sort).toEqual({ column: 'name', direction: 'desc' });
    state = tableReducer({ ...state, active: 3 }, { type: 'sortBy', column: 'code' });
    expect(state).toEqual({ sort: { column: 'code', direction: 'asc' }, active: 0 });
  });

  it('sorts Chinese names by pinyin', () => {
    expect(sortRows(rows, { column: 'name', direction: 'asc' }, valueOf).map((row) => row.name)).toEqual(['李四', '王五', '张三', '赵六']);
    expect(sortRows(rows, { column: 'name', direction: 'desc' }, valueOf).map((row) => row.name)).toEqual(['赵六', '张三', '王五', '李四']);
  });

  it('sorts numbers inside codes as numbers, keeps equal rows in their order, and puts empty values last both ways', () => {
    expect(sortRows(rows, { column: 'code', direction: 'asc' }, valueOf).map((row) => row.name)).toEqual(['李四', '赵六', '王五', '张三']);
    expect(sortRows(rows, { column: 'code', direction: 'desc' }, valueOf).map((row) => row.name)).toEqual(['王五', '李四', '赵六', '张三']);
  });

  it('shows the rows as given when not sorted', () => {
    expect(sortRows(rows, null, valueOf)).toBe(rows);
    expect(compareSortValues(2, 10)).toBeLessThan(0);
    expect(compareSortValues(null, 'a')).toBeGreaterThan(0);
  });
});
