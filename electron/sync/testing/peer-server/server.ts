/**
 * A CouchDB-protocol peer for tests and benchmarks: express-pouchdb over PouchDB 7's in-memory
 * adapter, run as its own process so a test can put a fault proxy in front of it or kill it.
 *
 * It listens on 127.0.0.1 only. The server admin comes from the environment
 * (PEER_ADMIN_USER / PEER_ADMIN_PASSWORD), never from argv, so it does not show in `ps`.
 * When ready it prints one JSON line `{"ready":true,"port":N}` on stdout.
 *
 * Besides the CouchDB API it answers `GET /_peer/stats` (server admin only): how many documents each
 * database received through `_bulk_docs` with `new_edits:false`, i.e. from a replicator. Tests use
 * it to prove a resumed replication does not re-send everything.
 *
 * https://docs.couchdb.org/en/stable/api/server/authn.html (basic auth, server admins)
 */
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { isLoopbackHost } from '../../loopback';
import { keepRevisionHistoryThroughValidation, type ValidationPlugin, type Wrappers } from './validation-fix';

const require = createRequire(import.meta.url);

/** The few pieces of express-pouchdb's app we touch; the library itself is untyped. */
interface ExpressPouchApp {
  (req: http.IncomingMessage, res: http.ServerResponse): void;
  couchConfig: { set(section: string, key: string, value: unknown, done: (err?: unknown) => void): void };
  dbWrapper: { registerWrapper(fn: (name: string, db: object, next: () => unknown) => unknown): void };
}

interface BulkDocsArgs {
  docs: unknown[];
  options: { new_edits?: boolean };
}

function parsePort(argv: ReadonlyArray<string>): number {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : '0';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port ${raw}`);
  return port;
}

/** `PUT /db` or `DELETE /db`: one path segment, a database name. */
function isDatabaseCreateOrDelete(req: http.IncomingMessage): boolean {
  const pathname = (req.url ?? '/').split('?')[0];
  return (req.method === 'PUT' || req.method === 'DELETE') && /^\/[^/]+\/?$/.test(pathname);
}

async function main(): Promise<void> {
  const host = process.env.PEER_HOST ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`peer server listens on loopback only, not ${host}`);
  const adminUser = process.env.PEER_ADMIN_USER ?? 'admin';
  const adminPassword = process.env.PEER_ADMIN_PASSWORD;
  if (!adminPassword) throw new Error('PEER_ADMIN_PASSWORD is required');

  const PouchDB7 = require('pouchdb7-core')
    .plugin(require('pouchdb7-adapter-memory'))
    .plugin(require('pouchdb7-mapreduce'))
    .plugin(require('pouchdb7-replication'));
  const MemoryPouch = PouchDB7.defaults({ adapter: 'memory' });
  // Must run before express-pouchdb applies the validation plugin (see validation-fix.ts).
  keepRevisionHistoryThroughValidation(require('pouchdb-validation') as ValidationPlugin, require('pouchdb-wrappers') as Wrappers);
  const expressPouch = require('express-pouchdb') as (pouch: unknown, opts: object) => ExpressPouchApp;
  const wrappers = require('pouchdb-wrappers') as {
    installWrapperMethods(db: object, handlers: Record<string, (orig: () => Promise<unknown>, args: BulkDocsArgs) => Promise<unknown>>): void;
  };

  const app = expressPouch(MemoryPouch, {
    mode: 'fullCouchDB',
    inMemoryConfig: true,
    logPath: path.join(os.devNull),
    // Fauxton wants files we do not ship; the county uses real CouchDB's admin UI.
    overrideMode: { exclude: ['routes/fauxton'] },
  });

  const received = new Map<string, number>();
  app.dbWrapper.registerWrapper((name, db, next) => {
    wrappers.installWrapperMethods(db, {
      bulkDocs(orig, args) {
        if (args.options.new_edits === false) received.set(name, (received.get(name) ?? 0) + args.docs.length);
        return orig();
      },
    });
    return next();
  });

  // Ending admin party: from here on only the admin may create databases, users and _security.
  await new Promise<void>((resolve, reject) => app.couchConfig.set('admins', adminUser, adminPassword, (err) => (err ? reject(err) : resolve())));

  const expectedAuth = `Basic ${Buffer.from(`${adminUser}:${adminPassword}`).toString('base64')}`;
  const server = http.createServer((req, res) => {
    if (req.url === '/_peer/stats') {
      if (req.headers.authorization !== expectedAuth) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ bulkDocsReceived: Object.fromEntries(received) }));
      return;
    }
    const isAdmin = req.headers.authorization === expectedAuth;
    if (!isAdmin && /^\/[^/]+\/_local\/_security(\?|$)/.test(req.url ?? '')) {
      // pouchdb-security keeps the security object in this _local document, which a plain member
      // could otherwise read and overwrite. CouchDB has no such document; refuse it.
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end('{"error":"forbidden","reason":"Only admins may touch the security object."}');
      return;
    }
    if (isDatabaseCreateOrDelete(req) && !isAdmin) {
      // express-pouchdb 4.2.0 crashes the whole process when a non-admin PUTs a database
      // (PouchDB.new() comes back as a rejected promise and it calls .info() on it). CouchDB
      // answers 401 here: https://docs.couchdb.org/en/stable/api/database/common.html#put--db
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":"unauthorized","reason":"You are not a server admin."}');
      return;
    }
    app(req, res);
  });
  server.keepAliveTimeout = 5_000;
  server.listen(parsePort(process.argv), host, () => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    process.stdout.write(`${JSON.stringify({ ready: true, port: address.port })}\n`);
  });
  const stop = (): void => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.argv.includes('--exit-with-stdin')) {
    // Parent gone (test runner crashed): do not linger as an orphan.
    process.stdin.on('end', stop);
    process.stdin.resume();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`peer server failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
