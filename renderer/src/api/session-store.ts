/**
 * The login session token: kept in memory, mirrored to sessionStorage so reloading the page keeps
 * the user logged in, while closing the window (or the tab) ends it.
 */
export interface SessionStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

const STORAGE_KEY = 'clinic.session';

export function sessionStoreIn(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): SessionStore {
  let token = storage.getItem(STORAGE_KEY);
  return {
    get: () => token,
    set(next) {
      token = next;
      storage.setItem(STORAGE_KEY, next);
    },
    clear() {
      token = null;
      storage.removeItem(STORAGE_KEY);
    },
  };
}

export function memorySessionStore(initial: string | null = null): SessionStore {
  let token = initial;
  return {
    get: () => token,
    set(next) {
      token = next;
    },
    clear() {
      token = null;
    },
  };
}
