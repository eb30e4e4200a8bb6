import { describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/api';
import { checkRestore, defaultSyncAccount, initialRestoreDraft, rebuildPercent, toRestoreInput, type RestoreDraft } from './restore-draft';

const filledIn: RestoreDraft = {
  ...initialRestoreDraft(),
  serverUrl: ' https://county.example.cn:6984 ',
  clinicCode: 'dongxiang',
  password: 'county-sync-1',
};

describe('restore draft', () => {
  it('starts empty with workstation W01', () => {
    expect(initialRestoreDraft()).toEqual({ serverUrl: '', clinicCode: '', password: '', workstationId: 'W01', username: '' });
  });

  it('shapes a filled-in draft into valid input, leaving a blank sync account out', () => {
    const input = toRestoreInput(filledIn);
    expect(input).toEqual({ serverUrl: 'https://county.example.cn:6984', clinicCode: 'dongxiang', password: 'county-sync-1', workstationId: 'W01' });
    expect(contract['setup.restoreFromCounty'].input.safeParse(input).success).toBe(true);
    expect(checkRestore(filledIn)).toEqual({});
    expect(toRestoreInput({ ...filledIn, username: ' county_reader ' }).username).toBe('county_reader');
  });

  it('says in Chinese which fields are missing', () => {
    const errors = checkRestore({ ...initialRestoreDraft(), workstationId: ' ' });
    expect(Object.keys(errors).sort()).toEqual(['clinicCode', 'password', 'serverUrl', 'workstationId']);
    expect(errors.serverUrl).toBe('请填写县级服务器地址');
    expect(errors.password).toBe('请填写同步密码');
    for (const message of Object.values(errors)) expect(message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('uses the contract for malformed values', () => {
    const errors = checkRestore({ ...filledIn, serverUrl: 'county.example.cn', clinicCode: 'Dong Xiang', workstationId: 'w-01' });
    expect(errors.serverUrl).toContain('县级服务器地址');
    expect(errors.clinicCode).toMatch(/[\u4e00-\u9fff]/);
    expect(errors.workstationId).toContain('工作站编号');
    expect(checkRestore({ ...filledIn, serverUrl: 'ftp://county.example.cn' }).serverUrl).toBe('地址应以 http:// 或 https:// 开头');
  });

  it('names the default sync account after the clinic code', () => {
    expect(defaultSyncAccount(' dongxiang ')).toBe('clinic_dongxiang');
    expect(defaultSyncAccount('')).toBe('clinic_机构编码');
  });

  it('turns the rebuild counts into a percentage', () => {
    expect(rebuildPercent({ rebuildDone: 0, rebuildTotal: 0 })).toBe(0);
    expect(rebuildPercent({ rebuildDone: 1, rebuildTotal: 3 })).toBe(33);
    expect(rebuildPercent({ rebuildDone: 5, rebuildTotal: 4 })).toBe(100);
  });
});
