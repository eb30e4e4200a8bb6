import type { z } from 'zod';

/**
 * The registry of document types: each type is declared once (shared/docs/types.ts), and
 * everything that used to list types by hand asks the registry instead: the write path
 * (immutability, versions), the projections (upgrade before validation), compaction (what may be
 * thrown away), the conflict inbox (which types a person resolves, and how), the audit trail (which
 * ids are targets) and the screens' labels. See README.md in this folder for adding a type.
 */

/** Clinical revisions are the medical record and are never compacted; administrative ones may be. */
export type DocumentClass = 'clinical' | 'administrative';

/**
 * What happens when two places changed the same document while apart:
 * - `merge_fields`: it goes to the conflict inbox, where a person keeps one side or takes fields
 *   from each (patient demographics, settings, accounts);
 * - `immutable`: it goes to the inbox too, but only the winning side can be kept (the others are
 *   closed, their bodies stay in the history): a body nobody signed must never be made by merging;
 * - `county_wins`: the county is the only writer (reference dictionaries, pulled read-only), so
 *   CouchDB's deterministic winner stands and nobody is asked;
 * - `local_only`: never replicated, so never in conflict (drafts).
 */
export type ConflictPolicy = 'merge_fields' | 'immutable' | 'county_wins' | 'local_only';

/**
 * In which states a local edit is refused. `when_field` lets a type say "once signed" or "once
 * archived": the winning revision's `field` holding one of `values`. `says` is the sentence the
 * user reads when an edit is refused (e.g. “病历签署后不能修改”).
 */
export type ImmutabilityRule =
  | { readonly kind: 'never' }
  | { readonly kind: 'always'; readonly says: string }
  | { readonly kind: 'when_field'; readonly field: string; readonly values: ReadonlyArray<string>; readonly says: string };

/** How long a type is kept (REGULATIONS.md AR-08/AR-09: nothing is purged automatically). */
export type Retention =
  | { readonly kind: 'years_after_last_visit'; readonly years: number }
  | { readonly kind: 'permanent' }
  | { readonly kind: 'current_state' }
  | { readonly kind: 'until_discarded' };

/**
 * How the audit trail finds a type's documents among a call's input and output: `by_id`: any
 * string matching the type's id pattern is a target; `none`: never a target (the audit events
 * themselves, settings, county dictionaries, drafts).
 */
export type AuditTargets = 'by_id' | 'none';

/**
 * Whether, and how, a type's documents are signed (electron/signing). A signable type is immutable
 * once signed: with a `when_field` rule the signing write sets that field to its first value (e.g.
 * `status: 'signed'`) in the same transaction as the signature; with `always` the document is
 * signed as it was first written.
 */
export interface SigningRule {
  /** The fields an amendment carries in full: the document's content, not its ids and stamps. */
  readonly contentFields: ReadonlyArray<string>;
  /** The field naming the patient (signatures and amendments are listed per patient), if any. */
  readonly patientField?: string;
}

/** An older version: its schema, how a body of it becomes one of the next version, and a sample. */
export interface PreviousVersion {
  readonly schema: z.ZodType<unknown>;
  readonly upgrade: (body: Readonly<Record<string, unknown>>) => Record<string, unknown>;
  readonly example: Readonly<Record<string, unknown>>;
}

export interface DocumentTypeDefinition<Schema extends z.ZodType<unknown> = z.ZodType<unknown>> {
  /** The `type` field of its documents. */
  readonly type: string;
  /** What the screens call it (Chinese). */
  readonly label: string;
  readonly idPattern: RegExp;
  /** The schema of the current version (its `schema_version` is `previous.length + 1`). */
  readonly schema: Schema;
  /** Versions 1, 2, … before the current one, oldest first. */
  readonly previous: ReadonlyArray<PreviousVersion>;
  readonly documentClass: DocumentClass;
  readonly conflicts: ConflictPolicy;
  readonly immutable: ImmutabilityRule;
  readonly retention: Retention;
  readonly audit: AuditTargets;
  /** `local`: kept among the `_local/` documents, never replicated (drafts). */
  readonly storage: 'replicated' | 'local';
  /** Present when its documents are signed (electron/signing); absent: never signed. */
  readonly signing?: SigningRule;
  /** A few words naming one document (its name, code …), shown after the label in lists. */
  readonly caption?: (body: Readonly<Record<string, unknown>>) => string;
  /** One valid document of the current version (the registry's property test varies it). */
  readonly example: Readonly<Record<string, unknown>>;
}

type Required = 'type' | 'label' | 'idPattern' | 'schema' | 'documentClass' | 'retention' | 'example';

/** Declares a type; the defaults: person-resolved conflicts, never immutable, audited by id, replicated. */
export function defineDocumentType<Schema extends z.ZodType<unknown>>(
  definition: Pick<DocumentTypeDefinition<Schema>, Required> & Partial<Omit<DocumentTypeDefinition<Schema>, Required>>,
): DocumentTypeDefinition<Schema> {
  return {
    previous: [],
    conflicts: 'merge_fields',
    immutable: { kind: 'never' },
    audit: 'by_id',
    storage: 'replicated',
    ...definition,
  };
}

