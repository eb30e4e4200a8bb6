/**
 * The one IPC channel and the envelope both transports carry. Kept apart from the contract so the
 * sandboxed preload can import it without pulling in zod and every schema.
 */
export interface InvokeRequest {
  readonly method: string;
  readonly input: unknown;
  readonly session?: string;
}

export const INVOKE_CHANNEL = 'clinic:invoke';

/** Main → renderer: a `ChangeBatch` (shared/api/events.ts) after writes land in the store. */
export const EVENTS_CHANNEL = 'clinic:events';
