// Bundles the Electron main process and preload into dist/electron as CommonJS. Native modules
// and electron itself stay external (electron-builder rebuilds and unpacks the native ones).
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3', 'serialport', '@serialport/*'],
};

await build({ ...common, entryPoints: [path.join(root, 'electron', 'main.ts')], outfile: path.join(root, 'dist', 'electron', 'main.cjs') });
await build({ ...common, entryPoints: [path.join(root, 'electron', 'preload.ts')], outfile: path.join(root, 'dist', 'electron', 'preload.cjs') });
console.log('Electron 主进程与 preload 已生成：dist/electron/');
