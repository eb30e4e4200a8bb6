import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEVICE_ERROR_MESSAGES, DeviceError } from '../errors';
import { RESIDENT_HEALTH_CARD, RESIDENT_HEALTH_HOLDER, SOCIAL_SECURITY_CARD, SOCIAL_SECURITY_HOLDER } from '../testing/cards';
import { memoryReaderRig } from '../testing/memory-reader';
import type { LineTransform } from '../port/memory-byte-port';
import { readCardHolder } from './read-card';

const SEED = Number(process.env.FC_SEED ?? 20241122);

/** One thing that can happen to one write on a bad serial line. */
type LineEvent =
  | { readonly kind: 'pass' }
  | { readonly kind: 'split'; readonly sizes: readonly number[] }
  | { readonly kind: 'noise'; readonly bytes: Uint8Array }
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  /** Two flips in one bit column: invisible to the XOR check. */
  | { readonly kind: 'flip_pair'; readonly at: number; readonly gap: number; readonly bit: number }
  | { readonly kind: 'drop'; readonly at: number }
  | { readonly kind: 'truncate'; readonly keep: number }
  | { readonly kind: 'lose' }
  | { readonly kind: 'duplicate' };

const lineEvent: fc.Arbitrary<LineEvent> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<LineEvent>({ kind: 'pass' }) },
  { weight: 3, arbitrary: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }).map((sizes): LineEvent => ({ kind: 'split', sizes })) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 12 }).map((bytes): LineEvent => ({ kind: 'noise', bytes })) },
  { weight: 1, arbitrary: fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }).map((r): LineEvent => ({ kind: 'flip', ...r })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ at: fc.nat(), gap: fc.integer({ min: 1, max: 40 }), bit: fc.integer({ min: 0, max: 7 }) })
      .map((r): LineEvent => ({ kind: 'flip_pair', ...r })),
  },
  { weight: 1, arbitrary: fc.nat().map((at): LineEvent => ({ kind: 'drop', at })) },
  { weight: 1, arbitrary: fc.nat().map((keep): LineEvent => ({ kind: 'truncate', keep })) },
  { weight: 1, arbitrary: fc.constant<LineEvent>({ kind: 'lose' }) },
  { weight: 1, arbitrary: fc.constant<LineEvent>({ kind: 'duplicate' }) },
);

function apply(event: LineEvent, chunk: Uint8Array): Uint8Array[] {
  const n = chunk.length;
  switch (event.kind) {
    case 'pass':
      return [chunk];
    case 'split': {
      const parts: Uint8Array[] = [];
      for (let at = 0, i = 0; at < n; at += event.sizes[i++ % event.sizes.length]) parts.push(chunk.slice(at, at + event.sizes[i % event.sizes.length]));
      return parts;
    }
    case 'noise':
      return [event.bytes, chunk];
    case 'flip': {
      const out = chunk.slice();
      out[event.at % n] ^= 1 << event.bit;
      return [out];
    }
    case 'flip_pair': {
      const out = chunk.slice();
      const first = event.at % n;
      const second = (first + event.gap) % n;
      if (first !== second) {
        out[first] ^= 1 << event.bit;
        out[second] ^= 1 << event.bit;
      }
      return [out];
    }
    case 'drop':
      return [Uint8Array.from([...chunk].filter((_, i) => i !== event.at % n))];
    case 'truncate':
      return [chunk.slice(0, event.keep % n)];
    case 'lose':
      return [];
    case 'duplicate':
      return [chunk, chunk];
  }
}

/** Applies the planned events to successive writes; once the plan runs out the line is clean. */
function plannedLine(plan: readonly LineEvent[], counter: { frames: number }): LineTransform {
  let next = 0;
  return (chunk) => {
    counter.frames++;
    return apply(plan[next++] ?? { kind: 'pass' }, chunk);
  };
}

describe('reading a card over a bad line (property)', () => {
  it('gives the right holder or a clear error, never wrong data, never a throw of anything else', async () => {
    const counter = { frames: 0 };
    const outcomes = { read: 0, failed: new Map<string, number>() };
    const cards = [
      { card: RESIDENT_HEALTH_CARD, holder: RESIDENT_HEALTH_HOLDER },
      { card: SOCIAL_SECURITY_CARD, holder: SOCIAL_SECURITY_HOLDER },
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1 }),
        fc.array(lineEvent, { maxLength: 60 }),
        fc.array(lineEvent, { maxLength: 60 }),
        async (which, toReader, toHost) => {
          const { card, holder } = cards[which];
          const { clock, line, reader, driver } = memoryReaderRig();
          reader.insert(card);
          line.setHostToDevice(plannedLine(toReader, counter));
          line.setDeviceToHost(plannedLine(toHost, counter));
          try {
            const read = await clock.run(readCardHolder(driver));
            expect(read).toEqual(holder);
            outcomes.read++;
          } catch (error) {
            if (!(error instanceof DeviceError)) throw error;
            expect(error.message).toBe(DEVICE_ERROR_MESSAGES[error.code]);
            outcomes.failed.set(error.code, (outcomes.failed.get(error.code) ?? 0) + 1);
          }
        },
      ),
      { numRuns: 400, seed: SEED },
    );
    // The runs must have pushed well over 10,000 frames through decoder and driver, and exercised both
    // outcomes; a corruption model too gentle or too harsh would prove nothing.
    expect(counter.frames).toBeGreaterThan(10_000);
    expect(outcomes.read).toBeGreaterThan(100);
    expect([...outcomes.failed.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    // Any catalogue error is acceptable: a flip pair can turn a command into another (SELECT of a
    // file that does not exist, an unknown INS), which the card then answers truthfully. What must
    // never happen is data the card does not hold.
  });
});
