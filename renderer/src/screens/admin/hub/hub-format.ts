/** How the hub panel writes times and fingerprints. */

/** `2026-12-03T08:05:00.000Z` → `12-03 16:05` in the PC's own clock. */
export function shortTime(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * `AB:CD:EF:…` (32 bytes) → groups of four hex digits; the first four groups (16 digits) are what a
 * person must type on the new PC, so they are shown apart.
 */
export function fingerprintGroups(fingerprint: string): { readonly typed: string[]; readonly rest: string[] } {
  const digits = fingerprint.replace(/:/g, '');
  const groups = digits.match(/.{1,4}/g) ?? [];
  return { typed: groups.slice(0, 4), rest: groups.slice(4) };
}
