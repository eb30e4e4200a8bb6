import { ApiFailure, apiError, type ApiResult, type Contract, contract as fullContract } from '../../shared/api';
import type { ContractShape, MethodInput, MethodOutput } from '../../shared/api/define';
import { fieldIssues, IN_CHINESE } from '../../shared/api/zod-chinese';
import { rolesGrant } from '../../shared/permissions';
import type { Session } from '../services/sessions';

/** What a handler learns about the call beyond its input. */
export interface CallContext {
  readonly session: Session | null;
  /** The raw session token the caller presented (for logout). */
  readonly sessionToken: string | null;
}

export type Handler<C extends ContractShape, N extends keyof C> = (
  input: MethodOutputOfInput<C[N]>,
  ctx: CallContext,
) => MethodOutput<C[N]> | Promise<MethodOutput<C[N]>>;

/** Handlers receive the input after the schema has parsed it (defaults applied, strings trimmed). */
type MethodOutputOfInput<M> = M extends { input: infer I } ? (I extends { _zod: { output: infer O } } ? O : MethodInput<M>) : never;

/** Hooks the router calls around each call; the app wires sessions and the audit chain in here. */
export interface RouterHooks {
  resolveSession(token: string | null): { session: Session | null; expired: boolean };
  audit(event: { method: string; session: Session | null; outcome: 'ok' | 'denied' | 'failed'; input: unknown; output?: unknown }): void;
  /** Unexpected errors: logged for the administrator, never shown raw to the user. */
  logError(method: string, error: unknown): void;
}

/** What a transport needs of the router: one entry point taking the raw envelope. */
export interface Invoker {
  invoke(request: unknown): Promise<ApiResult<unknown>>;
}

type AnyHandler = (input: unknown, ctx: CallContext) => unknown;

/**
 * One router for both transports. Order of checks: known method → session → permission →
 * input schema → handler → output schema. Nothing runs, and nothing is written, before the input
 * has passed its schema.
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
    this.handlers.set(name, handler as AnyHandler);
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
    const spec = Object.hasOwn(this.contract, method) ? this.contract[method as keyof C] : undefined;
    const handler = this.handlers.get(method);
    if (!spec || !handler) return { ok: false, error: apiError('UNKNOWN_METHOD') };

    const token = typeof request.session === 'string' && request.session.length > 0 ? request.session : null;
    const { session, expired } = this.hooks.resolveSession(token);
    if (spec.permission !== 'public' && !session) {
      return { ok: false, error: apiError(expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED') };
    }
    if (session && !rolesGrant(session.user.roles, spec.permission)) {
      this.hooks.audit({ method, session, outcome: 'denied', input: undefined });
      return { ok: false, error: apiError('FORBIDDEN') };
    }

    const parsed = spec.input.safeParse(request.input, IN_CHINESE);
    if (!parsed.success) return { ok: false, error: apiError('VALIDATION_FAILED', undefined, fieldIssues(parsed.error)) };

    const ctx: CallContext = { session, sessionToken: token };
    let output: unknown;
    try {
      output = await handler(parsed.data, ctx);
    } catch (error) {
      if (error instanceof ApiFailure) {
        if (spec.audited) this.hooks.audit({ method, session, outcome: 'failed', input: parsed.data });
        return { ok: false, error: error.error };
      }
      this.hooks.logError(method, error);
      return { ok: false, error: apiError('INTERNAL') };
    }
    const checked = spec.output.safeParse(output);
    if (!checked.success) {
      this.hooks.logError(method, new Error(`output of ${method} broke its schema: ${checked.error.message}`));
      return { ok: false, error: apiError('INTERNAL') };
    }
    if (spec.audited) this.hooks.audit({ method, session: session ?? sessionFromOutput(checked.data), outcome: 'ok', input: parsed.data, output: checked.data });
    return { ok: true, value: checked.data };
  }
}

function isEnvelope(value: unknown): value is { method: string; input: unknown; session?: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { method?: unknown }).method === 'string';
}

/** `auth.login` has no session yet when it succeeds; audit it under the user who just logged in. */
function sessionFromOutput(output: unknown): Session | null {
  if (typeof output !== 'object' || output === null || !('user' in output)) return null;
  const user = (output as { user: Session['user'] }).user;
  return { user, createdAt: 0, lastSeenAt: 0 };
}

export type { Contract };
