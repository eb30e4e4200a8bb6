// Preload: the renderer's only door to the main process. It exposes one typed function over one
// channel; the main process checks every payload against the contract before anything runs.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult } from '../shared/api/errors';
import { EVENTS_CHANNEL, INVOKE_CHANNEL, type InvokeRequest } from '../shared/api/channel';

const clinic = {
  invoke: (request: InvokeRequest): Promise<ApiResult<unknown>> => ipcRenderer.invoke(INVOKE_CHANNEL, request),
  // The batch is checked against the contract's schema in the renderer, as every reply is.
  onChanges: (listener: (batch: unknown) => void): (() => void) => {
    const forward = (_event: unknown, batch: unknown): void => listener(batch);
    ipcRenderer.on(EVENTS_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(EVENTS_CHANNEL, forward);
  },
} satisfies Window['clinic'];

contextBridge.exposeInMainWorld('clinic', clinic);
