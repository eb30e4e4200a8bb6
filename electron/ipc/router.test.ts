import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiFailure } from '../../shared/api';
import { method } from '../../shared/api/define';
import type { Actor } from '../services/sessions';
import { throwIfImmutable } from '../services/write-refusals';
import { Router } from './router';
import { testRouterHooks } from './testing/router-hooks';

const empty = z.object({}).strict();
const testContract = {
  'setup.status': method({ input: empty, output: z.object({ n: z.number() }), permission: 'public', requiresSetup: false, audit: 'none', summary: '' }),
  'auth.currentUser': method({
    input: z.object({ name: z.string().min(2, '名字至少 2 个字'), age: z.number().int() }).strict(),
    output: z.object({ greeting: z.string() }),
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '',
  }),
  'patients.get': method({
    input: empty,
    output: z.object({ ids: z.array(z.string()) }),
    permission: 'patient.read',
    requiresSetup: true,
    audit: 'read',
    summary: '',
  }),
  'auth.login': method({
    input: empty,
    output: z.object({ user: z.object({ username: z.string() }) }),
    permission: 'public',
    requiresSetup: true,
    audit: 'write',
    summary: '',
  }),
};

const actor = (username: string, roles: Actor['roles']): Actor => ({ username, displayName: username, roles, departmentCodes: ['03'], workstation: 'W01' });
const callers: Record<string, Actor> = { a: actor('admin', ['admin']), d: actor('li', ['doctor']) };
const clinic = { code: 'qingshan', name: '青山镇卫生院' };

function setup(options: { setUp?: boolean } = {}) {
  const logError = vi.fn();
  const test = testRouterHooks({
    resolveCaller: (token) => ({ actor: token ? (callers[token] ?? null) : null, expired: token === 'old' }),
    clinic: () => (options.setUp === false ? null : clinic),
    logError,
  });
  return { router: new Router(test.hooks, testContract), ...test, logError };
}

