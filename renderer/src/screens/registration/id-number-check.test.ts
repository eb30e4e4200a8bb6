import { describe, expect, it } from 'vitest';
import { idNumberFeedback } from './id-number-check';

const typing = (text: string) => idNumberFeedback(text, { final: false, today: '2025-03-14' });
const left = (text: string) => idNumberFeedback(text, { final: true, today: '2025-03-14' });

describe('ID number checked as it is typed', () => {
  it('says nothing wrong while digits are still coming', () => {
    expect(typing('330783')).toEqual({ error: null, hint: '已输入 6 位', parsed: null });
    expect(typing('330783195603141')).toMatchObject({ error: null, parsed: null });
  });

  it('flags a wrong character at once', () => {
    expect(typing('3307a3').error).toMatch(/只能是数字/);
    expect(typing('33078X').error).toMatch(/只能是数字/);
  });

  it('checks the whole number as soon as the 18th character is in', () => {
    expect(typing('330783195603141282')).toEqual({
      error: null,
      hint: null,
      parsed: { id18: '330783195603141282', birthDate: '1956-03-14', sex: '2', legacy: false },
    });
    expect(typing('330783195603141283').error).toMatch(/校验位不对/);
    expect(typing('330783195602301282').error).toMatch(/出生日期不存在/);
    expect(typing('3307831956031412821').error).toMatch(/现在输入了 19 位/);
  });

  it('judges a short or 15-digit number when the field is left', () => {
    expect(left('33078319560314').error).toMatch(/现在输入了 14 位/);
    expect(left('330783560314128')).toMatchObject({ error: null, parsed: { id18: '330783195603141282', legacy: true } });
    expect(left('')).toEqual({ error: null, hint: null, parsed: null });
  });

  it('accepts the spaces and lower-case x people type', () => {
    expect(typing('110105 19491231 002x').parsed?.id18).toBe('11010519491231002X');
  });
});
