/**
 * Import-direction lint (STYLE.md): renderer → shared; electron → db, shared; db → shared;
 * shared → nothing of ours and no Node built-ins. Only the Electron wiring files may import
 * `electron`. Inside electron/ the parts have their own directions (ELECTRON_PARTS below), and test
 * helpers stay in test code. Exits 1 with one line per violation.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

/**
 * The parts of electron/ and the other parts each may import (a part may always import itself,
 * and shared/). Handlers call services, services call db/ (ipc → services → db); the composition
 * roots (app/, cli/, the wiring files) put everything together. devices/ and sync/ are engines of
 * their own: they import no other part, and other parts reach them only through their index.ts;
 * hub/ (the centre hub) is one too, built on sync/'s PouchDB adapter and security/'s secret box.
 * A new folder under electron/ imports nothing of the others until it is listed here.
 */
const ELECTRON_PARTS = {
  wiring: ['app', 'security', 'print'],
  app: ['ipc', 'services', 'devices', 'sync', 'lan', 'security', 'signing', 'hub'],
  cli: ['app', 'services', 'devices', 'sync', 'lan', 'http', 'demo', 'security', 'signing'],
  demo: ['app', 'services'],
  http: ['ipc', 'security'],
  ipc: ['services', 'signing'],
  services: ['devices', 'sync', 'lan', 'security', 'print', 'signing', 'hub'],
  devices: [],
  sync: [],
  lan: ['sync'],
  hub: ['sync', 'security'],
  security: [],
  print: [],
  // Signatures and amendments: a service of its own, over the store; used by handlers, services, the CLI.
  signing: [],
} as const satisfies Readonly<Record<string, ReadonlyArray<string>>>;
type ElectronPart = keyof typeof ELECTRON_PARTS;

/** Parts that may use the database directly; the rest go through services (or need none). */
const DB_USERS: ReadonlySet<string> = new Set<ElectronPart>(['wiring', 'app', 'cli', 'demo', 'services', 'sync', 'lan', 'signing', 'hub']);
/** Parts reached from outside only through their public `index.ts`. */
const SEALED: ReadonlySet<string> = new Set<ElectronPart>(['devices', 'sync', 'lan', 'signing', 'hub']);
/** Packages only tests use: a file importing them is a test helper, and belongs in a testing/ folder. */
const TEST_PACKAGES = new Set(['vitest', 'fast-check', 'playwright-core']);

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

/** Where a file sits inside electron/: its part (`wiring` for the top-level files) and the rest of its path. */
function electronPlace(rel: string): { part: string; inner: string } | null {
  const segments = rel.split('/');
  if (segments[0] !== 'electron') return null;
  if (segments.length === 2) return { part: 'wiring', inner: segments[1] };
  return { part: segments[1], inner: segments.slice(2).join('/') };
}

/** Test code: tests, and helpers in a `testing/` folder (db/testing, electron/sync/testing …) or a `testing.ts`. */
function isTestCode(rel: string): boolean {
  return /\.test(\.tsx?)?$/.test(rel) || rel.split('/').some((segment) => /^testing(\.tsx?)?$/.test(segment));
}

/** Developer tools run from the repository, never shipped: `scripts/` folders and build configs. */
function isDevTool(rel: string): boolean {
  return /\.config\.ts$/.test(rel) || rel.split('/').includes('scripts');
}

/** The file an import names, from the repository root without extension (a folder means its index). */
function targetOf(file: string, spec: string): string {
  const full = path.resolve(path.dirname(file), spec);
  const isFolder = existsSync(full) && statSync(full).isDirectory();
  return path
    .relative(ROOT, isFolder ? path.join(full, 'index') : full)
    .split(path.sep)
    .join('/')
    .replace(/\.(ts|tsx|mts|js)$/, '');
}

function electronProblems(rel: string, spec: string, target: string): string[] {
  const from = electronPlace(rel);
  const to = electronPlace(target);
  if (!from) return [];
  if (!to) {
    if (target.split('/')[0] === 'db' && !DB_USERS.has(from.part))
      return [`${rel}: electron/${from.part}/ may not use db/ directly; go through services (${spec})`];
    return [];
  }
  if (to.part === from.part) return [];
  const allowed: ReadonlyArray<string> = (ELECTRON_PARTS as Readonly<Record<string, ReadonlyArray<string>>>)[from.part] ?? [];
  if (!allowed.includes(to.part)) return [`${rel}: electron/${from.part}/ may not import electron/${to.part}/ (${spec})`];
  if (SEALED.has(to.part) && to.inner !== '' && to.inner !== 'index') {
    return [`${rel}: use electron/${to.part}/ through its index.ts, not its internals (${spec})`];
  }
  return [];
}

export function checkFile(file: string, text: string): string[] {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const from = layerOf(file);
  if (!from) return [];
  const problems: string[] = [];
  // Tests and build configs (vite.config.ts) run in Node, not in the layer's own runtime.
  const isTest = /\.test\.tsx?$/.test(rel) || /\.config\.ts$/.test(rel);
  // Production code: what ships (or runs the clinic); tests, their helpers and dev tools are not.
  const isProduction = !isTestCode(rel) && !isDevTool(rel);
  for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
    const spec = ref.fileName;
    if (spec.startsWith('.')) {
      const target = targetOf(file, spec);
      const to = layerOf(path.join(ROOT, target));
      if (to && !ALLOWED[from].includes(to)) problems.push(`${rel}: ${from}/ may not import ${to}/ (${spec})`);
      if (isProduction && isTestCode(target))
        problems.push(`${rel}: production code may not import test code; keep helpers in a testing/ folder used by tests only (${spec})`);
      // Tests and their helpers wire whatever they need; the directions inside electron/ bind the code that ships.
      if (isProduction) problems.push(...electronProblems(rel, spec, target));
      continue;
    }
    if (spec === 'electron' && !ELECTRON_WIRING.has(rel)) problems.push(`${rel}: only the Electron wiring files may import 'electron'`);
    if (isProduction && TEST_PACKAGES.has(spec)) problems.push(`${rel}: '${spec}' is for tests; a helper that needs it belongs in a testing/ folder`);
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
