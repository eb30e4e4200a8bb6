import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createMemoryPortPair } from '../port/memory-byte-port';
import { FakeClock } from '../../../shared/time/testing/fake-clock';
import { ScannerDriver, type ScannerEvent } from './scanner-driver';

function rig(maxLineBytes?: number) {
  const line = createMemoryPortPair();
  const driver = new ScannerDriver(line.host, maxLineBytes === undefined ? {} : { maxLineBytes });
  const events: ScannerEvent[] = [];
  driver.onEvent((event) => events.push(event));
  return { line, events };
}

describe('ScannerDriver (in memory)', () => {
  it('classifies each line and reports errors in Chinese', async () => {
    const { line, events } = rig(64);
    await line.device.write(new Uint8Array(Buffer.from('PT-01HZY3M5V6W7X8Y9Z0ABCDEFGH\r\n', 'utf8')));
    await line.device.write(new Uint8Array(iconv.encode('王秀英\r', 'gb18030')));
    await line.device.write(new Uint8Array(Buffer.from(`${'9'.repeat(100)}\n`, 'latin1')));
    await line.device.write(Uint8Array.of(0x81, 0x20, 0x0d));
    await FakeClock.settle();
    expect(events).toEqual([
      { type: 'scan', encoding: 'utf-8', scan: expect.objectContaining({ kind: 'patient' }) },
      { type: 'scan', encoding: 'gb18030', scan: expect.objectContaining({ kind: 'unknown', text: '王秀英' }) },
      { type: 'error', error: expect.objectContaining({ code: 'scan_too_long', message: '扫码内容过长，已忽略，请重新扫码' }) },
      { type: 'error', error: expect.objectContaining({ code: 'scan_undecodable' }) },
    ]);
  });
});
