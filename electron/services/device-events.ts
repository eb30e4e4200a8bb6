import type { DeviceEvent } from '../../shared/api/devices';

type Payload = DeviceEvent extends infer E ? (E extends DeviceEvent ? Omit<E, 'seq' | 'at'> : never) : never;

export interface EventQueueOptions {
  /** Events older than this are never delivered: a card read a minute ago must not pop up now. */
  readonly maxAgeMs?: number;
  readonly capacity?: number;
  readonly now?: () => number;
  /** Identifies this run of the program; a screen holding another stream's cursor starts over. */
  readonly stream: string;
}

/**
 * The card reads and scans of the last moments, numbered, for screens that poll. Polling (rather
 * than pushing) works the same over Electron IPC and browser-mode HTTP, and a screen that was not
 * listening simply starts from the current cursor.
 */
export class DeviceEventQueue {
  private readonly events: DeviceEvent[] = [];
  private seq = 0;
  private readonly maxAgeMs: number;
  private readonly capacity: number;
  private readonly now: () => number;
  readonly stream: string;

  constructor(options: EventQueueOptions) {
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
    this.capacity = options.capacity ?? 100;
    this.now = options.now ?? Date.now;
    this.stream = options.stream;
  }

  push(payload: Payload): DeviceEvent {
    this.seq += 1;
    const event = { ...payload, seq: this.seq, at: new Date(this.now()).toISOString() } as DeviceEvent;
    this.events.push(event);
    if (this.events.length > this.capacity) this.events.splice(0, this.events.length - this.capacity);
    return event;
  }

  get cursor(): number {
    return this.seq;
  }

  /**
   * Events after `after` in this stream. No `after`: none (the caller just wants the cursor). A
   * cursor from another stream, or ahead of this one, means the program restarted: every event of
   * this run that is still fresh.
   */
  since(stream: string | undefined, after: number | undefined): DeviceEvent[] {
    if (after === undefined) return [];
    const from = stream !== this.stream || after > this.seq ? 0 : after;
    const oldest = this.now() - this.maxAgeMs;
    return this.events.filter((event) => event.seq > from && Date.parse(event.at) >= oldest);
  }
}
