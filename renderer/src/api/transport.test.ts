import { describe, expect, it } from 'vitest';
import { httpTransport, ipcTransport, readApiResult } from './transport';

const request = { method: 'setup.status', input: {} };

function reply(status: number, body: unknown): typeof fetch {
  return async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('httpTransport', () => {
  it('posts the envelope with the launch token and returns the ApiResult as sent', async () => {
    let seen: { url: string; init: RequestInit | undefined } | null = null;
    const transport = httpTransport({
      token: 'ab12cd34ab12cd34',
      fetch: async (url, init) => {
        seen = { url: String(url), init };
        return new Response(JSON.stringify({ ok: true, value: { initialized: false } }), { status: 200 });
      },
    });
    const result = await transport({ ...request, session: 's1' });
    expect(result).toEqual({ ok: true, value: { initialized: false } });
    expect(seen!.url).toBe('/api/invoke');
    expect(seen!.init?.method).toBe('POST');
    expect(new Headers(seen!.init?.headers).get('X-Clinic-Token')).toBe('ab12cd34ab12cd34');
    expect(JSON.parse(String(seen!.init?.body))).toEqual({ method: 'setup.status', input: {}, session: 's1' });
  });

  it('passes expected errors through with their field issues', async () => {
    const error = { code: 'VALIDATION_FAILED', message: '填写的内容有误', fields: [{ path: 'admin.password', message: '密码至少 8 位' }] };
    const result = await httpTransport({ token: 'ab12cd34ab12cd34', fetch: reply(200, { ok: false, error }) })(request);
    expect(result).toEqual({ ok: false, error });
  });

  it.each([500, 502, 404])('maps HTTP %i to TRANSPORT with a Chinese message', async (status) => {
    const result = await httpTransport({ token: 'ab12cd34ab12cd34', fetch: reply(status, 'oops') })(request);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('TRANSPORT');
    expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says the page must be reopened when the launch token is refused', async () => {
    const result = await httpTransport({ token: 'ab12cd34ab12cd34', fetch: reply(403, 'forbidden') })(request);
    expect(result.ok ? null : result.error).toMatchObject({ code: 'TRANSPORT', message: expect.stringContaining('重新打开') });
  });

  it('maps a network failure, a body that is not JSON, and a foreign shape to TRANSPORT', async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    for (const fetchImpl of [failing, reply(200, '<html>'), reply(200, { hello: 'world' })]) {
      const result = await httpTransport({ token: 'ab12cd34ab12cd34', fetch: fetchImpl })(request);
      expect(result.ok ? null : result.error.code).toBe('TRANSPORT');
    }
  });

  it('gives up after its timeout', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const result = await httpTransport({ token: 'ab12cd34ab12cd34', fetch: hanging, timeoutMs: 20 })(request);
    expect(result.ok ? null : result.error.code).toBe('TRANSPORT');
  });

  it('does not call out at all without a launch token', async () => {
    let called = false;
    const result = await httpTransport({
      token: null,
      fetch: async () => {
        called = true;
        return new Response('{}');
      },
    })(request);
    expect(called).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('TRANSPORT');
  });
});

describe('ipcTransport', () => {
  it('returns what the bridge answers, and TRANSPORT when the bridge rejects', async () => {
    const ok = await ipcTransport({ invoke: async () => ({ ok: true, value: 1 }) })(request);
    expect(ok).toEqual({ ok: true, value: 1 });
    const broken = await ipcTransport({
      invoke: async () => {
        throw new Error('channel closed');
      },
    })(request);
    expect(broken.ok ? null : broken.error.code).toBe('TRANSPORT');
  });
});

describe('readApiResult', () => {
  it('keeps the message of an error code this build does not know, as INTERNAL', () => {
    expect(readApiResult({ ok: false, error: { code: 'BRAND_NEW', message: '新错误' } })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '新错误' },
    });
  });

  it('drops malformed field issues rather than trusting them', () => {
    const result = readApiResult({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'x', fields: [{ path: 'a', message: 'b' }, { path: 3 }] } });
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'x', fields: [{ path: 'a', message: 'b' }] } });
  });

  it('rejects things that are not results', () => {
    for (const value of [null, 'ok', { ok: true }, { ok: false }, { ok: false, error: { message: 'no code' } }]) expect(readApiResult(value)).toBeNull();
  });
});
