export type ScanEncoding = 'utf-8' | 'gb18030';

export type DecodedScan = { readonly ok: true; readonly text: string; readonly encoding: ScanEncoding } | { readonly ok: false };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });
/** Scanners configured with prefix/suffix control bytes (STX, ETX, TAB…) wrap the data in them. */
const WRAPPING_CONTROLS = /^[\p{Cc}\s]+|[\p{Cc}\s]+$/gu;

/**
 * Scanners send UTF-8 when set up for it, but many in China ship set to GBK/GB18030 for Chinese
 * QR content. UTF-8 is tried first because it is self-checking: GB text almost never forms valid
 * UTF-8 multi-byte sequences, while UTF-8 text often is "valid" GB18030 (mojibake). Bytes that are
 * neither are refused rather than guessed at.
 */
export function decodeScan(bytes: Uint8Array): DecodedScan {
  for (const [encoding, decoder] of [
    ['utf-8', utf8],
    ['gb18030', gb18030],
  ] as const) {
    try {
      const text = decoder
        .decode(bytes)
        .replace(/^\uFEFF/, '')
        .replace(WRAPPING_CONTROLS, '');
      return { ok: true, text, encoding };
    } catch {
      // Not this encoding; try the next.
    }
  }
  return { ok: false };
}
