import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readCardHolder } from '../card-reader/read-card';
import { CardReaderDriver } from '../card-reader/reader-driver';
import { openSerialBytePort } from '../port/serial-byte-port';
import { RESIDENT_HEALTH_HOLDER, SOCIAL_SECURITY_HOLDER } from '../testing/cards';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cards = join(root, 'electron/devices/simulator/cards');
let child: ChildProcess | null = null;
let linkDir = '';

afterEach(async () => {
  if (child !== null && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child?.once('exit', resolve));
  }
  child = null;
  if (linkDir !== '') await rm(linkDir, { recursive: true, force: true });
});

/** Collects stdout until `pattern` shows up. */
function waitForOutput(process: ChildProcess, pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in simulator output:\n${output}`)), timeoutMs);
    const onData = (text: string) => {
      output += text;
      const match = output.match(pattern);
      if (match === null) return;
      clearTimeout(timer);
      process.stdout?.off('data', onData);
      resolve(match);
    };
    process.stdout?.setEncoding('utf8');
    process.stdout?.on('data', onData);
  });
}

describe('sim:devices command line', () => {
  it('plays a reader the app opens like a COM port, and takes insert/remove/quit on stdin', async () => {
    linkDir = await mkdtemp(join(tmpdir(), 'township-cli-'));
    child = spawn(
      join(root, 'node_modules/.bin/tsx'),
      ['electron/devices/simulator/cli.ts', 'reader', '--card', join(cards, 'resident-health.json'), '--link-dir', linkDir],
      {
        cwd: root,
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    const [, appPath] = await waitForOutput(child, /open this like a COM port:\s*\n\s*(\S+)/);
    expect(appPath).toBe(join(linkDir, 'reader'));

    const port = await openSerialBytePort({ path: appPath, baudRate: 9600 });
    const driver = new CardReaderDriver(port);
    try {
      expect(await readCardHolder(driver)).toEqual(RESIDENT_HEALTH_HOLDER);
      child.stdin?.write(`insert ${join(cards, 'social-security.json')}\n`);
      await waitForOutput(child, /已插入卡片：张建国/);
      expect(await readCardHolder(driver)).toEqual(SOCIAL_SECURITY_HOLDER);
      child.stdin?.write('remove\n');
      await waitForOutput(child, /已拔出卡片/);
      await expect(readCardHolder(driver)).rejects.toMatchObject({ code: 'card_absent' });
    } finally {
      driver.dispose();
      await port.close();
    }
    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    child.stdin?.write('quit\n');
    expect(await exited).toBe(0);
  });
});
