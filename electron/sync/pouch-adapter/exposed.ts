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
