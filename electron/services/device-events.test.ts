import { describe, expect, it } from 'vitest';
import { DeviceEventQueue } from './device-events';

describe('device event queue', () => {
  const clock = { t: Date.parse('2025-03-14T08:00:00Z') };
  const queue = () => new DeviceEventQueue({ stream: 's1', now: () => clock.t, maxAgeMs: 30_000, capacity: 3 });

  it('gives a screen that just opened only the cursor, then what came after it', () => {
    const q = queue();
    q.push({ type: 'card_removed' });
    expect(q.since('s1', undefined)).toEqual([]);
    const cursor = q.cursor;
    q.push({ type: 'scan', scan: { kind: 'patient', patientId: 'patient:01HZY3M5V6W7X8Y9Z0ABCDEFGH' } });
    expect(q.since('s1', cursor).map((e) => e.type)).toEqual(['scan']);
    expect(q.since('s1', q.cursor)).toEqual([]);
  });

  it('starts over for a cursor of another run, and never delivers stale events', () => {
    const q = queue();
    q.push({ type: 'card_removed' });
    clock.t += 31_000;
    q.push({ type: 'card_removed' });
    expect(q.since('old-run', 57).map((e) => e.seq)).toEqual([2]);
    expect(q.since('s1', 99).map((e) => e.seq)).toEqual([2]);
  });

  it('keeps only the newest events', () => {
    const q = queue();
    for (let i = 0; i < 5; i += 1) q.push({ type: 'card_removed' });
    expect(q.since('s1', 0).map((e) => e.seq)).toEqual([3, 4, 5]);
  });
});
