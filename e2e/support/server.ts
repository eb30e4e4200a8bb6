import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RENDERER_BUILD, REPO_ROOT, SERVE_SCRIPT } from './paths';

export interface ClinicServer {
  /** The address as printed, with `#token=…`: what a user would open. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  stop(): Promise<void>;
  /** SIGKILL, as a power cut or a crash: the data folder stays for a server started on it again. */
  kill(): Promise<void>;
}

const URL_IN_OUTPUT = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]+)/;
const START_TIMEOUT_MS = 90_000;

/**
 * Starts browser mode on a fresh, empty data folder and waits for the line with its address.
 * `env` adds variables for the server, e.g. CLINIC_CARD_READER pointing at a simulated reader.
 * Runs tsx from node_modules directly (what `npx tsx` resolves to) in its own process group, so
 * stopping it takes tsx's child node process along too.
 */
export async function startClinicServer(options: { readonly env?: Readonly<Record<string, string>>; readonly dataDir?: string } = {}): Promise<ClinicServer> {
  if (!existsSync(SERVE_SCRIPT)) throw new Error(`browser-mode script missing: ${SERVE_SCRIPT}`);
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'clinic-e2e-data-')));
  const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [SERVE_SCRIPT, '--data-dir', dataDir, '--port', '0', '--static', RENDERER_BUILD], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const address = await new Promise<{ url: string; port: string; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not print its address within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = URL_IN_OUTPUT.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[0], port: match[1], token: match[2] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited (code ${code}) before it was ready:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stopProcessGroup(child);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });

  return {
    url: address.url,
    origin: `http://127.0.0.1:${address.port}`,
    token: address.token,
    dataDir,
    async stop() {
      await stopProcessGroup(child);
      await rm(dataDir, { recursive: true, force: true });
    },
    async kill() {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      signalGroup(child.pid, 'SIGKILL');
      await exited;
    },
  };
}

/** SIGTERM to the group we started, then SIGKILL if it has not gone within five seconds. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child.pid, 'SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5_000))]);
  if (timedOut) {
    signalGroup(child.pid, 'SIGKILL');
    await exited;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
