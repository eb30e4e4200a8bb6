import { BrowserWindow, session, shell } from 'electron';
import path from 'node:path';
import { RENDERER_CSP } from './security/csp';

/**
 * The main window, locked down as Electron's security checklist asks: context isolation, the
 * sandbox, no Node in the page, a strict CSP on every response, no navigation away from the app
 * and no new windows.
 */
export function createMainWindow(rendererDir: string, preloadFile: string): BrowserWindow {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    title: '乡镇卫生院诊疗与病案系统',
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Help links may open in the system browser; nothing opens inside the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(path.join(rendererDir, 'index.html'));
  return win;
}
