import { describe, expect, it } from 'vitest';
import type { SignatureCheckView, VerificationView } from '../../../../../shared/api';
import { badgeView, clinicTime } from './badge-view';
import { isGuessablePin } from '../../../../../shared/api';
import { newPinProblems, pinProblem } from './pin-form';

const signature = (overrides: Partial<SignatureCheckView> = {}): SignatureCheckView => ({
  signatureId: 'signature:01JQ0000000000000000000011',
  purpose: 'sign',
  status: 'verified',
  signer: { username: 'li.ming', displayName: '李明', practice: 'licensed' },
  signedAt: '2026-03-02T01:05:00.000Z',
  clock: { source: 'local', checked_at: null, offset_ms: null },
  countyStampedAt: null,
  failure: null,
  ...overrides,
});
const verification = (overrides: Partial<VerificationView> = {}): VerificationView => ({
  targetId: 'note:1',
  status: 'verified',
  signer: signature().signer,
  signedAt: signature().signedAt,
  failure: null,
  signatures: [signature()],
  needsCountersign: false,
  ...overrides,
});

describe('the signature badge', () => {
  it('says who signed, when (China time, 24-hour clock), the clock state and the county stamp', () => {
    expect(clinicTime('2026-03-02T15:05:00.000Z')).toBe('2026-03-02 23:05');
    expect(badgeView(verification())).toEqual({
      tone: 'success',
      title: '签名有效',
      lines: ['执业医师 李明 签名于 2026-03-02 09:05（本机时间，尚未与县级平台校对）', '县级平台时间戳：待下次同步'],
    });
    const stamped = badgeView(verification({ signatures: [signature({ countyStampedAt: '2026-03-02T17:00:00.000Z' })] }));
    expect(stamped.lines[1]).toBe('县级平台时间戳：2026-03-03 01:00');
  });

  it('names what fails when altered, warns on an unknown key and a missing counter-signature', () => {
    const failure = { kind: 'body_altered' as const, documentId: 'note:1', message: '记录 note:1 的内容在签名后被改动过，与签名时不一致。' };
    const altered = badgeView(verification({ status: 'altered', failure, signatures: [signature({ status: 'altered', failure })] }));
    expect(altered.tone).toBe('danger');
    expect(altered.title).toBe('签名验证不通过');
    expect(altered.lines).toContain(failure.message);
    expect(badgeView(verification({ status: 'unknown_key' })).tone).toBe('warning');
    expect(badgeView(verification({ needsCountersign: true })).title).toBe('签名有效 · 待上级医师审签');
    expect(badgeView(verification({ status: 'unsigned', signatures: [], signer: null, signedAt: null }))).toEqual({
      tone: 'muted',
      title: '未签名',
      lines: [],
    });
  });
});

describe('the PIN checks', () => {
  it('wants 6–12 digits, typed twice alike, and not an obvious one', () => {
    expect(pinProblem('')).toBe('请输入签名 PIN');
    expect(pinProblem('12345')).toBe('签名 PIN 为 6–12 位数字');
    expect(pinProblem('12345a')).toBe('签名 PIN 为 6–12 位数字');
    expect(pinProblem('802613')).toBeNull();
    expect(['111111', '123456', '987654'].map(isGuessablePin)).toEqual([true, true, true]);
    expect(isGuessablePin('802613')).toBe(false);
    expect(newPinProblems({ pin: '123456', again: '123456' })).toEqual({ pin: expect.stringContaining('连续数字') });
    expect(newPinProblems({ pin: '802613', again: '802614' })).toEqual({ again: '两次输入的 PIN 不一致' });
    expect(newPinProblems({ pin: '802613', again: '802613' })).toEqual({});
  });
});
