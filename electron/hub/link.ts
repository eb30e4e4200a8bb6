/**
 * On a paired workstation: which hub it belongs to, kept in its local `meta` table (never
 * replicated). The secret is sealed by the app's secret box, like the county sync password; the
 * certificate and its fingerprint are the pin every later connection is checked against.
 *
 *   const link = readHubLink(data.meta);
 *   if (link) PouchDB.sync(openLocalPouch(store), openHubDatabase(hubEndpointOf(link, secrets)), { live: true, retry: true });
 */
import { z } from 'zod';
import type { SecretBox } from '../security/secret-box';
import type { HubEndpoint } from './hub-remote';
import type { HubPairing } from './pairing-client';
import { HUB_STATE_KEYS, readJson, writeJson, type HubStateStore } from './state';

const hubLink = z.object({
  address: z.string(),
  database: z.string(),
  clinicCode: z.string(),
  clinicName: z.string(),
  workstationNumber: z.string(),
  account: z.string(),
  sealedSecret: z.string(),
  fingerprint: z.string(),
  certificatePem: z.string(),
  pairedAt: z.string(),
});
export type HubLink = z.infer<typeof hubLink>;

export function readHubLink(state: HubStateStore): HubLink | null {
  return readJson(state, HUB_STATE_KEYS.link, (v) => hubLink.parse(v), null);
}

export function saveHubLink(state: HubStateStore, pairing: HubPairing, secrets: SecretBox, pairedAt: Date = new Date()): HubLink {
  const { secret, ...rest } = pairing;
  const link: HubLink = { ...rest, sealedSecret: secrets.seal(secret), pairedAt: pairedAt.toISOString() };
  writeJson(state, HUB_STATE_KEYS.link, link);
  return link;
}

/** What `openHubDatabase` needs, the secret opened. */
export function hubEndpointOf(link: HubLink, secrets: SecretBox): HubEndpoint {
  return {
    address: link.address,
    database: link.database,
    account: link.account,
    secret: secrets.open(link.sealedSecret),
    fingerprint: link.fingerprint,
    certificatePem: link.certificatePem,
  };
}
