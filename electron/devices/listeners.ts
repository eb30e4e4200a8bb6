export type Unsubscribe = () => void;

/**
 * A typed set of listeners. A listener that throws is logged and skipped: a bug in one screen's
 * handler must not stop the serial data path that other listeners (and the driver) depend on.
 */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  add(listener: (value: T) => void): Unsubscribe {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  emit(value: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(value);
      } catch (error) {
        console.error('[devices] listener failed', error);
      }
    }
  }

  clear(): void {
    this.set.clear();
  }

  get size(): number {
    return this.set.size;
  }
}
