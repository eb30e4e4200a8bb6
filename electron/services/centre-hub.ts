/**
 * 本院主机 on this PC (electron/hub): built over the clinic's data, its state in the local `meta`
 * table, and the calls of the 管理 → 本院主机 panel with the hub's refusals as API failures.
 */
import { ApiFailure } from '../../shared/api';
import type { HubStatusView, PairedWorkstationView } from '../../shared/api/hub';
import { HubHost, HubHostError, type OpenPairingCode } from '../hub';
import type { SecretBox } from '../security/secret-box';
import type { ClinicData } from './clinic-data';
import { isInitialized, META_WORKSTATION, readClinicSettings } from './setup';

export type { HubHost };

export function createCentreHub(data: ClinicData, secrets: SecretBox, log?: (line: string) => void): HubHost {
  return new HubHost({
    state: data.meta,
    store: data.store,
    secrets,
    clinic: () => {
      const settings = isInitialized(data) ? readClinicSettings(data) : null;
      return settings ? { code: settings.code, name: settings.name } : null;
    },
    hubWorkstation: () => data.meta.get(META_WORKSTATION) ?? 'W01',
    log,
  });
}

/** A refusal of the hub (port taken, nothing to revoke …) as the failure the screen shows. */
async function asApiFailure<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HubHostError) throw new ApiFailure('VALIDATION_FAILED', error.message);
    throw error;
  }
}

export function hubStatusView(hub: HubHost): HubStatusView {
  return { ...hub.status(), workstations: hub.workstations() };
}

export async function enableHub(hub: HubHost, listen: { host: string; port: number }): Promise<HubStatusView> {
  await asApiFailure(() => hub.enable(listen));
  return hubStatusView(hub);
}

export async function disableHub(hub: HubHost): Promise<HubStatusView> {
  await hub.disable();
  return hubStatusView(hub);
}

export function newPairingCode(hub: HubHost): Promise<OpenPairingCode> {
  return asApiFailure(() => hub.newPairingCode());
}

export function revokeWorkstation(hub: HubHost, workstationNumber: string): Promise<PairedWorkstationView> {
  return asApiFailure(() => hub.revoke(workstationNumber));
}
