import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RENDERER = fileURLToPath(new URL('..', import.meta.url));
const PALETTES = 'slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose';
/** A Tailwind palette shade (`text-slate-500`, `hover:bg-red-50/40`): screens name the token instead. */
const RAW_SHADE = new RegExp(`\\b[a-z]+(?:-[a-z]+)*-(?:${PALETTES})-(?:50|[1-9]00|950)\\b`, 'g');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|css)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function rawShadesIn(text: string): string[] {
  return text.match(RAW_SHADE) ?? [];
}

describe('colours', () => {
  it('finds a raw shade, and leaves tokens alone', () => {
    expect(rawShadesIn('className="text-slate-500 hover:bg-red-50/40 border-amber-950"')).toEqual(['text-slate-500', 'bg-red-50', 'border-amber-950']);
    expect(rawShadesIn('className="text-muted bg-danger-soft border-warning-edge ring-focus"')).toEqual([]);
  });

  it.each(['screens', 'ui', 'app', 'keyboard'])('uses only semantic tokens under renderer/src/%s', (folder) => {
    const found = sourceFiles(join(RENDERER, folder)).flatMap((file) =>
      rawShadesIn(readFileSync(file, 'utf8')).map((shade) => `${relative(RENDERER, file)}: ${shade}`),
    );
    expect(found).toEqual([]);
  });
});