describe('Router', () => {
  it('refuses a second handler for the same method and reports missing ones', () => {
    const { router } = setup();
    router.implement('setup.status', () => ({ n: 1 }));
    expect(() => router.implement('setup.status', () => ({ n: 2 }))).toThrow(/twice/);
    expect(() => router.assertComplete()).toThrow(/auth.currentUser/);
  });

  it('checks setup, session, permission, then input, before the handler runs', async () => {
    const handler = vi.fn(() => ({ greeting: 'hi' }));
    const before = setup({ setUp: false });
    before.router.implement('auth.currentUser', handler);
    expect(await before.router.invoke({ method: 'auth.currentUser', input: { name: '王芳', age: 3 }, session: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SET_UP' },
    });

    const { router, events } = setup();
    router.implement('auth.currentUser', handler);
    expect(await router.invoke({ method: 'auth.currentUser', input: { name: '王芳', age: 3 } })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await router.invoke({ method: 'auth.currentUser', input: {}, session: 'old' })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    expect(await router.invoke({ method: 'auth.currentUser', input: { name: '王芳', age: 3 }, session: 'd' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(events).toEqual([{ method: 'auth.currentUser', actor: 'li', outcome: 'denied', input: undefined }]);
    const invalid = await router.invoke({ method: 'auth.currentUser', input: { name: '王', age: 'x', extra: 1 }, session: 'a' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!invalid.ok && invalid.error.fields?.map((f) => f.path).sort()).toEqual(['', 'age', 'name']);
    expect(!invalid.ok && invalid.error.fields?.find((f) => f.path === 'name')?.message).toBe('名字至少 2 个字');
    expect(handler).not.toHaveBeenCalled();
  });

  it('gives handlers the actor and the clinic, typed non-null where the method guarantees them', async () => {
    const { router } = setup();
    router
      .implement('auth.currentUser', (input, ctx) => ({
        greeting: `${input.name}: ${ctx.actor.username}@${ctx.actor.workstation} ${ctx.actor.roles.join()} ${ctx.clinic.name}`,
      }))
      .implement('setup.status', (_input, ctx) => {
        // Compile-time checks only (never called):
        void (() => [
          // @ts-expect-error a public method may be called without a session
          ctx.actor.username,
          // @ts-expect-error a method that does not require setup may run before it
          ctx.clinic.code,
        ]);
        return { n: ctx.actor === null && ctx.clinic !== null ? 1 : 0 };
      });
    expect(await router.invoke({ method: 'auth.currentUser', input: { name: '王芳', age: 3 }, session: 'a' })).toEqual({
      ok: true,
      value: { greeting: '王芳: admin@W01 admin 青山镇卫生院' },
    });
    expect(await router.invoke({ method: 'setup.status', input: {} })).toEqual({ ok: true, value: { n: 1 } });
  });

  it('audits as each method declares: writes through the audit context, reads after, nothing for none', async () => {
    const { router, calls, events } = setup();
    router
      .implement('setup.status', () => ({ n: 1 }))
      .implement('auth.currentUser', () => ({ greeting: 'hi' }))
      .implement('patients.get', () => ({ ids: ['patient:P1'] }))
      .implement('auth.login', () => ({ user: { username: 'wang' } }));
    await router.invoke({ method: 'setup.status', input: {} });
    await router.invoke({ method: 'auth.currentUser', input: { name: '王芳', age: 3 }, session: 'a' });
    await router.invoke({ method: 'patients.get', input: {}, session: 'd' });
    await router.invoke({ method: 'auth.login', input: {} });
    expect(calls.map((c) => [c.method, c.kind, c.actor])).toEqual([
      ['auth.currentUser', 'write', 'admin'],
      ['patients.get', 'read', 'li'],
      ['auth.login', 'write', 'anonymous'],
    ]);
    // No document was written by these handlers, so each audited call gets its event on its own; a login names who logged in.
    expect(events.map((e) => [e.method, e.actor, e.outcome])).toEqual([
      ['auth.currentUser', 'admin', 'ok'],
      ['patients.get', 'li', 'ok'],
      ['auth.login', 'wang', 'ok'],
    ]);
    expect(events[1].output).toEqual({ ids: ['patient:P1'] });
  });

  it('passes expected failures through (audited) and hides unexpected ones', async () => {
    const { router, events, logError } = setup();
    router
      .implement('setup.status', () => ({ n: 'not a number' }) as unknown as { n: number })
      .implement('auth.currentUser', () => {
        throw new ApiFailure('CONFLICT');
      });
    expect(await router.invoke({ method: 'auth.currentUser', input: { name: '王芳', age: 1 }, session: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('刷新') },
    });
    expect(events).toEqual([{ method: 'auth.currentUser', actor: 'admin', outcome: 'failed', input: { name: '王芳', age: 1 } }]);
    expect(await router.invoke({ method: 'setup.status', input: {} })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logError).toHaveBeenCalledTimes(1);
  });

  it('answers a refused edit of an immutable document as FORBIDDEN, in the words of its type, whichever handler met it', async () => {
    const { router, events, logError } = setup();
    const reason = '门诊记录签署后不能修改（note:0001）。需要更正时请另写一条更正记录。';
    router.implement('auth.currentUser', () => {
      throwIfImmutable({ ok: false, id: 'note:0001', error: 'forbidden', reason });
      return { greeting: 'never' };
    });
    expect(await router.invoke({ method: 'auth.currentUser', input: { name: '王芳', age: 1 }, session: 'a' })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: reason },
    });
    expect(events).toEqual([{ method: 'auth.currentUser', actor: 'admin', outcome: 'failed', input: { name: '王芳', age: 1 } }]);
    expect(logError).not.toHaveBeenCalled();
    // Other refusals are not the router's to word: they stay with the service.
    expect(() => throwIfImmutable({ ok: false, id: 'note:0001', error: 'conflict', reason: '' })).not.toThrow();
  });

  it('turns malformed envelopes and unknown methods into typed errors', async () => {
    const { router } = setup();
    router.implement('setup.status', () => ({ n: 1 }));
    for (const bad of [null, 42, 'x', [], { input: {} }, { method: 7 }]) {
      expect(await router.invoke(bad)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(await router.invoke({ method: 'nope.nothing', input: {} })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await router.invoke({ method: '__proto__', input: {} })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});
