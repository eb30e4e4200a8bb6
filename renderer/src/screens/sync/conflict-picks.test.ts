import { describe, expect, it } from 'vitest';
import type { ConflictDetailView } from '../../../../shared/api/sync';
import { choiceFromPicks } from './conflict-picks';
import { historyChartData } from './history-chart-data';
import { progressPercent } from './format';

const detail: ConflictDetailView = {
  id: 'department:03',
  type: 'department',
  label: '科室 内科（03）',
  seenRevs: ['2-b', '2-a'],
  sides: [
    { rev: '2-b', winner: true, updatedAt: null, updatedBy: 'admin' },
    { rev: '2-a', winner: false, updatedAt: null, updatedBy: 'county' },
  ],
  fields: [
    { name: 'name', pickable: true, differs: true, values: ['内一科', '内科门诊'] },
    { name: 'outpatient', pickable: true, differs: true, values: ['否', '是'] },
    { name: 'code', pickable: true, differs: false, values: ['03', '03'] },
    { name: 'updated_by', pickable: false, differs: true, values: ['admin', 'county'] },
  ],
};

describe('conflict picks', () => {
  it('keeps one side whole when nothing is picked from the other', () => {
    expect(choiceFromPicks(detail, 0, {})).toEqual({ kind: 'keep', rev: '2-b' });
    expect(choiceFromPicks(detail, 1, { name: 1, code: 0 })).toEqual({ kind: 'keep', rev: '2-a' });
  });

  it('sends the base side and the differing fields taken from others, never record-keeping fields', () => {
    expect(choiceFromPicks(detail, 0, { name: 1, outpatient: 0, updated_by: 1, code: 1 })).toEqual({ kind: 'fields', base: '2-b', picks: { name: '2-a' } });
  });
});

describe('history chart data', () => {
  const run = (id: string, startedAt: string, outcome: 'ok' | 'error', pushed: number) => ({
    id,
    trigger: 'manual' as const,
    startedAt,
    endedAt: startedAt,
    durationMs: 1500,
    outcome,
    pushed,
    pulled: 1,
    referencePulled: 0,
    deniedCount: 0,
    denied: [],
    error: null,
    referenceError: null,
  });
  it('puts runs oldest first and marks the failed ones', () => {
    const data = historyChartData([run('b', '2025-03-02T01:00:00.000Z', 'error', 0), run('a', '2025-03-01T01:00:00.000Z', 'ok', 9)], 'Asia/Shanghai');
    expect(data.labels).toEqual(['03-01 09:00', '03-02 09:00']);
    expect(data.docs).toEqual([10, 1]);
    expect(data.failed).toEqual([null, 1]);
    expect(data.seconds).toEqual([1.5, 1.5]);
    expect(data.failedCount).toBe(1);
  });

  it('marks failed runs that moved nothing, so a history of failures only is not an empty chart', () => {
    const failedRun = (id: string, startedAt: string) => ({ ...run(id, startedAt, 'error', 0), pulled: 0 });
    const data = historyChartData([failedRun('b', '2025-03-02T17:00:00.000Z'), failedRun('a', '2025-03-01T17:00:00.000Z')], 'Asia/Shanghai');
    expect(data.docs).toEqual([0, 0]);
    expect(data.failed).toEqual([1, 1]);
    expect(data.labels).toEqual(['03-02 01:00', '03-03 01:00']);
  });

  it('shows progress only once the total is known', () => {
    expect(progressPercent(5, null)).toBeNull();
    expect(progressPercent(25, 75)).toBe(25);
    expect(progressPercent(0, 0)).toBe(100);
  });
});
