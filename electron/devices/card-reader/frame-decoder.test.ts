import { describe, expect, it } from 'vitest';
import { ETX, MAX_BODY_LENGTH, STX, encodeFrame } from './frame';
import { FrameDecoder, type DecodeEvent } from './frame-decoder';

const body = (...bytes: number[]) => Uint8Array.from(bytes);
const frames = (events: DecodeEvent[]) => events.filter((e) => e.type === 'frame').map((e) => (e.type === 'frame' ? [...e.body] : []));
const faults = (events: DecodeEvent[]) => events.flatMap((e) => (e.type === 'fault' ? [e.fault] : []));

describe('frame encoding', () => {
  it('lays out STX, big-endian length, body, XOR check and ETX', () => {
    // LEN = 00 03, BCC = 00 ^ 03 ^ 01 ^ 10 ^ 00 = 0x12.
    expect([...encodeFrame(body(0x01, 0x10, 0x00))]).toEqual([STX, 0x00, 0x03, 0x01, 0x10, 0x00, 0x12, ETX]);
  });

  it('refuses bodies outside the allowed length', () => {
    expect(() => encodeFrame(body(0x01))).toThrow(RangeError);
    expect(() => encodeFrame(new Uint8Array(MAX_BODY_LENGTH + 1))).toThrow(RangeError);
    expect(encodeFrame(new Uint8Array(MAX_BODY_LENGTH)).length).toBe(MAX_BODY_LENGTH + 5);
  });
});

describe('FrameDecoder', () => {
  it('round-trips a frame delivered whole or byte by byte', () => {
    const frame = encodeFrame(body(0x07, 0x23, 0x00, 0x90, 0x00));
    expect(frames(new FrameDecoder().push(frame))).toEqual([[0x07, 0x23, 0x00, 0x90, 0x00]]);
    const decoder = new FrameDecoder();
    const events = [...frame].flatMap((byte) => decoder.push(Uint8Array.of(byte)));
    expect(frames(events)).toEqual([[0x07, 0x23, 0x00, 0x90, 0x00]]);
    expect(decoder.hasPartialFrame).toBe(false);
  });

  it('skips noise before STX and reports how much', () => {
    const events = new FrameDecoder().push(Uint8Array.from([0xff, 0x41, 0x00, ...encodeFrame(body(1, 2))]));
    expect(events[0]).toEqual({ type: 'noise', byteCount: 3 });
    expect(frames(events)).toEqual([[1, 2]]);
  });

  it('reports a bad checksum and still finds the next frame', () => {
    const bad = encodeFrame(body(1, 0x10, 0x00));
    bad[bad.length - 2] ^= 0x01;
    const events = new FrameDecoder().push(Uint8Array.from([...bad, ...encodeFrame(body(2, 0x11, 0x00))]));
    expect(faults(events)).toEqual(['bad_checksum']);
    expect(frames(events)).toEqual([[2, 0x11, 0x00]]);
  });

  it('reports a missing ETX and resynchronises on the byte that stood in its place', () => {
    const truncated = encodeFrame(body(1, 0x10, 0x00)).subarray(0, -1); // ETX lost
    const events = new FrameDecoder().push(Uint8Array.from([...truncated, ...encodeFrame(body(2, 0x11, 0x00))]));
    expect(faults(events)).toEqual(['bad_etx']);
    expect(frames(events)).toEqual([[2, 0x11, 0x00]]);
  });

  it('needs the quiet-line cue when the replayed bytes hold an STX value (LEN 00 02)', () => {
    // After the fault, replay meets LEN_LO = 0x02, takes it for an STX with LEN 0x0110, and waits.
    const decoder = new FrameDecoder();
    const truncated = encodeFrame(body(1, 0x10)).subarray(0, -1);
    const events = decoder.push(Uint8Array.from([...truncated, ...encodeFrame(body(2, 0x11))]));
    expect(frames(events)).toEqual([]);
    expect(frames(decoder.abandonPartial())).toEqual([[2, 0x11]]);
  });

  it('rejects oversize and too-short lengths at once, without waiting for a body', () => {
    const decoder = new FrameDecoder();
    expect(faults(decoder.push(Uint8Array.of(STX, 0x7f, 0xff)))).toEqual(['oversize']);
    expect(decoder.hasPartialFrame).toBe(false);
    expect(faults(decoder.push(Uint8Array.of(STX, 0x00, 0x01)))).toEqual(['bad_length']);
    expect(faults(decoder.push(Uint8Array.of(STX, 0x00, 0x00)))).toEqual(['bad_length']);
  });

  it('recovers a real frame swallowed by a noise STX once the line goes quiet', () => {
    // A stray STX with a plausible length eats the real frame while waiting for 0x40 body bytes.
    const decoder = new FrameDecoder();
    const first = decoder.push(Uint8Array.from([STX, 0x00, 0x40, ...encodeFrame(body(5, 0x20, 0, 1))]));
    expect(frames(first)).toEqual([]);
    expect(decoder.hasPartialFrame).toBe(true);
    const after = decoder.abandonPartial();
    expect(faults(after)).toEqual(['incomplete']);
    expect(frames(after)).toEqual([[5, 0x20, 0, 1]]);
  });

  it('finds a frame that starts inside a damaged one (lost byte shifts the length)', () => {
    // A frame whose length byte was lost: its LEN reads the body's first byte, so the next frame's
    // bytes get pulled in; the checksum fails and decoding restarts just after the bad STX.
    const damaged = Uint8Array.from([STX, 0x00, 0x05, 0x10, 0x00, 0x33]);
    const good = encodeFrame(body(9, 0x21, 0x00));
    const events = new FrameDecoder().push(Uint8Array.from([...damaged, ...good]));
    expect(frames(events)).toEqual([[9, 0x21, 0x00]]);
    expect(faults(events).length).toBeGreaterThan(0);
  });

  it('treats an empty chunk as nothing', () => {
    expect(new FrameDecoder().push(new Uint8Array(0))).toEqual([]);
  });
});
