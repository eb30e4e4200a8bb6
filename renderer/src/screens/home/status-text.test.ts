import { describe, expect, it } from 'vitest';
import { describeDevices, describeSync, formatLastSuccess } from './status-text';

describe('status bar text', () => {
  const now = new Date('2025-03-14T08:30:00Z'); // 16:30 in Beijing

  it('says when the last sync worked in the clinic time zone, today or on a date, whatever the PC zone', () => {
    expect(formatLastSuccess('2025-03-14T00:05:00Z', now)).toBe('今天 08:05');
    expect(formatLastSuccess('2025-03-02T15:59:00Z', now)).toBe('3月2日 23:59');
    expect(formatLastSuccess('2025-03-13T17:00:00Z', now, 'UTC')).toBe('3月13日 17:00');
    expect(formatLastSuccess(null, now)).toBe('从未同步');
  });

  it('shows waiting changes only once sync is set up', () => {
    expect(describeSync({ state: 'not_configured', pendingChanges: 0, lastSuccessAt: null, message: '' }, now)).toBe('未配置');
    expect(describeSync({ state: 'idle', pendingChanges: 12, lastSuccessAt: null, message: '' }, now)).toBe('空闲 · 待上传 12 条 · 上次成功 从未同步');
  });

  it('adds the device message when it says more than the state', () => {
    expect(describeDevices({ state: 'ready', message: '就绪' })).toBe('就绪');
    expect(describeDevices({ state: 'disconnected', message: '读卡器已拔出' })).toBe('未连接（读卡器已拔出）');
  });
});
