import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, type LineEvent } from './line-splitter';

const text = (events: LineEvent[]) => events.map((e) => (e.type === 'line' ? Buffer.from(e.bytes).toString('latin1') : `<too long ${e.byteCount}>`));
const bytes = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));

describe('LineSplitter', () => {
  it('ends lines on CR, LF and CRLF, without empty phantom lines', () => {
    expect(text(new LineSplitter().push(bytes('a\rb\nc\r\nd\n\n\r\re')))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('treats a CRLF split across chunks as one terminator', () => {
    const splitter = new LineSplitter();
    expect(text(splitter.push(bytes('PT-1\r')))).toEqual(['PT-1']);
    expect(text(splitter.push(bytes('\nPT-2\r')))).toEqual(['PT-2']);
  });

  it('throws away an overlong line whole and carries on with the next', () => {
    const splitter = new LineSplitter(8);
    expect(text(splitter.push(bytes('12345678\r\n')))).toEqual(['12345678']);
    expect(text(splitter.push(bytes('123456789')))).toEqual([]);
    expect(text(splitter.push(bytes('0\r\nok\r\n')))).toEqual(['<too long 10>', 'ok']);
  });

  it('gives the same lines however the stream is chunked (property)', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'Z', '9', ':', '-', '\u00e9'), minLength: 1, maxLength: 30 });
    const terminator = fc.constantFrom('\r', '\n', '\r\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, terminator), { maxLength: 10 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
        (lines, sizes) => {
          const stream = bytes(lines.map(([l, t]) => l + t).join(''));
          const splitter = new LineSplitter();
          const events: LineEvent[] = [];
          for (let at = 0, i = 0; at < stream.length; at += sizes[i++ % sizes.length]) {
            events.push(...splitter.push(stream.subarray(at, at + sizes[i % sizes.length])));
          }
          expect(text(events)).toEqual(lines.map(([l]) => l));
        },
      ),
      { numRuns: 2_000, seed: 7 },
    );
  });
});
