/**
 * The county servers the sync tests run against: the express-pouchdb peer (`peer-server/`, quick,
 * counts what it receives) and Apache CouchDB 3 (`couchdb.ts`, what the county really runs).
 * Tests that matter run over both with `describe.each(COUNTY_PEERS)`.
 */
import { startPeerServer } from './peer-server/start';
import { startCouchDB } from './couchdb';

export type PeerKind = 'express-pouchdb' | 'couchdb';

export interface CountyPeer {
  readonly kind: PeerKind;
  /** `http://127.0.0.1:<port>` without credentials. */
  readonly url: string;
  readonly port: number;
  readonly admin: { readonly user: string; readonly password: string };
  stop(): Promise<void>;
}

export interface PeerChoice {
  readonly name: string;
  readonly kind: PeerKind;
  start(): Promise<CountyPeer>;
}

export const EXPRESS_POUCHDB: PeerChoice = {
  name: 'express-pouchdb',
  kind: 'express-pouchdb',
  start: async () => ({ kind: 'express-pouchdb', ...(await startPeerServer()) }),
};

export const COUCHDB: PeerChoice = { name: 'CouchDB 3', kind: 'couchdb', start: () => startCouchDB() };

export const COUNTY_PEERS: ReadonlyArray<PeerChoice> = [EXPRESS_POUCHDB, COUCHDB];
