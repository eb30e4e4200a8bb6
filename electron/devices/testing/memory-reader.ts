import { CardReaderDriver, type ReaderDriverOptions } from '../card-reader/reader-driver';
import { createMemoryPortPair, type MemoryPortPair } from '../port/memory-byte-port';
import { SimulatedReader } from '../simulator/reader-device';
import { FakeClock } from '../../../shared/time/testing/fake-clock';

export interface MemoryReaderRig {
  readonly clock: FakeClock;
  readonly line: MemoryPortPair;
  readonly reader: SimulatedReader;
  readonly driver: CardReaderDriver;
}

/** A driver talking to a simulated reader over an in-memory line, on a fake clock: no pty, no waiting. */
export function memoryReaderRig(options: Omit<ReaderDriverOptions, 'clock'> = {}): MemoryReaderRig {
  const clock = new FakeClock();
  const line = createMemoryPortPair();
  const reader = new SimulatedReader({ clock });
  reader.attach(line.device);
  const driver = new CardReaderDriver(line.host, { ...options, clock });
  return { clock, line, reader, driver };
}
