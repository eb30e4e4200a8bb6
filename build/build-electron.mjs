// Bundles the Electron main process and preload into dist/electron as CommonJS.
import { build } from 'esbuild';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// Runtime dependencies ship in the installer's node_modules (native ones unpacked from the asar),
// so only our own code is bundled; packages that locate files of their own (wasm, .node) keep working.
const { dependencies } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // db/migrate.ts and the code-set reader fall back to __dirname when import.meta is empty (CJS).
  logOverride: { 'empty-import-meta': 'silent' },
  external: ['electron', ...Object.keys(dependencies), '@serialport/*'],
};

await build({ ...common, entryPoints: [path.join(root, 'electron', 'main.ts')], outfile: path.join(root, 'dist', 'electron', 'main.cjs') });
// A sandboxed preload can require nothing but 'electron': bundle everything it uses.
await build({
  ...common,
  external: ['electron'],
  entryPoints: [path.join(root, 'electron', 'preload.ts')],
  outfile: path.join(root, 'dist', 'electron', 'preload.cjs'),
});
// The bundle finds its migrations and the national code sets in folders next to it.
const out = path.join(root, 'dist', 'electron');
for (const [from, to] of [
  [path.join(root, 'db', 'migrations'), path.join(out, 'migrations')],
  [path.join(root, 'shared', 'data'), path.join(out, 'data')],
]) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}
console.log('Electron 主进程与 preload 已生成：dist/electron/（含数据库迁移与国家标准代码表）');
