// Electron entry: wiring only. The app itself (database, services, router) is built by
// createClinicApp and runs the same way in browser mode and in tests.
import { app, ipcMain } from 'electron';
import path from 'node:path';
import { INVOKE_CHANNEL } from '../shared/api';
import { createClinicApp } from './app/clinic-app';
import { resolveDataDir } from './app/data-dir';
import { createMainWindow } from './window';

if (!app.requestSingleInstanceLock()) app.quit();

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(async () => {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  const clinic = await createClinicApp({ dataDir, version: app.getVersion() });
  ipcMain.handle(INVOKE_CHANNEL, (_event, request: unknown) => clinic.router.invoke(request));
  createMainWindow(path.join(__dirname, '..', 'renderer'), path.join(__dirname, 'preload.cjs'));
  app.on('window-all-closed', () => {
    clinic.close();
    app.quit();
  });
});
