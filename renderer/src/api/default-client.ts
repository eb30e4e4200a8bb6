import { createClient, type ClinicClient } from './client';
import { takeLaunchToken } from './launch-token';
import { sessionStoreIn } from './session-store';
import { httpTransport, ipcTransport, type Transport } from './transport';

/** Electron's preload provides `window.clinic`; without it we are in browser mode and talk HTTP. */
export function transportFor(win: Window): Transport {
  if (win.clinic) return ipcTransport(win.clinic);
  const token = takeLaunchToken({
    hash: win.location.hash,
    storage: win.sessionStorage,
    clearHash: () => win.history.replaceState(null, '', win.location.pathname + win.location.search),
  });
  return httpTransport({ token });
}

export function createDefaultClient(win: Window): ClinicClient {
  return createClient(transportFor(win), sessionStoreIn(win.sessionStorage));
}
