import { spawn, type ChildProcess } from 'node:child_process';

export interface PtyPair {
  /** The stable symlink the app opens (survives a socat restart). */
  readonly appLink: string;
  /** The stable symlink the simulated device opens. */
  readonly deviceLink: string;
  /** The pseudo-terminals behind the links right now (/dev/pts/N). */
  readonly appPty: string;
  readonly devicePty: string;
  /** Ends socat: both ptys vanish, the app sees its port close as if the cable were pulled. */
  stop(): Promise<void>;
}

export interface PtyPairOptions {
  readonly appLink: string;
  readonly deviceLink: string;
  readonly socatPath?: string;
  readonly startTimeoutMs?: number;
}

// socat address syntax uses these as separators: a link path holding one would be misread.
const UNSAFE_IN_ADDRESS = /[,:!\s]/;

/**
 * Starts `socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B`: two pseudo-terminals joined
 * back to back, exactly like a null-modem cable. With -d -d socat logs "PTY is /dev/pts/N" for each
 * side, then "starting data transfer loop" once both are ready; we wait for that line.
 */
export function startPtyPair(options: PtyPairOptions): Promise<PtyPair> {
  for (const link of [options.appLink, options.deviceLink]) {
    if (UNSAFE_IN_ADDRESS.test(link)) throw new Error(`pty link path must not contain , : ! or spaces: ${link}`);
  }
  const child = spawn(options.socatPath ?? 'socat', ['-d', '-d', `pty,raw,echo=0,link=${options.appLink}`, `pty,raw,echo=0,link=${options.deviceLink}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<PtyPair>((resolve, reject) => {
    const ptys: string[] = [];
    let log = '';
    const fail = (message: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(message));
    };
    const timer = setTimeout(() => fail(`socat did not start within ${options.startTimeoutMs ?? 5000} ms:\n${log}`), options.startTimeoutMs ?? 5000);
    child.once('error', (error: NodeJS.ErrnoException) => {
      fail(error.code === 'ENOENT' ? '未找到 socat，请先安装（Debian/Ubuntu：apt-get install socat）' : `socat: ${error.message}`);
    });
    child.once('exit', (code, signal) => {
      if (ptys.length < 2) fail(`socat exited (${code ?? signal}) before the ptys were ready:\n${log}`);
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      log += text;
      for (const match of text.matchAll(/PTY is (\/\S+)/g)) ptys.push(match[1]);
      if (ptys.length >= 2 && /starting data transfer loop/.test(log)) {
        clearTimeout(timer);
        child.stderr?.removeAllListeners('data');
        child.stderr?.resume(); // keep draining, or socat blocks on a full pipe
        resolve({
          appLink: options.appLink,
          deviceLink: options.deviceLink,
          appPty: ptys[0],
          devicePty: ptys[1],
          stop: () => stopProcess(child, exited),
        });
      }
    });
  });
}

async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 2000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
