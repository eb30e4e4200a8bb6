import { apiError, ERROR_CODES, ERROR_MESSAGES, type ApiResult, type ErrorCode, type FieldIssue, type InvokeRequest } from '../../../shared/api';
import type { ClinicBridge } from '../clinic-bridge';

/** Carries one envelope to the main process and brings back its result; never throws. */
export type Transport = (request: InvokeRequest) => Promise<ApiResult<unknown>>;

const TOKEN_REJECTED = '本页面的访问凭证已失效，请回到程序里重新打开界面。';

export function transportFailure(message: string = ERROR_MESSAGES.TRANSPORT): ApiResult<never> {
  return { ok: false, error: apiError('TRANSPORT', message) };
}

/**
 * Reads a reply's outer shape; the value itself is checked against the contract by the client.
 * Returns null when the reply is not an ApiResult at all. An error code this build does not know
 * (a newer back end) keeps its message but is treated as INTERNAL.
 */
export function readApiResult(value: unknown): ApiResult<unknown> | null {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return null;
  if (value.ok === true) return 'value' in value ? { ok: true, value: value.value } : null;
  if (value.ok !== false || !('error' in value)) return null;
  const error = value.error;
  if (typeof error !== 'object' || error === null) return null;
  const code = 'code' in error ? error.code : undefined;
  const message = 'message' in error && typeof error.message === 'string' ? error.message : undefined;
  if (typeof code !== 'string') return null;
  const knownCode: ErrorCode = isErrorCode(code) ? code : 'INTERNAL';
  return { ok: false, error: apiError(knownCode, message, 'fields' in error ? readFieldIssues(error.fields) : undefined) };
}

function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as ReadonlyArray<string>).includes(code);
}

function readFieldIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    typeof item === 'object' && item !== null && 'path' in item && typeof item.path === 'string' && 'message' in item && typeof item.message === 'string'
      ? [{ path: item.path, message: item.message }]
      : [],
  );
}

/** Electron: the preload's bridge. A rejected promise means the IPC channel itself broke. */
export function ipcTransport(bridge: Pick<ClinicBridge, 'invoke'>): Transport {
  return async (request) => {
    try {
      const result: unknown = await bridge.invoke(request);
      return readApiResult(result) ?? transportFailure();
    } catch {
      return transportFailure();
    }
  };
}

export interface HttpTransportOptions {
  /** The per-launch token from the page's `#token=` fragment; null if the page was opened without one. */
  readonly token: string | null;
  readonly fetch?: typeof fetch;
  readonly endpoint?: string;
  readonly timeoutMs?: number;
}

/** Browser mode: POST the envelope to the local server. Any HTTP or network failure is TRANSPORT. */
export function httpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const endpoint = options.endpoint ?? '/api/invoke';
  const timeoutMs = options.timeoutMs ?? 15_000;
  return async (request) => {
    if (options.token === null) return transportFailure(TOKEN_REJECTED);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Clinic-Token': options.token },
        body: JSON.stringify(request),
        signal: controller.signal,
      });
      // A refused token will not get better by retrying, so say what to do instead.
      if (response.status === 401 || response.status === 403) return transportFailure(TOKEN_REJECTED);
      if (!response.ok) return transportFailure();
      const body: unknown = await response.json();
      return readApiResult(body) ?? transportFailure();
    } catch {
      return transportFailure();
    } finally {
      clearTimeout(timer);
    }
  };
}
