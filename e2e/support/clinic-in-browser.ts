import { afterAll, beforeAll } from 'vitest';
import { setUpClinic } from './api';
import { openBrowser, type BrowserSession } from './browser';
import { startClinicServer, type ClinicServer } from './server';

/** What a describe block gets: its clinic's server and a browser on it (filled in before its tests run). */
export interface ClinicInBrowser {
  readonly server: ClinicServer;
  readonly browser: BrowserSession;
}

/**
 * For one describe block: a clinic's server with a fresh data folder (set up as the wizard would,
 * when `setUp`), and a fresh browser opened at its address, started before the tests and closed
 * after them.
 */
export function clinicInBrowser(options: { readonly setUp?: boolean; readonly open?: boolean } = {}): ClinicInBrowser {
  const started: { server?: ClinicServer; browser?: BrowserSession } = {};
  beforeAll(async () => {
    started.server = await startClinicServer();
    if (options.setUp) await setUpClinic(started.server);
    started.browser = await openBrowser();
    if (options.open ?? true) await started.browser.page.goto(started.server.url);
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.server?.stop();
  });
  return {
    get server() {
      if (!started.server) throw new Error('the clinic server is started before the tests');
      return started.server;
    },
    get browser() {
      if (!started.browser) throw new Error('the browser is opened before the tests');
      return started.browser;
    },
  };
}
