/**
 * "The network came back": the sync scheduler retries at once instead of waiting out its backoff
 * (electron/sync/schedule.ts). Plain Node, so it works the same in Electron and browser mode: a
 * workstation counts as online when it has a non-internal network address, which is what a
 * replugged cable or a reconnected Wi-Fi changes (a line that is down further upstream is left to
 * the backoff retries).
 */
import os from 'node:os';

export type OnlineProbe = () => boolean;

export const hasNetworkAddress: OnlineProbe = () => Object.values(os.networkInterfaces()).some((addresses) => (addresses ?? []).some((a) => !a.internal));

/** Calls `onReturned` each time the probe turns from offline to online. Returns a stop function. */
export function watchNetwork(onReturned: () => void, options: { probe?: OnlineProbe; intervalMs?: number } = {}): () => void {
  const probe = options.probe ?? hasNetworkAddress;
  let online = probe();
  const timer = setInterval(() => {
    const now = probe();
    if (now && !online) onReturned();
    online = now;
  }, options.intervalMs ?? 15_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
