/**
 * Import-direction lint (STYLE.md): renderer → shared; electron → db, shared; db → shared;
 * shared → nothing of ours and no Node built-ins. Only the Electron wiring files may import
 * `electron`. Exits 1 with one line per violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');
const LAYERS = ['shared', 'db', 'electron', 'renderer'] as const;
type Layer = (typeof LAYERS)[number];

const ALLOWED: Readonly<Record<Layer, ReadonlyArray<Layer>>> = {
  shared: ['shared'],
  db: ['db', 'shared'],
  electron: ['electron', 'db', 'shared'],
  renderer: ['renderer', 'shared'],
};

/** The thin Electron wiring: the only files allowed to import the `electron` package. */
const ELECTRON_WIRING = new Set(['electron/main.ts', 'electron/preload.ts', 'electron/window.ts', 'electron/print/printer.ts']);
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx|mts)$/.test(entry) && !entry.endsWith('.d.ts')) yield full;
  }
}

function layerOf(file: string): Layer | null {
  const top = path.relative(ROOT, file).split(path.sep)[0];
  return (LAYERS as ReadonlyArray<string>).includes(top) ? (top as Layer) : null;
}

export function checkFile(file: string, text: string): string[] {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const from = layerOf(file);
  if (!from) return [];
  const problems: string[] = [];
  // Tests and build configs (vite.config.ts) run in Node, not in the layer's own runtime.
  const isTest = /\.test\.tsx?$/.test(rel) || /\.config\.ts$/.test(rel);
  for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
    const spec = ref.fileName;
    if (spec.startsWith('.')) {
      const to = layerOf(path.resolve(path.dirname(file), spec));
      if (to && !ALLOWED[from].includes(to)) problems.push(`${rel}: ${from}/ may not import ${to}/ (${spec})`);
      continue;
    }
    if (spec === 'electron' && !ELECTRON_WIRING.has(rel)) problems.push(`${rel}: only the Electron wiring files may import 'electron'`);
    // Tests of shared code may read fixtures from disk; the shared code itself may not touch Node.
    if (from === 'shared' && !isTest && NODE_BUILTINS.has(spec)) problems.push(`${rel}: shared/ must stay pure, no Node built-in '${spec}'`);
    if (from === 'renderer' && !isTest && NODE_BUILTINS.has(spec)) problems.push(`${rel}: renderer/ runs in the browser, no Node built-in '${spec}'`);
  }
  return problems;
}

function main(): void {
  const problems: string[] = [];
  let count = 0;
  for (const layer of LAYERS) {
    for (const file of sourceFiles(path.join(ROOT, layer))) {
      count += 1;
      problems.push(...checkFile(file, readFileSync(file, 'utf8')));
    }
  }
  for (const p of problems) console.error(p);
  console.log(problems.length === 0 ? `import directions ok (${count} files)` : `${problems.length} import-direction problem(s)`);
  if (problems.length > 0) process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
