/**
 * A wrong password must not lock the clinic out (CouchDB 3.5 locks a user and address after 5
 * failed logins): each run stops at its first 401, no timer tries the same password again, and a
 * lockout (403 "Account is temporarily locked…") is told as what it is, with when it ends.
 */
import { describe, expect, it } from 'vitest';
import { SyncScheduler } from './schedule';
import { createBackoff } from '../../shared/time/backoff';
import { nodeHttpFetch } from './http-fetch';
import type { RemoteFetch } from './remote-fetch';
import { clinicPassword, countyForTests, openTestClinic } from './testing/clinic-fixture';
import { COUCHDB, COUNTY_PEERS, type CountyPeer } from './testing/peers';

/** PouchDB's own fetch, counting requests that carry this password. */
function countingFetch(password: string): { fetch: RemoteFetch; sent: () => number } {
  const inner = nodeHttpFetch();
  let sent = 0;
  return {
    sent: () => sent,
    fetch: (url, init) => {
      const headers = init?.headers;
      const auth =
        headers && typeof (headers as Headers).get === 'function'
          ? (headers as Headers).get('authorization')
          : (headers as Record<string, string> | undefined)?.Authorization;
      if (auth === `Basic ${Buffer.from(`clinic_cr01:${password}`).toString('base64')}`) sent += 1;
      return inner(url, init);
    },
  };
}

describe.each(COUNTY_PEERS)('a wrong sync password ($name)', (choice) => {
  let peer: CountyPeer;
  const clinics = countyForTests(choice, ['cr01'], (started) => (peer = started));

  it('costs one request per run, is not retried by a timer, and the right password then works', async () => {
    const counting = countingFetch('stale-password-123');
    const clinic = openTestClinic('cr01', peer.url, { fetch: counting.fetch });
    clinics.push(clinic);
    clinic.addPatients(2);
    clinic.engine.setEndpoint({ serverUrl: peer.url, username: 'clinic_cr01', password: 'stale-password-123' });
    const scheduler = new SyncScheduler({ runner: clinic.engine, backoff: createBackoff(), window: { start: '00:00', end: '23:59' } });
    scheduler.start();
    try {
      for (let i = 0; i < 2; i++) {
        const outcome = await scheduler.syncNow();
        expect(outcome.ok ? 'ok' : outcome.error.code).toBe('SYNC_AUTH_FAILED');
        expect(counting.sent()).toBe(i + 1);
        // Nothing is planned: only a person (sync now, or new credentials) starts the next run.
        expect(scheduler.nextRun()).toBeNull();
      }
      clinic.engine.setEndpoint({ serverUrl: peer.url, username: 'clinic_cr01', password: clinicPassword('cr01') });
      scheduler.credentialsChanged();
      expect(scheduler.nextRun()).not.toBeNull();
      expect(await scheduler.syncNow()).toEqual({ ok: true });
    } finally {
      scheduler.stop();
    }
  });
});

describe('a locked account (CouchDB 3)', () => {
  let peer: CountyPeer;
  countyForTests(COUCHDB, ['cr01'], (started) => (peer = started));

  it('is told as a lockout with its end time, not as "no permission", and not retried', async () => {
    const bad = `Basic ${Buffer.from('clinic_cr01:guessed-wrong').toString('base64')}`;
    for (let i = 0; i < 6; i++) await fetch(`${peer.url}/clinic_cr01`, { headers: { authorization: bad } });
    const clinic = openTestClinic('cr01', peer.url);
    try {
      const started = Date.now();
      const outcome = await clinic.engine.run('manual');
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.error).toMatchObject({ code: 'SYNC_ACCOUNT_LOCKED', retryable: false, status: 403 });
      const until = Date.parse(outcome.error.lockedUntil ?? '');
      expect(until - started).toBeGreaterThan(4 * 60_000);
      expect(until - started).toBeLessThanOrEqual(5 * 60_000 + 5_000);
      const hhmm = `${String(new Date(until).getHours()).padStart(2, '0')}:${String(new Date(until).getMinutes()).padStart(2, '0')}`;
      expect(outcome.error.message).toContain(hhmm);
      expect(outcome.error.message).toContain('锁定');
      expect(clinic.engine.waitingForCredentials()).toBe(true);
    } finally {
      clinic.dispose();
    }
  });
});
