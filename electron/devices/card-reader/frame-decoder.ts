import { missingCase } from '../../../shared/missing-case';
import { ETX, FRAME_OVERHEAD, MAX_BODY_LENGTH, MIN_BODY_LENGTH, STX, blockCheck } from './frame';

/** Why a candidate frame was thrown away. */
export type FrameFault =
  | 'bad_length' // LEN below the minimum body
  | 'oversize' // LEN above MAX_BODY_LENGTH
  | 'bad_checksum' // BCC does not match
  | 'bad_etx' // the byte after BCC is not ETX
  | 'incomplete'; // the line went quiet in the middle of a frame (see `abandonPartial`)

export type DecodeEvent =
  | { readonly type: 'frame'; readonly body: Uint8Array }
  | { readonly type: 'fault'; readonly fault: FrameFault }
  /** Bytes skipped while looking for STX. Not an error: readers emit noise on power-up. */
  | { readonly type: 'noise'; readonly byteCount: number };

type Phase = 'hunt' | 'len_hi' | 'len_lo' | 'body' | 'bcc' | 'etx';

/**
 * Incremental frame decoder: feed it whatever chunks the port delivers, get whole frames back.
 *
 * It does no I/O and keeps no timers; it never throws on input. When a candidate frame fails a
 * check, decoding resumes at the byte after that candidate's STX rather than after the whole
 * candidate: the "STX" may have been noise, and the real frame may start inside what was swallowed
 * (a lost byte makes the length field read the next frame's bytes). Every frame it yields has a
 * length in range, a matching BCC and an ETX.
 */
export class FrameDecoder {
  private phase: Phase = 'hunt';
  private readonly candidate = new Uint8Array(MAX_BODY_LENGTH + FRAME_OVERHEAD);
  private filled = 0;
  private bodyLength = 0;
  private noise = 0;

  /** True while a frame has started but not finished: the caller's cue to run an inter-byte timer. */
  get hasPartialFrame(): boolean {
    return this.phase !== 'hunt';
  }

  push(chunk: Uint8Array): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    this.consume(chunk, events);
    this.flushNoise(events);
    return events;
  }

  /**
   * Gives up on a partial frame when the line has gone quiet: a noise STX followed by a plausible
   * length would otherwise wait forever for bytes that never come, holding a real frame hostage.
   */
  abandonPartial(): DecodeEvent[] {
    const events: DecodeEvent[] = [];
    if (this.phase !== 'hunt') this.consume(this.restartAfter('incomplete', events), events);
    this.flushNoise(events);
    return events;
  }

  private consume(input: Uint8Array, events: DecodeEvent[]): void {
    let bytes = input;
    let i = 0;
    while (i < bytes.length) {
      const byte = bytes[i++];
      const fault = this.step(byte, events);
      if (fault !== null) {
        const replay = this.restartAfter(fault, events);
        const rest = bytes.subarray(i);
        bytes = new Uint8Array(replay.length + rest.length);
        bytes.set(replay, 0);
        bytes.set(rest, replay.length);
        i = 0;
      }
    }
  }

  /** Records the fault, resets, and returns the candidate minus its STX: those bytes are decoded again. */
  private restartAfter(fault: FrameFault, events: DecodeEvent[]): Uint8Array {
    events.push({ type: 'fault', fault });
    const replay = this.candidate.slice(1, this.filled);
    this.reset();
    return replay;
  }

  private step(byte: number, events: DecodeEvent[]): FrameFault | null {
    if (this.phase === 'hunt') {
      if (byte !== STX) {
        this.noise++;
        return null;
      }
      this.flushNoise(events);
      this.candidate[0] = byte;
      this.filled = 1;
      this.phase = 'len_hi';
      return null;
    }
    this.candidate[this.filled++] = byte;
    const phase = this.phase;
    switch (phase) {
      case 'len_hi':
        this.phase = 'len_lo';
        return null;
      case 'len_lo': {
        this.bodyLength = (this.candidate[1] << 8) | byte;
        if (this.bodyLength > MAX_BODY_LENGTH) return 'oversize';
        if (this.bodyLength < MIN_BODY_LENGTH) return 'bad_length';
        this.phase = 'body';
        return null;
      }
      case 'body':
        if (this.filled === 3 + this.bodyLength) this.phase = 'bcc';
        return null;
      case 'bcc':
        if (byte !== blockCheck(this.candidate, 1, this.filled - 1)) return 'bad_checksum';
        this.phase = 'etx';
        return null;
      case 'etx': {
        if (byte !== ETX) return 'bad_etx';
        events.push({ type: 'frame', body: this.candidate.slice(3, 3 + this.bodyLength) });
        this.reset();
        return null;
      }
      default:
        return missingCase(phase);
    }
  }

  private reset(): void {
    this.phase = 'hunt';
    this.filled = 0;
    this.bodyLength = 0;
  }

  private flushNoise(events: DecodeEvent[]): void {
    if (this.noise > 0) {
      events.push({ type: 'noise', byteCount: this.noise });
      this.noise = 0;
    }
  }
}
