import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gateRequest } from './gate';

const DB = 'clinic_demo01';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'COPY', 'PATCH'] as const;
const SEGMENTS = [
  DB,
  'clinic_other',
  '_all_dbs',
  '_config',
  '_users',
  '_session',
  '_replicate',
  '_design',
  'ddoc',
  '_local',
  '_security',
  '_changes',
  '_revs_diff',
  '_bulk_docs',
  '_bulk_get',
  '_all_docs',
  '_ensure_full_commit',
  '_compact',
  '_view',
  'patient%3A01J',
  'scan.png',
  '%2e%2e',
  '%ZZ',
];
const QUERIES = ['', '?since=0', '?feed=longpoll', '?filter=_doc_ids', '?filter=app/f', '?view=a/b', '?selector=%7B%7D', '?revs=true&open_revs=all'];

/** What may pass, written out once more by hand: the replication endpoints of the one database. */
function expected(method: string, segments: ReadonlyArray<string>, query: string): boolean {
  if (segments.length === 0) return method === 'GET' || method === 'HEAD';
  if (segments.includes('%2e%2e') || segments.includes('%ZZ')) return false;
  if (segments[0] !== DB) return false;
  if (/filter=(?!_doc_ids)|view=|selector=/.test(query)) return false;
  if (segments.length === 1) return method === 'GET' || method === 'HEAD';
  const [, second, third] = segments;
  const endpoints: Record<string, ReadonlyArray<string>> = {
    _changes: ['GET', 'HEAD', 'POST'],
    _revs_diff: ['POST'],
    _bulk_docs: ['POST'],
    _bulk_get: ['POST'],
    _all_docs: ['GET', 'HEAD', 'POST'],
    _ensure_full_commit: ['POST'],
  };
  if (segments.length === 2 && second in endpoints) return endpoints[second].includes(method);
  if (segments.length === 3 && second === '_local') return !third.startsWith('_') && ['GET', 'HEAD', 'PUT'].includes(method);
  if (segments.length === 2 && !decodeURIComponent(second).startsWith('_')) return method === 'GET' || method === 'HEAD';
  return false;
}

describe('the hub gate', () => {
  it('lets through exactly the replication endpoints of the centre’s database', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...METHODS),
        fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 4 }),
        fc.constantFrom(...QUERIES),
        (method, segments, query) => {
          const decision = gateRequest(method, `/${segments.join('/')}${query}`, DB);
          expect(decision.allow, `${method} /${segments.join('/')}${query}`).toBe(expected(method, segments, query));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('says 404 for another database and 403 for the server’s own endpoints', () => {
    expect(gateRequest('GET', '/clinic_other/_changes', DB)).toMatchObject({ allow: false, status: 404, code: 'HUB_OTHER_DATABASE' });
    expect(gateRequest('GET', '/_all_dbs', DB)).toMatchObject({ allow: false, status: 403, code: 'HUB_NOT_REPLICATION' });
    expect(gateRequest('PUT', `/${DB}/_local/_security`, DB)).toMatchObject({ allow: false, status: 403 });
    // Dot segments are judged as sent, never resolved into an allowed path.
    expect(gateRequest('GET', `/_config/%2e%2e/${DB}`, DB)).toMatchObject({ allow: false, status: 403 });
    expect(gateRequest('GET', `/${DB}//_changes`, DB)).toMatchObject({ allow: false, status: 403 });
  });
});

describe('就诊序号 claims', () => {
  it('lets a new claim document through to the hub’s own handler, and nothing like it', () => {
    expect(gateRequest('PUT', `/${DB}/queue%3A20261203%3A03%3A7`, DB)).toEqual({ allow: true, route: 'claim' });
    expect(gateRequest('PUT', `/${DB}/queue%3A20261203%3A03%3A7?rev=1-a`, DB)).toMatchObject({ allow: false });
    expect(gateRequest('PUT', `/${DB}/queue%3A20261203%3A03%3A7%3Ax`, DB)).toMatchObject({ allow: false });
    expect(gateRequest('PUT', `/${DB}/patient%3A01J`, DB)).toMatchObject({ allow: false });
    expect(gateRequest('DELETE', `/${DB}/queue%3A20261203%3A03%3A7`, DB)).toMatchObject({ allow: false });
  });
});
