import { describe, expect, it } from 'vitest';
import { SYNC_ERROR_MESSAGES } from '../sync/errors';
import { COUNTY_RESTORE_WORDING, restoreFailureMessage, stateOfThisPc } from './restore-wording';

const COUNTY = { wording: COUNTY_RESTORE_WORDING, holding: stateOfThisPc };

describe('what a failed restore says', () => {
  it('never tells a PC with nothing on it that its data is safe here, and points at the address', () => {
    const text = restoreFailureMessage(COUNTY, 'SYNC_HOST_UNREACHABLE', SYNC_ERROR_MESSAGES.SYNC_HOST_UNREACHABLE, 0);
    expect(text).not.toContain('数据已安全保存在本机');
    expect(text).toContain('服务器地址可能填错了');
    expect(text).toContain('这台电脑上还没有本院的任何数据');
  });

  it('says how much was downloaded once part of the record is here', () => {
    const text = restoreFailureMessage(COUNTY, 'SYNC_CONNECTION_LOST', SYNC_ERROR_MESSAGES.SYNC_CONNECTION_LOST, 12_345);
    expect(text).toContain('已下载的 12,345 份文档保留在这台电脑上');
    expect(text).not.toContain('同步设置');
  });

  it('keeps the message of a cause it has no restore wording for', () => {
    expect(restoreFailureMessage(COUNTY, 'SYNC_LOCAL_DISK_FULL', SYNC_ERROR_MESSAGES.SYNC_LOCAL_DISK_FULL, 3)).toBe(SYNC_ERROR_MESSAGES.SYNC_LOCAL_DISK_FULL);
  });
});
