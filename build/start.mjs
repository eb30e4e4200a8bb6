// `npm start`: build what is missing, launch Electron; when Electron's binary is missing or cannot
// start (as on an air-gapped build machine), say so in one line and serve browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
  console.log('正在生成界面文件（首次启动需要十几秒）…');
  run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
}

// Resolve the binary the way the electron package does, but without its fallback of downloading
// it on the spot (which, offline, only prints a stack trace before failing).
function electronBinary() {
  try {
    const pkgDir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function browserMode(reason) {
  console.log(`Electron 无法启动（${reason}），改用浏览器模式。`);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli', 'serve.ts'), ...passThrough], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary();
if (!binary) {
  browserMode('本机没有 Electron 程序文件');
} else {
  run(process.execPath, [path.join(root, 'build', 'build-electron.mjs')]);
  const startedAt = Date.now();
  const child = spawn(binary, [root, ...passThrough], { cwd: root, stdio: ['inherit', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });
  child.on('error', (error) => browserMode(error.message));
  child.on('exit', (code) => {
    // A crash within seconds of launch (missing libraries, no display) means it cannot run here.
    if (code !== 0 && Date.now() - startedAt < 10_000) browserMode(stderr.trim().split('\n').at(-1) || `退出码 ${code}`);
    else process.exit(code ?? 0);
  });
}
