/**
 * Browser mode: the clinic app served over HTTP on 127.0.0.1, for development, end-to-end tests,
 * and as the fallback when Electron cannot start. Prints the address to open.
 *   tsx electron/cli/serve.ts [--data-dir DIR] [--port N] [--static dist/renderer]
 */
import path from 'node:path';
import { createClinicApp } from '../app/clinic-app';
import { flagValue, resolveDataDir } from '../app/data-dir';
import { startBrowserServer } from '../http/browser-server';
import { APP_VERSION } from '../app/version';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv, process.env);
  const port = Number(flagValue(argv, '--port') ?? process.env.CLINIC_PORT ?? 0);
  const staticDir = path.resolve(flagValue(argv, '--static') ?? path.join(import.meta.dirname, '..', '..', 'dist', 'renderer'));
  const started = Date.now();
  const clinic = await createClinicApp({ dataDir, version: APP_VERSION });
  const server = await startBrowserServer({
    router: clinic.router,
    staticDir,
    port: Number.isFinite(port) ? port : 0,
    changes: { subscribe: (listener) => clinic.changes.subscribe(listener), sessionOpen: (token) => clinic.context.sessions.isOpen(token) },
  });
  console.log(`数据目录：${dataDir}`);
  console.log(`浏览器模式已就绪（${Date.now() - started} ms），请用 Chromium 打开：${server.url}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    clinic.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(`浏览器模式启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
