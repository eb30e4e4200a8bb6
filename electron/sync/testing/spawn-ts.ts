/**
 * Runs one of our TypeScript files as a separate Node process (through tsx), the way tests run the
 * CouchDB-protocol peer and the "app" that gets killed mid-sync. A separate process is the point:
 * a fault proxy can sit between them and a SIGKILL really cuts the work off.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface SpawnedScript {
  readonly child: ChildProcess;
  /** Resolves with the first stdout line that parses as JSON and has `ready: true`. */
  readonly ready: Promise<Record<string, unknown>>;
  /** Every JSON line printed on stdout so far. */
  readonly messages: ReadonlyArray<Record<string, unknown>>;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

export function spawnTsScript(file: string, args: ReadonlyArray<string>, env: Readonly<Record<string, string>>, readyTimeoutMs = 20_000): SpawnedScript {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const messages: Record<string, unknown>[] = [];
  let stderrText = '';
  let buffered = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderrText = (stderrText + chunk).slice(-20_000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${path.basename(file)} not ready after ${readyTimeoutMs} ms: ${stderrText}`)), readyTimeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
        if (!line.startsWith('{')) continue;
        try {
          const message = JSON.parse(line) as Record<string, unknown>;
          messages.push(message);
          if (message.ready === true) {
            clearTimeout(timer);
            resolve(message);
          }
        } catch {
          // not one of our lines
        }
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${path.basename(file)} exited (${code ?? signal}) before ready: ${stderrText}`));
    });
  });
  ready.catch(() => undefined);
  return { child, ready, messages, exited, stderr: () => stderrText };
}
