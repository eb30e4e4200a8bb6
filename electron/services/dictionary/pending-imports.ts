import { randomUUID } from 'node:crypto';
import { ApiFailure } from '../../../shared/api';

/** A preview is applied within this time or read again: the administrator may have changed the file. */
const PREVIEW_TTL_MS = 30 * 60 * 1000;
const MAX_PENDING = 4;

/**
 * Checked import files waiting for the administrator's 确认导入, by the token their preview returned.
 * Kept in memory: the file is checked once, and applying is exactly what the preview showed.
 */
export class PendingImports<T> {
  private readonly pending = new Map<string, { readonly value: T; readonly expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  put(value: T): string {
    const now = this.now();
    for (const [token, entry] of this.pending) if (entry.expires <= now) this.pending.delete(token);
    while (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    const token = randomUUID();
    this.pending.set(token, { value, expires: now + PREVIEW_TTL_MS });
    return token;
  }

  /** The previewed import, removed so it cannot be applied twice. */
  take(token: string): T {
    const entry = this.pending.get(token);
    this.pending.delete(token);
    if (!entry || entry.expires <= this.now()) throw new ApiFailure('NOT_FOUND', '这次预览已过期或已经导入过了，请重新选择文件预览。');
    return entry.value;
  }
}

export interface ImportProgressView {
  readonly phase: 'idle' | 'reading' | 'checking' | 'saving' | 'done';
  readonly done: number;
  readonly total: number;
}

/** How far the running import is, for the screen's progress bar (polled while the call runs). */
export class ImportProgress {
  private state: ImportProgressView = { phase: 'idle', done: 0, total: 0 };

  set(phase: ImportProgressView['phase'], done = 0, total = 0): void {
    this.state = { phase, done, total };
  }

  view(): ImportProgressView {
    return this.state;
  }
}

/** Lets the event loop answer progress polls while a long loop runs. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
