import { collectLeavesOf, parseRev, revisionStatus, type RevTree } from './rev-tree';
import type { StoreStatements } from './statements';
import type { RevsDiffRequest, RevsDiffResponse } from './types';

/**
 * `_revs_diff` (https://docs.couchdb.org/en/stable/api/database/misc.html#db-revs-diff): which of
 * the given revisions this database lacks, and for those, the leaves it has that could be their
 * ancestors (leaves at a lower position), so the sender can send only the newer part of a history.
 * A revision counts as held when its body is stored; one the tree knows only as an ancestor is
 * reported missing, so its body can still arrive.
 */
export function revsDiff(statements: StoreStatements, request: RevsDiffRequest): RevsDiffResponse {
  const response: RevsDiffResponse = {};
  for (const id of Object.keys(request)) {
    const revs = [...new Set(request[id])];
    const row = statements.selectDocument.get(id);
    if (!row) {
      if (revs.length > 0) response[id] = { missing: revs };
      continue;
    }
    const tree = JSON.parse(row.rev_tree) as RevTree;
    const missing = revs.filter((rev) => {
      const status = revisionStatus(tree, rev);
      if (status === 'available') return false;
      // Stemmed out of the tree (more than the rev limit deep) but its body is kept.
      return !(status === 'absent' && parseRev(rev) && statements.hasRevision.get(row.doc_key, rev));
    });
    if (missing.length === 0) continue;
    const highest = Math.max(...missing.map((rev) => parseRev(rev)?.pos ?? 0));
    const ancestors = collectLeavesOf(tree).filter((leaf) => parseRev(leaf)!.pos < highest);
    response[id] = ancestors.length > 0 ? { missing, possible_ancestors: ancestors } : { missing };
  }
  return response;
}
