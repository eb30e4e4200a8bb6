import { changeBatch, EVENTS_PATH, type ChangeBatch } from '../../../shared/api';
import { createBackoff } from '../../../shared/time/backoff';
import type { ClinicBridge } from '../clinic-bridge';

/**
 * Change events from the main process (shared/api/events.ts): the desktop app's IPC, or browser
 * mode's Server-Sent Events. One feed per window, shared by every screen that listens.
 */
export interface ChangeFeed {
  subscribe(listener: (batch: ChangeBatch) => void): () => void;
}

export interface FeedEnds {
  /** The server ended the stream because the session ended (logged out, account stopped, roles changed). */
  onSessionEnded(): void;
}

/** Every batch is checked against the contract before a screen sees it, as replies are. */
function readBatch(value: unknown): ChangeBatch | null {
  const parsed = changeBatch.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Many screens, one source: the source opens with the first listener and closes after the last. */
function sharedFeed(open: (deliver: (batch: ChangeBatch) => void) => () => void): ChangeFeed {
  const listeners = new Set<(batch: ChangeBatch) => void>();
  let close: (() => void) | null = null;
  const deliver = (batch: ChangeBatch): void => {
    for (const listener of [...listeners]) listener(batch);
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      close ??= open(deliver);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && close) {
          close();
          close = null;
        }
      };
    },
  };
}

export function ipcChangeFeed(bridge: Pick<ClinicBridge, 'onChanges'>): ChangeFeed {
  return sharedFeed((deliver) => {
    // IPC loses nothing while the window lives, but the screen may have loaded before subscribing.
    queueMicrotask(() => deliver({ events: [], resync: true }));
    return bridge.onChanges((value) => {
      const batch = readBatch(value);
      if (batch) deliver(batch);
    });
  });
}

export interface HttpFeedOptions {
  readonly token: string | null;
  readonly session: () => string | null;
  readonly ends: FeedEnds;
  readonly fetch?: typeof fetch;
}

/**
 * Browser mode: the stream read with fetch (so the page's token and the session travel as headers),
 * opened again after a break with backoff; the server starts each stream with a `resync` batch.
 */
export function httpChangeFeed(options: HttpFeedOptions): ChangeFeed {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  return sharedFeed((deliver) => {
    const controller = new AbortController();
    const backoff = createBackoff({ initialMs: 500, maxMs: 10_000, jitter: 0.3 });
    const readStream = async (session: string): Promise<void> => {
      const response = await doFetch(EVENTS_PATH, {
        headers: { 'X-Clinic-Token': options.token ?? '', 'X-Clinic-Session': session },
        signal: controller.signal,
      });
      if (response.status === 401) return options.ends.onSessionEnded();
      if (!response.ok || !response.body) return;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffered += value;
        let end = buffered.indexOf('\n\n');
        while (end >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          end = buffered.indexOf('\n\n');
          if (/^event: session-ended$/m.test(block)) return options.ends.onSessionEnded();
          const data = /^data: (.*)$/m.exec(block)?.[1];
          const batch = data === undefined ? null : readBatch(safeJson(data));
          if (batch) {
            backoff.reset();
            deliver(batch);
          }
        }
      }
    };
    void (async () => {
      while (!controller.signal.aborted) {
        const session = options.session();
        if (session !== null) await readStream(session).catch(() => undefined);
        if (controller.signal.aborted) return;
        await new Promise((resolve) => setTimeout(resolve, backoff.next()));
      }
    })();
    return () => controller.abort();
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A client without a feed (tests of other things): nobody hears of changes. */
export const NO_CHANGE_FEED: ChangeFeed = { subscribe: () => () => undefined };
