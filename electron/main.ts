// Electron entry: wiring only. The app itself (database, services, router) is built by
// createClinicApp and runs the same way in browser mode and in tests.
import { app, BrowserWindow, ipcMain, safeStorage } from 'electron';
import path from 'node:path';
import { EVENTS_CHANNEL, INVOKE_CHANNEL } from '../shared/api';
import { createClinicApp } from './app/clinic-app';
import { resolveDataDir } from './app/data-dir';
import { composeSecretBoxes, keyFileSecretBox, osKeychainSecretBox } from './security/secret-box';
import { createMainWindow } from './window';

if (!app.requestSingleInstanceLock()) app.quit();

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(async () => {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  // The sync password is sealed with the OS keychain where there is one; the key file otherwise.
  const keyFile = keyFileSecretBox(dataDir);
  const keychain = osKeychainSecretBox(safeStorage);
  const secrets = keychain ? composeSecretBoxes(keychain, keyFile) : keyFile;
  const clinic = await createClinicApp({ dataDir, version: app.getVersion(), secrets });
  ipcMain.handle(INVOKE_CHANNEL, (_event, request: unknown) => clinic.router.invoke(request));
  // What changed (kinds and keys, no patient data) goes to the window; the screens read what they need.
  clinic.changes.subscribe((batch) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(EVENTS_CHANNEL, batch);
  });
  createMainWindow(path.join(__dirname, '..', 'renderer'), path.join(__dirname, 'preload.cjs'));
  app.on('window-all-closed', () => {
    clinic.close();
    app.quit();
  });
});
