import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateDocument } from './validation';

describe('validateDocument', () => {
  const schema = z.object({ _id: z.string().regex(/^patient:/, '患者编号格式不对'), name: z.string().min(1), visits: z.array(z.number()).max(1) });

  it('passes a good body through', () => {
    expect(validateDocument(schema, { _id: 'patient:1', name: '王五', visits: [] })).toEqual({
      ok: true,
      value: { _id: 'patient:1', name: '王五', visits: [] },
    });
  });

  it('gives the administrator the reasons in the same words as the forms and the router', () => {
    expect(validateDocument(schema, { _id: 'x', visits: [1, 2] })).toEqual({
      ok: false,
      reason: '文档未通过校验：_id：患者编号格式不对；name：此项必填；visits：最多 1 项',
    });
  });
});
