import { describe, expect, it } from 'vitest';
import { correctionOf, noteTextOf } from './amend-form';

const latest = noteTextOf({ chief_complaint: '头晕 3 天', plan: '低盐饮食' });

describe('the 更正 form', () => {
  it('sends only the parts that differ from the newest version', () => {
    const edited = { ...latest, chief_complaint: '头晕 5 天' };
    expect(correctionOf(latest, edited, '主诉天数笔误')).toEqual({ ok: true, text: { chief_complaint: '头晕 5 天' } });
  });

  it('asks for a reason before the PIN, and refuses a correction that changes nothing', () => {
    expect(correctionOf(latest, { ...latest, plan: '' }, ' 改 ')).toEqual({ ok: false, problem: '请填写更正原因（至少 2 个字）。' });
    expect(correctionOf(latest, latest, '主诉天数笔误')).toMatchObject({ ok: false, problem: expect.stringContaining('一样') });
  });

  it('reads every text part of a version, blank where it has none', () => {
    expect(latest.past_history).toBe('');
    expect(Object.keys(latest)).toHaveLength(8);
  });
});
