import { afterEach, describe, expect, it } from 'vitest';
import { keyFileSecretBox } from '../security/secret-box';
import { HubHost } from './host';
import { pairWithHub } from './pairing-client';
import { HUB_CLINIC, hubRequest, memoryState, startTestHub, type TestHub } from './testing/hub-fixture';

let hub: TestHub | null = null;
let again: HubHost | null = null;
afterEach(async () => {
  await again?.stop();
  again = null;
  await hub?.dispose();
  hub = null;
});

describe('hub mode across a restart', () => {
  it('comes back with the same certificate and accounts, its key sealed in the stored settings', async () => {
    hub = await startTestHub();
    const paired = await pairWithHub({ address: hub.address, ...hub.host.newPairingCode(), fingerprint: hub.pin.fingerprint, label: '诊室 1' });
    await hub.host.stop();

    const stored = hub.state.get('hub_server') ?? '';
    expect(stored).not.toContain('PRIVATE KEY');
    expect(JSON.parse(stored)).toMatchObject({ enabled: true, sealedKey: expect.stringMatching(/^sealed:v1:key-file:/) });
    expect(hub.state.get('hub_workstations')).not.toContain(paired.secret);

    again = new HubHost({
      state: hub.state,
      store: hub.db.store,
      secrets: keyFileSecretBox(hub.db.dir),
      clinic: () => HUB_CLINIC,
      hubWorkstation: () => 'W01',
    });
    await again.startIfEnabled();
    const status = again.status();
    expect(status).toMatchObject({ running: true, fingerprint: hub.pin.fingerprint, problem: null });
    const restarted = { address: `https://127.0.0.1:${status.listeningPort}`, pin: hub.pin };
    expect((await hubRequest(restarted, 'GET', '/clinic_demo01', { auth: { user: paired.account, secret: paired.secret } })).status).toBe(200);
    // The code shown before the restart is gone: a new one must be made.
    expect(status.pairingCode).toBeNull();
  });

  it('reports a port in use plainly instead of failing', async () => {
    hub = await startTestHub();
    const taken = hub.host.status().listeningPort ?? 0;
    again = new HubHost({
      state: memoryState(),
      store: hub.db.store,
      secrets: keyFileSecretBox(hub.db.dir),
      clinic: () => HUB_CLINIC,
      hubWorkstation: () => 'W01',
    });
    await expect(again.enable({ host: '127.0.0.1', port: taken })).rejects.toThrow(`端口 ${taken} 已被别的程序占用`);
  });
});
