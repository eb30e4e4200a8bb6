import { ApiFailure, apiError, type ApiError, type ApiResult, type Contract, contract as fullContract } from '../../shared/api';
import type { ContractShape, MethodInput, MethodOutput, MethodSpec } from '../../shared/api/define';
import { fieldIssues, IN_CHINESE } from '../../shared/api/zod-chinese';
import { rolesGrant } from '../../shared/permissions';
import type { CallAuditor } from '../services/call-audit';
import { ImmutableDocumentError } from '../services/write-refusals';
import type { Actor } from '../services/sessions';

/** The clinic this PC serves, once first-run setup has finished. */
export interface ClinicIdentity {
  readonly code: string;
  readonly name: string;
}

/**
 * What a handler learns about the call beyond its input, typed from its method: a method that is
 * not public always has an actor (the router refused the call otherwise), and a method that
 * requires setup always has the clinic. Handlers never check the session again.
 */
export interface CallContext<M extends MethodSpec = MethodSpec> {
  readonly actor: 'public' extends M['permission'] ? Actor | null : Actor;
  /** The raw session token the caller presented (for logout). */
  readonly sessionToken: 'public' extends M['permission'] ? string | null : string;
  readonly clinic: M['requiresSetup'] extends true ? ClinicIdentity : ClinicIdentity | null;
}

export type Handler<C extends ContractShape, N extends keyof C> = (
  input: MethodOutputOfInput<C[N]>,
  ctx: CallContext<C[N]>,
) => MethodOutput<C[N]> | Promise<MethodOutput<C[N]>>;

/** Handlers receive the input after the schema has parsed it (defaults applied, strings trimmed). */
type MethodOutputOfInput<M> = M extends { input: infer I } ? (I extends { _zod: { output: infer O } } ? O : MethodInput<M>) : never;

/** What the router asks of the app around each call: the caller, the clinic, the audit chain, the error log. */
export interface RouterHooks {
  /** The caller behind a session token; `expired` when the session idled out. */
  resolveCaller(token: string | null): { actor: Actor | null; expired: boolean };
  /** Null until first-run setup has finished. */
  clinic(): ClinicIdentity | null;
  readonly audit: CallAuditor;
  /** Unexpected errors: logged for the administrator, never shown raw to the user. */
  logError(method: string, error: unknown): void;
}

/** What a transport needs of the router: one entry point taking the raw envelope. */
export interface Invoker {
  invoke(request: unknown): Promise<ApiResult<unknown>>;
}

type AnyHandler = (input: unknown, ctx: CallContext) => unknown;

/**
 * One router for both transports. Order of checks: known method → setup → session → permission →
 * input schema → handler → output schema. Nothing runs, and nothing is written, before the input
 * has passed its schema. Audited calls are recorded as their method declares (shared/api/define.ts
 * `AuditKind`); see electron/ipc/README.md for how a write and its audit event share a transaction.
 */
export class Router<C extends ContractShape = Contract> implements Invoker {
  private readonly handlers = new Map<string, AnyHandler>();
  private readonly contract: C;

  constructor(
    private readonly hooks: RouterHooks,
    contract?: C,
  ) {
    this.contract = contract ?? (fullContract as unknown as C);
  }

  implement<N extends keyof C & string>(name: N, handler: Handler<C, N>): this {
    if (!Object.hasOwn(this.contract, name)) throw new Error(`router: ${name} is not in the contract`);
    if (this.handlers.has(name)) throw new Error(`router: ${name} is implemented twice`);
    // The handler's narrower context (actor, clinic non-null) is what `invoke` checks before calling it.
    this.handlers.set(name, handler as unknown as AnyHandler);
    return this;
  }

  /** Start-up check: every contract method has exactly one handler. */
  assertComplete(): void {
    const missing = Object.keys(this.contract).filter((name) => !this.handlers.has(name));
    if (missing.length > 0) throw new Error(`router: no handler for ${missing.join(', ')}`);
  }

  async invoke(request: unknown): Promise<ApiResult<unknown>> {
    if (!isEnvelope(request)) return { ok: false, error: apiError('BAD_REQUEST') };
    const { method } = request;
    const spec: MethodSpec | undefined = Object.hasOwn(this.contract, method) ? this.contract[method as keyof C] : undefined;
    const handler = this.handlers.get(method);
    if (!spec || !handler) return { ok: false, error: apiError('UNKNOWN_METHOD') };

    const clinic = this.hooks.clinic();
    if (spec.requiresSetup && !clinic) return { ok: false, error: apiError('NOT_SET_UP') };

    const token = typeof request.session === 'string' && request.session.length > 0 ? request.session : null;
    const { actor, expired } = this.hooks.resolveCaller(token);
    if (spec.permission !== 'public' && !actor) {
      return { ok: false, error: apiError(expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED') };
    }
    const actorName = actor?.username ?? 'anonymous';
    if (actor && !rolesGrant(actor.roles, spec.permission)) {
      this.hooks.audit.record({ method, actor: actorName, outcome: 'denied', input: undefined });
      return { ok: false, error: apiError('FORBIDDEN') };
    }

    const parsed = spec.input.safeParse(request.input, IN_CHINESE);
    if (!parsed.success) return { ok: false, error: apiError('VALIDATION_FAILED', undefined, fieldIssues(parsed.error)) };

    const ctx: CallContext = { actor, sessionToken: token, clinic };
    const audited = spec.audit !== 'none';
    let output: unknown;
    let recordedWithWrite = false;
    try {
      if (spec.audit === 'none') output = await handler(parsed.data, ctx);
      else
        ({ value: output, recordedWithWrite } = await this.hooks.audit.run({ method, kind: spec.audit, actor: actorName, input: parsed.data }, () =>
          handler(parsed.data, ctx),
        ));
    } catch (error) {
      const refusal = expectedFailure(error);
      if (refusal) {
        if (audited) this.hooks.audit.record({ method, actor: actorName, outcome: 'failed', input: parsed.data });
        return { ok: false, error: refusal };
      }
      this.hooks.logError(method, error);
      return { ok: false, error: apiError('INTERNAL') };
    }
    const checked = spec.output.safeParse(output);
    if (!checked.success) {
      this.hooks.logError(method, new Error(`output of ${method} broke its schema: ${checked.error.message}`));
      return { ok: false, error: apiError('INTERNAL') };
    }
    if (audited && !recordedWithWrite) {
      this.hooks.audit.record({
        method,
        actor: actor?.username ?? loggedInAs(checked.data) ?? actorName,
        outcome: 'ok',
        input: parsed.data,
        output: checked.data,
      });
    }
    return { ok: true, value: checked.data };
  }
}

/**
 * An error a handler may end a call with on purpose: its own (ApiFailure), or the store refusing a
 * local edit of an immutable document, answered here for every method alike with the type's sentence.
 */
function expectedFailure(error: unknown): ApiError | null {
  if (error instanceof ApiFailure) return error.error;
  if (error instanceof ImmutableDocumentError) return apiError('FORBIDDEN', error.message);
  return null;
}

function isEnvelope(value: unknown): value is { method: string; input: unknown; session?: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { method?: unknown }).method === 'string';
}

/** `auth.login` has no session yet when it succeeds; its event names the user who just logged in. */
function loggedInAs(output: unknown): string | null {
  if (typeof output !== 'object' || output === null || !('user' in output)) return null;
  const { user } = output as { user: unknown };
  return typeof user === 'object' && user !== null && typeof (user as { username?: unknown }).username === 'string'
    ? (user as { username: string }).username
    : null;
}

export type { Contract };
