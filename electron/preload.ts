// Preload: the renderer's only door to the main process. It exposes one typed function over one
// channel; the main process checks every payload against the contract before anything runs.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult } from '../shared/api/errors';
import { INVOKE_CHANNEL, type InvokeRequest } from '../shared/api/channel';

const clinic = {
  invoke: (request: InvokeRequest): Promise<ApiResult<unknown>> => ipcRenderer.invoke(INVOKE_CHANNEL, request),
} satisfies Window['clinic'];

contextBridge.exposeInMainWorld('clinic', clinic);
