/**
 * pouchdb-validation 4.2.0 (express-pouchdb's validate_doc_update support) overwrites every
 * incoming document's `_revisions` with the stored document's before running the validate
 * functions, and passes the document on like that. For a replicated write (`new_edits:false`) that
 * throws the revision history away: the peer would keep each revision as a new root. CouchDB does
 * not do this, so the peer must not either.
 *
 * Fix: around the validation wrapper, remember each document's own `_revisions` and put it back
 * before the write. Installed by replacing the plugin's `installValidationMethods` before
 * express-pouchdb applies the plugin.
 */
interface BulkDocsArgs {
  docs: Array<Record<string, unknown>>;
}
type Handler = (orig: () => Promise<unknown>, args: BulkDocsArgs) => Promise<unknown>;

export interface ValidationPlugin {
  installValidationMethods(this: object): void;
}
export interface Wrappers {
  installWrapperMethods(db: object, handlers: Record<string, Handler>): void;
}

const ABSENT = Symbol('no _revisions');

export function keepRevisionHistoryThroughValidation(plugin: ValidationPlugin, wrappers: Wrappers): void {
  const install = plugin.installValidationMethods;
  plugin.installValidationMethods = function (this: object) {
    const saved = new WeakMap<object, unknown>();
    wrappers.installWrapperMethods(this, {
      bulkDocs(orig, args) {
        for (const doc of args.docs) saved.set(doc, '_revisions' in doc ? structuredClone(doc._revisions) : ABSENT);
        return orig();
      },
    });
    install.call(this);
    wrappers.installWrapperMethods(this, {
      bulkDocs(orig, args) {
        for (const doc of args.docs) {
          if (!saved.has(doc)) continue;
          const revisions = saved.get(doc);
          if (revisions === ABSENT) delete doc._revisions;
          else doc._revisions = revisions;
        }
        return orig();
      },
    });
  };
}
