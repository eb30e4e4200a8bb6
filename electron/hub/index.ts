/**
 * The centre hub's public surface (see ./README.md): hub mode on this PC (`HubHost`), and for a
 * workstation the pairing client and the hub as a pinned remote database.
 */
export { HubHost, HubHostError, DEFAULT_HUB_LISTEN, type HubHostOptions, type HubHostStatus, type PairedWorkstation } from './host';
export type { OpenPairingCode } from './pairing-codes';
export { pairWithHub, peekHubCertificate, type HubPairing, type PairWithHubInput } from './pairing-client';
export { openHubDatabase, hubFetch, hubDatabaseUrl, type HubEndpoint } from './hub-remote';
export { pinnedAgent, asCertificateMismatch, type PinnedCertificate } from './pinned-tls';
export { parseHubAddress, DEFAULT_HUB_PORT, type HubAddress } from './address';
export { fingerprintMatches, isTypedFingerprint, TYPED_FINGERPRINT_MIN_DIGITS } from './fingerprint';
export { HubError, HUB_MESSAGES, type HubMessageCode } from './messages';
export { HUB_STATE_KEYS, type HubStateStore } from './state';
export { readHubLink, saveHubLink, hubEndpointOf, type HubLink } from './link';
