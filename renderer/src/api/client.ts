import { apiError, contract, type ApiError, type ApiResult, type InputOf, type MethodName, type MethodSpec, type OutputOf } from '../../../shared/api';
import type { ChangeBatch } from '../../../shared/api/events';
import { NO_CHANGE_FEED, type ChangeFeed, type FeedEnds } from './change-feed';
import type { SessionStore } from './session-store';
import type { Transport } from './transport';

/** One contract method as the screens call it. */
export type ApiCall<N extends MethodName> = (input: InputOf<N>) => Promise<ApiResult<OutputOf<N>>>;

type DomainOf<N extends string> = N extends `${infer D}.${string}` ? D : never;
export type Domain = DomainOf<MethodName>;
type MethodsOf<D extends Domain> = {
  readonly [N in MethodName as N extends `${D}.${infer M}` ? M : never]: ApiCall<N>;
};

/** `api.auth.login({...})`: one property per domain, one function per method, all from the contract. */
export type ClinicApi = { readonly [D in Domain]: MethodsOf<D> };

export type ClientEvent = { readonly type: 'connection'; readonly online: boolean } | { readonly type: 'sessionLost'; readonly error: ApiError };

export interface ClinicClient {
  readonly api: ClinicApi;
  call<N extends MethodName>(method: N, input: InputOf<N>): Promise<ApiResult<OutputOf<N>>>;
  hasSession(): boolean;
  /** False after a TRANSPORT failure, until some call gets an answer again. */
  isOnline(): boolean;
  subscribe(listener: (event: ClientEvent) => void): () => void;
  /** What changed in the main process's store (shared/api/events.ts), for lists that follow it. */
  onChanges(listener: (batch: ChangeBatch) => void): () => void;
}

/** The server already checks its output; checking again here turns `unknown` into the contract's type. */
const OUTPUT_MISMATCH = '界面与后台程序的版本不一致，请重新启动程序。';

/** `changes`: the feed, given how to say that the server ended the session (see change-feed.ts). */
export function createClient(transport: Transport, session: SessionStore, changes: (ends: FeedEnds) => ChangeFeed = () => NO_CHANGE_FEED): ClinicClient {
  const listeners = new Set<(event: ClientEvent) => void>();
  let online = true;

  const emit = (event: ClientEvent): void => {
    for (const listener of listeners) listener(event);
  };
  const setOnline = (next: boolean): void => {
    if (next === online) return;
    online = next;
    emit({ type: 'connection', online });
  };

  async function call<N extends MethodName>(method: N, input: InputOf<N>): Promise<ApiResult<OutputOf<N>>> {
    const spec: MethodSpec | undefined = Object.hasOwn(contract, method) ? contract[method] : undefined;
    if (!spec) return { ok: false, error: apiError('UNKNOWN_METHOD') };

    const token = session.get();
    const result = await transport(token === null ? { method, input } : { method, input, session: token });
    if (!result.ok) {
      setOnline(result.error.code !== 'TRANSPORT');
      if (result.error.code === 'SESSION_EXPIRED' || result.error.code === 'UNAUTHENTICATED') {
        session.clear();
        emit({ type: 'sessionLost', error: result.error });
      }
      if (method === 'auth.logout') session.clear();
      return result;
    }
    setOnline(true);

    const checked = spec.output.safeParse(result.value);
    if (!checked.success) return { ok: false, error: apiError('INTERNAL', OUTPUT_MISMATCH) };
    // The lookup above is by the same name as N, so the parsed value is N's output.
    const value = checked.data as OutputOf<N>;
    if (method === 'auth.login') session.set((value as OutputOf<'auth.login'>).sessionToken);
    if (method === 'auth.logout') session.clear();
    return { ok: true, value };
  }

  const feed = changes({
    onSessionEnded() {
      if (session.get() === null) return;
      session.clear();
      emit({ type: 'sessionLost', error: apiError('UNAUTHENTICATED', '登录已结束（账号被停用、权限有变或已退出），请重新登录。') });
    },
  });

  return {
    api: buildApi(call),
    call,
    hasSession: () => session.get() !== null,
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onChanges: (listener) => feed.subscribe(listener),
  };
}

/**
 * Groups the contract's dotted names into `api.<domain>.<method>`, splitting at the first dot only,
 * as `ClinicApi` does: `sync.conflicts.list` is `api.sync['conflicts.list']`.
 */
function buildApi(call: ClinicClient['call']): ClinicApi {
  const domains: Record<string, Record<string, (input: never) => Promise<ApiResult<unknown>>>> = {};
  for (const name of Object.keys(contract) as MethodName[]) {
    const dot = name.indexOf('.');
    const domain = name.slice(0, dot);
    const method = name.slice(dot + 1);
    domains[domain] ??= {};
    domains[domain][method] = (input) => call(name, input);
  }
  return domains as unknown as ClinicApi;
}
