/**
 * Live replication between this PC and the centre's endpoint (the centre's own CouchDB, or the
 * app's hub mode): the public surface the app's services wire. See ./README.md.
 */
export { LiveReplication, type LanLinkState, type LanLinkStatus, type LiveReplicationOptions } from './live-replication';
export {
  couchRemoteFactory,
  LAN_REQUEST_TIMEOUT_MS,
  LONGPOLL_MS,
  type LanEndpoint,
  type LanRemote,
  type LanRemoteFactory,
  type LanRemoteHooks,
} from './remote';
export { readLanState, type LanStateRecord } from './lan-state';
