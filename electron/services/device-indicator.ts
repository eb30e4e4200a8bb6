import type { z } from 'zod';
import type { DeviceStateView } from '../../shared/api/devices';
import type { deviceIndicator } from '../../shared/api/system';

/** The status bar's device light. */
export type DeviceIndicator = z.infer<typeof deviceIndicator>;

const NAMES = { card_reader: '读卡器', scanner: '扫码枪' } as const;

const SHORT = {
  ready: '已连接',
  connecting: '连接中',
  disconnected: '已断开',
  error: '故障',
} as const satisfies Record<DeviceStateView['status'], string>;

/** Worst first: the status bar's one state is that of the device in the worst shape. */
const RANK = { error: 0, disconnected: 1, connecting: 2, ready: 3 } as const;

/** The status bar's device slot: one overall state, and each device's state in a few words. */
export function deviceIndicatorOf(states: ReadonlyArray<DeviceStateView>): DeviceIndicator {
  if (states.length === 0) return { state: 'not_configured', message: '尚未设置读卡器和扫码枪' };
  const worst = [...states].sort((a, b) => RANK[a.status] - RANK[b.status])[0];
  const message = states.map((s) => `${NAMES[s.kind]}${SHORT[s.status]}`).join(' · ');
  return { state: worst.status, message };
}