export const currentVersionOf = (definition: DocumentTypeDefinition): number => definition.previous.length + 1;

/** The `schema_version` a body says it has; a body without one (older county data) is version 1. */
export function versionOfBody(body: Readonly<Record<string, unknown>>): number | null {
  const version = body.schema_version;
  if (version === undefined) return 1;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : null;
}

export type VersionedBody =
  /** At the current version (upgraded if it was older): check it against `definition.schema`. */
  | { readonly status: 'current'; readonly body: Readonly<Record<string, unknown>> }
  /** Written by a newer program: keep it, do not project it, list it as waiting for an update. */
  | { readonly status: 'newer'; readonly version: number; readonly known: number }
  | { readonly status: 'bad_version' };

/** Brings a body up to the current version, one upgrade at a time (each sets the next version). */
export function upgradeBody(definition: DocumentTypeDefinition, body: Readonly<Record<string, unknown>>): VersionedBody {
  const version = versionOfBody(body);
  const known = currentVersionOf(definition);
  if (version === null) return { status: 'bad_version' };
  if (version > known) return { status: 'newer', version, known };
  let upgraded = body;
  for (let v = version; v < known; v += 1) upgraded = { ...definition.previous[v - 1].upgrade(upgraded), schema_version: v + 1 };
  return { status: 'current', body: upgraded };
}

export function isImmutableState(rule: ImmutabilityRule, winner: Readonly<Record<string, unknown>>): boolean {
  switch (rule.kind) {
    case 'never':
      return false;
    case 'always':
      return true;
    case 'when_field': {
      const value = winner[rule.field];
      return typeof value === 'string' && rule.values.includes(value);
    }
    default:
      throw new Error(`unknown immutability rule ${String((rule as { kind: unknown }).kind)}`);
  }
}

/** One pattern matching the id of a document of any of the given types (none: matches nothing). */
function idPatternOf(definitions: ReadonlyArray<DocumentTypeDefinition>): RegExp {
  const sources = definitions.map((d) => `(?:${d.idPattern.source.replace(/^\^/, '').replace(/\$$/, '')})`);
  return sources.length === 0 ? /(?!)/ : new RegExp(`^(?:${sources.join('|')})$`);
}

/**
 * The set of declared types. The app uses one (`documentRegistry`, shared/docs/types.ts); tests may
 * build another (a PC that knows fewer versions) or register a test-only type for a while.
 */
export class DocumentRegistry {
  private readonly byType = new Map<string, DocumentTypeDefinition>();
  // Built on first use; a type added or taken out (tests) drops them.
  private auditPattern: RegExp | null = null;
  private neverPushedPattern: RegExp | null = null;

  constructor(definitions: ReadonlyArray<DocumentTypeDefinition>) {
    for (const definition of definitions) this.add(definition);
  }

  /** Adds a type; returns the function that takes it out again (tests). */
  register(definition: DocumentTypeDefinition): () => void {
    this.add(definition);
    return () => {
      if (this.byType.get(definition.type) === definition) this.byType.delete(definition.type);
      this.forgetPatterns();
    };
  }

  get(type: string | null | undefined): DocumentTypeDefinition | undefined {
    return type == null ? undefined : this.byType.get(type);
  }

  all(): ReadonlyArray<DocumentTypeDefinition> {
    return [...this.byType.values()];
  }

  label(type: string): string {
    return this.byType.get(type)?.label ?? type;
  }

  /** Replicated types of a class (compaction keeps clinical ones whole). */
  typesOfClass(documentClass: DocumentClass): string[] {
    return this.all()
      .filter((d) => d.storage === 'replicated' && d.documentClass === documentClass)
      .map((d) => d.type);
  }

  /** Types whose conflicts a person sees in the inbox. */
  inboxTypes(): string[] {
    return this.all()
      .filter((d) => d.conflicts === 'merge_fields' || d.conflicts === 'immutable')
      .map((d) => d.type);
  }

  /** Whether a local edit of a document whose winning revision is `winner` is refused. */
  isImmutable(type: string | null, winner: Readonly<Record<string, unknown>>): boolean {
    const definition = this.get(type);
    return definition !== undefined && isImmutableState(definition.immutable, winner);
  }

  /** One pattern matching the id of any document that is an audit target. */
  auditTargetPattern(): RegExp {
    this.auditPattern ??= idPatternOf(this.all().filter((d) => d.audit === 'by_id'));
    return this.auditPattern;
  }

  /**
   * Whether a clinic keeps a document to itself when it pushes: the county's own (`county_wins`,
   * pulled read-only, such as the reference dictionaries) and local ones (drafts).
   */
  isNeverPushed(id: string): boolean {
    this.neverPushedPattern ??= idPatternOf(this.all().filter((d) => d.conflicts === 'county_wins' || d.conflicts === 'local_only' || d.storage === 'local'));
    return this.neverPushedPattern.test(id);
  }

  private add(definition: DocumentTypeDefinition): void {
    if (this.byType.has(definition.type)) throw new Error(`document type ${definition.type} is declared twice`);
    this.byType.set(definition.type, definition);
    this.forgetPatterns();
  }

  private forgetPatterns(): void {
    this.auditPattern = null;
    this.neverPushedPattern = null;
  }
}
