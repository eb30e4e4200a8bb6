import type { ApiResult, InvokeRequest } from '../../shared/api';

/**
 * What the Electron preload exposes on `window.clinic`. The preload lives in electron/, which the
 * renderer may not import, so the shape is restated here from the shared envelope types; absent in
 * browser mode.
 */
export interface ClinicBridge {
  invoke(request: InvokeRequest): Promise<ApiResult<unknown>>;
  /** Change events from the main process (a `ChangeBatch`, shared/api/events.ts); returns the unsubscribe. */
  onChanges(listener: (batch: unknown) => void): () => void;
}

declare global {
  interface Window {
    readonly clinic?: ClinicBridge;
  }
}
