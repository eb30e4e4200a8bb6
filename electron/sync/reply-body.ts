/**
 * A reply's body, read whole and checked before anyone parses it:
 *
 * - a body shorter than its declared `Content-Length` is an error (node-fetch 2 notices a
 *   connection closed mid-body only on chunked replies, and would hand over the fragment);
 * - a body larger than the cap is refused as soon as the header or node-fetch's running count
 *   (its `size` option) says so, before it fills the memory (a 200 MB reply once took 1 GB).
 *
 * The errors carry the fields `classifySyncError` reads (`type`), so they reach the user as
 * SYNC_CONNECTION_LOST and SYNC_REPLY_TOO_LARGE.
 */

export const REPLY_CUT_SHORT = 'reply-cut-short';
export const REPLY_TOO_LARGE = 'max-size';

/** `received` is -1 when the body stopped flowing and its size so far is unknown. */
export function replyCutShort(received: number, declared: number): Error {
  const got = received < 0 ? 'stopped before' : `${received} of`;
  return Object.assign(new Error(`reply cut short: ${got} ${declared} bytes`), { type: REPLY_CUT_SHORT });
}

export function replyTooLarge(limit: number, seen: number): Error {
  return Object.assign(new Error(`reply of ${seen} bytes or more is over the ${limit}-byte cap`), { type: REPLY_TOO_LARGE, limit });
}

/** The declared length, when there is one and it describes the bytes we read (no content coding). */
export function declaredLength(headers: { get(name: string): string | null }): number | null {
  const raw = headers.get('content-length');
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  const encoding = (headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  // node-fetch decompresses gzip and deflate, so the length counts other bytes; zlib then reports a
  // cut-off stream by itself.
  return encoding === 'identity' || encoding === '' ? Number(raw) : null;
}
