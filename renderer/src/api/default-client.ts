import { httpChangeFeed, ipcChangeFeed, type ChangeFeed, type FeedEnds } from './change-feed';
import { createClient, type ClinicClient } from './client';
import { takeLaunchToken } from './launch-token';
import { sessionStoreIn } from './session-store';
import { httpTransport, ipcTransport, type Transport } from './transport';

function launchToken(win: Window): string | null {
  return takeLaunchToken({
    hash: win.location.hash,
    storage: win.sessionStorage,
    clearHash: () => win.history.replaceState(null, '', win.location.pathname + win.location.search),
  });
}

/** Electron's preload provides `window.clinic`; without it we are in browser mode and talk HTTP. */
export function transportFor(win: Window): Transport {
  if (win.clinic) return ipcTransport(win.clinic);
  return httpTransport({ token: launchToken(win) });
}

export function createDefaultClient(win: Window): ClinicClient {
  const session = sessionStoreIn(win.sessionStorage);
  const bridge = win.clinic;
  const feed = (ends: FeedEnds): ChangeFeed =>
    bridge ? ipcChangeFeed(bridge) : httpChangeFeed({ token: launchToken(win), session: () => session.get(), ends });
  return createClient(transportFor(win), session, feed);
}
