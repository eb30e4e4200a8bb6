import { describe, expect, it } from 'vitest';
import type { ApiResult, InvokeRequest } from '../../../shared/api';
import { createClient, type ClientEvent } from './client';
import { memorySessionStore } from './session-store';
import type { Transport } from './transport';

const user = { username: 'admin', displayName: '王医生', roles: ['admin'], departmentCodes: [] };

/** A transport that answers from a table and records what it was sent. */
function scripted(answers: Record<string, ApiResult<unknown>>) {
  const sent: InvokeRequest[] = [];
  const transport: Transport = async (request) => {
    sent.push(request);
    return answers[request.method] ?? { ok: false, error: { code: 'UNKNOWN_METHOD', message: '?' } };
  };
  return { transport, sent };
}

describe('createClient', () => {
  it('exposes every contract method as api.<domain>.<method>', () => {
    const client = createClient(scripted({}).transport, memorySessionStore());
    expect(typeof client.api.setup.initialize).toBe('function');
    expect(typeof client.api.admin.createUser).toBe('function');
    expect(typeof client.api.system.status).toBe('function');
    // Names with more dots keep everything after the domain: api.sync['conflicts.list'].
    expect(typeof client.api.sync['conflicts.list']).toBe('function');
    expect(typeof client.api.sync['conflicts.resolve']).toBe('function');
  });

  it('keeps the token from auth.login, sends it with later calls, and forgets it on logout', async () => {
    const session = memorySessionStore();
    const { transport, sent } = scripted({
      'auth.login': { ok: true, value: { sessionToken: 'tok-1', user } },
      'auth.currentUser': { ok: true, value: user },
      'auth.logout': { ok: true, value: { loggedOut: true } },
    });
    const client = createClient(transport, session);
    const login = await client.api.auth.login({ username: 'admin', password: 'pw' });
    expect(login.ok && login.value.user.displayName).toBe('王医生');
    expect(sent[0]).toEqual({ method: 'auth.login', input: { username: 'admin', password: 'pw' } });
    await client.api.auth.currentUser({});
    expect(sent[1].session).toBe('tok-1');
    await client.api.auth.logout({});
    expect(session.get()).toBeNull();
  });

  it('drops the session and tells the app when the server says it has expired', async () => {
    const session = memorySessionStore('old');
    const client = createClient(
      scripted({ 'system.status': { ok: false, error: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录。' } } }).transport,
      session,
    );
    const events: ClientEvent[] = [];
    client.subscribe((event) => events.push(event));
    await client.api.system.status({});
    expect(session.get()).toBeNull();
    expect(events).toEqual([{ type: 'sessionLost', error: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录。' } }]);
  });

  it('reports going offline on TRANSPORT and back online at the next answer', async () => {
    let up = false;
    const transport: Transport = async () =>
      up ? { ok: true, value: { initialized: true, clinicName: '东乡卫生院', dataDir: '/d' } } : { ok: false, error: { code: 'TRANSPORT', message: '断了' } };
    const client = createClient(transport, memorySessionStore());
    const events: ClientEvent[] = [];
    client.subscribe((event) => events.push(event));
    await client.api.setup.status({});
    expect(client.isOnline()).toBe(false);
    up = true;
    await client.api.setup.status({});
    expect(client.isOnline()).toBe(true);
    expect(events).toEqual([
      { type: 'connection', online: false },
      { type: 'connection', online: true },
    ]);
  });

  it('turns an answer that breaks the contract into an error instead of passing it on', async () => {
    const client = createClient(scripted({ 'setup.status': { ok: true, value: { initialized: 'yes' } } }).transport, memorySessionStore());
    const result = await client.api.setup.status({});
    expect(result.ok ? null : result.error.code).toBe('INTERNAL');
  });
});
