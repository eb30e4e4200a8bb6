import { describe, expect, it } from 'vitest';
import { deviceIndicatorOf } from './device-indicator';

describe('status bar device indicator', () => {
  it('says when nothing is set up', () => {
    expect(deviceIndicatorOf([])).toEqual({ state: 'not_configured', message: '尚未设置读卡器和扫码枪' });
  });

  it('shows the worst state and each device in a few words', () => {
    expect(
      deviceIndicatorOf([
        { kind: 'card_reader', path: 'COM3', status: 'disconnected', message: '读卡器已断开' },
        { kind: 'scanner', path: 'COM4', status: 'ready', message: '扫码枪已就绪' },
      ]),
    ).toEqual({ state: 'disconnected', message: '读卡器已断开 · 扫码枪已连接' });
    expect(deviceIndicatorOf([{ kind: 'card_reader', path: 'COM3', status: 'ready', message: '' }])).toEqual({ state: 'ready', message: '读卡器已连接' });
  });
});
