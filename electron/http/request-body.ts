import type { IncomingMessage } from 'node:http';

/** The largest request body browser mode accepts: far above any form, far below what would strain memory. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * How much of an oversized body is still read (and thrown away) so the client, which is still
 * sending, can read the 413 answer. Closing a socket with unread data makes the kernel send a
 * reset, and the client then sees "connection reset" instead of the answer. A client sending more
 * than this is not a form submission: it is cut off.
 */
export const MAX_DISCARD_BYTES = 64 * 1024 * 1024;

export type BodyResult =
  | { readonly kind: 'text'; readonly text: string }
  /** `drained`: the whole body arrived and was discarded, so the connection can close cleanly. */
  | { readonly kind: 'too_large'; readonly drained: boolean }
  | { readonly kind: 'bad_encoding' };

/**
 * Reads a request body as UTF-8 text, refusing what is not: a lenient decode would turn invalid
 * bytes into U+FFFD and store names such as 王��五 (https://encoding.spec.whatwg.org/#utf-8-decode,
 * "fatal" error mode).
 */
export function readTextBody(req: IncomingMessage, limits = { maxBytes: MAX_BODY_BYTES, maxDiscardBytes: MAX_DISCARD_BYTES }): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limits.maxBytes) return void chunks.push(chunk);
      chunks.length = 0;
      if (size > limits.maxBytes + limits.maxDiscardBytes) {
        req.pause();
        resolve({ kind: 'too_large', drained: false });
      }
    });
    req.on('end', () => {
      if (size > limits.maxBytes) return resolve({ kind: 'too_large', drained: true });
      try {
        resolve({ kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) });
      } catch {
        resolve({ kind: 'bad_encoding' });
      }
    });
    req.on('error', reject);
  });
}
