/**
 * PouchDB methods take an optional node-style callback as their last argument and otherwise
 * return a promise. This turns an async implementation into such a method.
 */
export type NodeCallback<T> = (error: unknown, result?: T) => void;

export function exposed<T>(impl: (...args: unknown[]) => Promise<T>): (...args: unknown[]) => Promise<T> {
  return (...args: unknown[]) => {
    const last = args[args.length - 1];
    const callback = typeof last === 'function' ? (args.pop() as NodeCallback<T>) : undefined;
    const promise = Promise.resolve().then(() => impl(...args));
    if (callback) {
      promise.then(
        (result) => callback(null, result),
        (error: unknown) => callback(error),
      );
      promise.catch(() => undefined);
    }
    return promise;
  };
}

/** Splits `(opts?, callback?)` the way PouchDB's internal `_methods` receive them. */
export function optsAndCallback<O, T>(a: unknown, b: unknown): { opts: O; callback: NodeCallback<T> } {
  if (typeof a === 'function') return { opts: {} as O, callback: a as NodeCallback<T> };
  return { opts: (a ?? {}) as O, callback: b as NodeCallback<T> };
}

/**
 * Answers a node-style callback with what `compute` returns, or with the error it throws. The
 * callback runs outside the try: an exception thrown by the caller's callback must not come back
 * here and call it a second time.
 */
export function answer<T>(callback: NodeCallback<T>, compute: () => T, asError: (error: unknown) => unknown): void {
  let result: T;
  try {
    result = compute();
  } catch (error) {
    callback(asError(error));
    return;
  }
  callback(null, result);
}
