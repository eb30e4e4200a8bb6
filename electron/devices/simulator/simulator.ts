import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { BytePort } from '../port/byte-port';
import { openSerialBytePort } from '../port/serial-byte-port';
import type { VirtualCardData } from './card-file';
import { SimulatedReader, type ReaderBehaviour } from './reader-device';
import { startPtyPair, type PtyPair } from './socat';

export type SimulatorMode = 'reader' | 'scanner';

export interface SimulatorOptions {
  readonly mode: SimulatorMode;
  /** Reader mode: the card in the slot at start. */
  readonly card?: VirtualCardData;
  /** Where the stable pty links live; a fresh temporary folder (removed on stop) by default. */
  readonly linkDir?: string;
  readonly socatPath?: string;
}

export interface ScanOptions {
  readonly encoding?: 'utf-8' | 'gb18030';
  readonly terminator?: '\r' | '\n' | '\r\n';
  /** Send the scan in pieces of this many bytes (0: at once), `fragmentGapMs` apart. */
  readonly fragmentSize?: number;
  readonly fragmentGapMs?: number;
}

export interface Simulator {
  readonly mode: SimulatorMode;
  /** Open this path like a COM port. It is a symlink, stable across unplug/replug. */
  readonly appPath: string;
  /** The pseudo-terminal currently behind `appPath`. */
  readonly ptyPath: string;
  insert(card: VirtualCardData): void;
  remove(): void;
  setBehaviour(change: Partial<ReaderBehaviour>): void;
  /** Scanner mode: sends one scan, terminated (CRLF by default). */
  scan(text: string, options?: ScanOptions): Promise<void>;
  sendRaw(bytes: Uint8Array): Promise<void>;
  /** Pulls the cable: socat ends, the app's port closes, the path disappears. */
  unplug(): Promise<void>;
  /** Plugs it back: a new socat behind the same path. The card in the slot stays. */
  replug(): Promise<void>;
  stop(): Promise<void>;
}

/** Plays a card reader or a scanner on one end of a real pseudo-terminal pair (see README: simulator). */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const ownsLinkDir = options.linkDir === undefined;
  const linkDir = options.linkDir ?? (await mkdtemp(join(tmpdir(), 'township-sim-')));
  const appLink = join(linkDir, options.mode);
  const deviceLink = join(linkDir, `${options.mode}-device`);
  const reader = options.mode === 'reader' ? new SimulatedReader() : null;
  if (reader !== null && options.card !== undefined) reader.insert(options.card);

  let pair: PtyPair | null = null;
  let devicePort: BytePort | null = null;
  let outgoing: Promise<void> = Promise.resolve();

  const plugIn = async () => {
    pair = await startPtyPair({ appLink, deviceLink, socatPath: options.socatPath });
    devicePort = await openSerialBytePort({ path: deviceLink, baudRate: 9600 });
    reader?.attach(devicePort);
  };
  const pullOut = async () => {
    reader?.detach();
    const port = devicePort;
    const running = pair;
    devicePort = null;
    pair = null;
    await running?.stop();
    await port?.close();
  };
  const write = (bytes: Uint8Array): Promise<void> => {
    // Scans and raw bytes go out in call order, never interleaved.
    const next = outgoing.then(async () => {
      if (devicePort?.isOpen) await devicePort.write(bytes);
    });
    outgoing = next.catch(() => undefined);
    return next;
  };
  const requireReader = (): SimulatedReader => {
    if (reader === null) throw new Error('this simulator plays a scanner, not a card reader');
    return reader;
  };

  try {
    await plugIn();
  } catch (error) {
    await pullOut();
    if (ownsLinkDir) await rm(linkDir, { recursive: true, force: true });
    throw error;
  }
  return {
    mode: options.mode,
    appPath: appLink,
    get ptyPath() {
      return pair?.appPty ?? '';
    },
    insert: (card) => requireReader().insert(card),
    remove: () => requireReader().remove(),
    setBehaviour: (change) => requireReader().setBehaviour(change),
    scan: async (text, scanOptions = {}) => {
      const encoded = scanOptions.encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
      const bytes = Uint8Array.from([...encoded, ...Buffer.from(scanOptions.terminator ?? '\r\n', 'latin1')]);
      const size = scanOptions.fragmentSize ?? 0;
      if (size <= 0) return write(bytes);
      for (let at = 0; at < bytes.length; at += size) {
        await write(bytes.subarray(at, at + size));
        if ((scanOptions.fragmentGapMs ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, scanOptions.fragmentGapMs));
      }
    },
    sendRaw: (bytes) => (reader !== null ? reader.sendRaw(bytes) : write(bytes)),
    unplug: pullOut,
    replug: async () => {
      if (pair === null) await plugIn();
    },
    stop: async () => {
      await pullOut();
      if (ownsLinkDir) await rm(linkDir, { recursive: true, force: true });
    },
  };
}
