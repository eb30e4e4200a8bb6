/**
 * Browser mode is opened at `http://127.0.0.1:<port>/#token=<hex>`. The token proves the page was
 * opened by the program itself; keep it for this tab only and take it out of the address bar so it
 * is not bookmarked, shared in a screenshot, or left in history.
 */
const STORAGE_KEY = 'clinic.launchToken';
const TOKEN_IN_HASH = /(?:^#|&)token=([0-9a-fA-F]{16,256})(?:&|$)/;

export interface LaunchTokenPlace {
  readonly hash: string;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Removes the fragment from the address bar without reloading. */
  clearHash(): void;
}

export function tokenFromHash(hash: string): string | null {
  const match = TOKEN_IN_HASH.exec(hash);
  return match ? match[1] : null;
}

/** A token in the address bar wins (a fresh launch); otherwise the one this tab saw before a reload. */
export function takeLaunchToken(place: LaunchTokenPlace): string | null {
  const fromHash = tokenFromHash(place.hash);
  if (fromHash !== null) {
    place.storage.setItem(STORAGE_KEY, fromHash);
    place.clearHash();
    return fromHash;
  }
  return place.storage.getItem(STORAGE_KEY);
}
