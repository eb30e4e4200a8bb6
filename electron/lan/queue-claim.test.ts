/**
 * 就诊序号 across the centre: two front desks claiming at the same moment on the endpoint never get
 * the same number; with the endpoint gone, a claim answers null at once (the desk numbers alone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPRESS_POUCHDB_CENTRE, openWorkstation, type CentreEndpoint, type TestWorkstation } from './testing/centre';

describe('queue number claims on the centre endpoint (express-pouchdb)', () => {
  let centre: CentreEndpoint;
  const open: TestWorkstation[] = [];
  beforeAll(async () => {
    centre = await EXPRESS_POUCHDB_CENTRE.start();
    await centre.addCentre('qn01');
  }, 60_000);
  afterAll(async () => {
    for (const w of open) w.dispose();
    await centre.stop();
  });

  it('gives two desks claiming together distinct numbers, and none once the endpoint is gone', async () => {
    const desks = [openWorkstation('qn01', centre.endpoint('qn01')), openWorkstation('qn01', centre.endpoint('qn01'))];
    open.push(...desks);
    for (let i = 0; i < 200 && desks.some((d) => d.replication.status().state !== 'connected'); i++) await new Promise((r) => setTimeout(r, 50));
    // Each desk starts past the last number it got itself, as if it had not yet heard of the other's claims.
    const last = [0, 0];
    const claim = async (desk: number) => {
      const n = await desks[desk].replication.claimQueueNumber({
        day: '2026-12-03',
        department: '03',
        workstation: `W0${desk + 1}`,
        clinicCode: 'qn01',
        from: last[desk] + 1,
      });
      if (n !== null) last[desk] = n;
      return n;
    };
    // Ten times, both desks at the same moment.
    const numbers: Array<number | null> = [];
    for (let round = 0; round < 10; round++) numbers.push(...(await Promise.all([claim(0), claim(1)])));
    expect(numbers.every((n) => n !== null)).toBe(true);
    expect(new Set(numbers).size).toBe(20);
    expect([...numbers].sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    await centre.kill();
    for (let i = 0; i < 200 && desks[0].replication.status().state === 'connected'; i++) await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    expect(await claim(0)).toBeNull();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
