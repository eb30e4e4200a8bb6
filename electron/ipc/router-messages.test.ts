import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { method } from '../../shared/api/define';
import { fieldIssues, IN_CHINESE } from '../../shared/api/zod-chinese';
import { Router } from './router';
import { testRouterHooks } from './testing/router-hooks';

const input = z.object({ name: z.string().min(2, '名字至少 2 个字'), age: z.number().int().max(150), tags: z.array(z.string()).max(1) }).strict();
const contract = {
  'setup.status': method({ input, output: z.object({}), permission: 'public', requiresSetup: false, audit: 'none', summary: '' }),
};

function router(): Router<typeof contract> {
  return new Router(testRouterHooks().hooks, contract).implement('setup.status', () => ({}));
}

describe('the router words a refused input with the shared translator', () => {
  it('tells a wrong kind of value (格式不对) from a missing one (此项必填)', async () => {
    const result = await router().invoke({ method: 'setup.status', input: { name: 5, tags: [] } });
    expect(!result.ok && result.error.fields).toEqual([
      { path: 'name', message: '格式不对' },
      { path: 'age', message: '此项必填' },
    ]);
  });

  it('gives exactly the messages the renderer computes before sending', async () => {
    const sent = { name: '王', age: 151, tags: ['a', 'b'], extra: true };
    const result = await router().invoke({ method: 'setup.status', input: sent });
    const parsed = input.safeParse(sent, IN_CHINESE);
    expect(parsed.success).toBe(false);
    expect(!result.ok && result.error.fields).toEqual(fieldIssues(parsed.error!));
    expect(!result.ok && result.error.fields?.map((f) => f.message)).toEqual(['名字至少 2 个字', '不能大于 150', '最多 1 项', '含有不认识的项目：extra']);
  });
});
