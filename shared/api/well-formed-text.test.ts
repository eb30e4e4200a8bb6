import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { method } from './define';
import { isWellFormedText, malformedTextPaths, MALFORMED_TEXT_MESSAGE } from './well-formed-text';

describe('well-formed text', () => {
  it('tells lone surrogates from pairs', () => {
    expect(['王五', '王𠀀五', '', 'abc'].map(isWellFormedText)).toEqual([true, true, true, true]);
    expect(['王\ud800五', '\udc00卫生院', '末尾\ud83d', '\udc00\ud800'].map(isWellFormedText)).toEqual([false, false, false, false]);
  });

  it('finds every malformed string and key, with its path', () => {
    expect(malformedTextPaths({ a: ['ok', 'x\ud800'], b: { c: '\udfff' }, ['k\ud800']: 1, n: 5 })).toEqual([['a', 1], ['b', 'c'], ['k\ud800']]);
  });

  it('is checked on the input of every method declared with method()', () => {
    const spec = method({
      input: z.object({ name: z.string(), tags: z.array(z.string()) }),
      output: z.object({}),
      permission: 'public',
      requiresSetup: false,
      audit: 'none',
      summary: '',
    });
    expect(spec.input.safeParse({ name: '王五', tags: ['𠀀'] }).success).toBe(true);
    const refused = spec.input.safeParse({ name: '王\ud800五', tags: ['a', '\udc00'] });
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', MALFORMED_TEXT_MESSAGE],
      ['tags.1', MALFORMED_TEXT_MESSAGE],
    ]);
  });
});
