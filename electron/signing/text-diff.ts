/**
 * Differences between two texts for the version history (WR-05): Chinese is compared character by
 * character (a word segmenter would split a changed word differently in the two versions), while a
 * run of Latin letters or digits (`mmHg`, `140/90`, `37.5`) counts as one token, so a changed number
 * shows whole. Longest common subsequence over tokens, after trimming the common start and end.
 */
import type { DiffPart } from '../../shared/api/signing';

/** Above this many token pairs the middle is shown as removed-then-added rather than compared. */
const MAX_CELLS = 4_000_000;

export function tokenize(text: string): string[] {
  return text.match(/[A-Za-z0-9.%/]+|[\s\S]/gu) ?? [];
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) parts[parts.length - 1] = { kind, text: last.text + text };
  else parts.push({ kind, text });
}

function middleDiff(a: string[], b: string[], parts: DiffPart[]): void {
  if (a.length * b.length > MAX_CELLS) {
    push(parts, 'removed', a.join(''));
    push(parts, 'added', b.join(''));
    return;
  }
  const width = b.length + 1;
  // lengths[i * width + j]: LCS length of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i]);
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      push(parts, 'removed', a[i]);
      i += 1;
    } else {
      push(parts, 'added', b[j]);
      j += 1;
    }
  }
  push(parts, 'removed', a.slice(i).join(''));
  push(parts, 'added', b.slice(j).join(''));
}

export function diffText(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  middleDiff(a.slice(start, a.length - end), b.slice(start, b.length - end), parts);
  push(parts, 'same', a.slice(a.length - end).join(''));
  return parts;
}

/**
 * A field's value as the history shows it: text as written; numbers and flags as text; structured
 * values (vital signs, lists) one `name：value` line per leaf, so a diff points at the changed leaf.
 */
export function fieldText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const lines: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node as Record<string, unknown>)) walk(child, path === '' ? key : `${path}.${key}`);
    } else if (node !== undefined && node !== null) lines.push(`${path}：${String(node)}`);
  };
  walk(value, '');
  return lines.join('\n');
}
