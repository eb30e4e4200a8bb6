const CR = 0x0d;
const LF = 0x0a;

export type LineEvent =
  | { readonly type: 'line'; readonly bytes: Uint8Array }
  /** A line longer than the limit was thrown away whole (never cut into a shorter, wrong scan). */
  | { readonly type: 'too_long'; readonly byteCount: number };

/**
 * Splits a scanner's byte stream into lines ended by CR, LF or CRLF, whatever way the stream was
 * chunked (a CRLF may arrive as CR at the end of one chunk and LF at the start of the next).
 * Empty lines are dropped: a scanner set to CRLF must not produce a phantom scan per LF.
 */
export class LineSplitter {
  private buffer: number[] = [];
  private overflowBytes = 0;
  private afterCR = false;

  constructor(private readonly maxLineBytes = 2048) {}

  push(chunk: Uint8Array): LineEvent[] {
    const events: LineEvent[] = [];
    for (const byte of chunk) {
      const crlfTail = byte === LF && this.afterCR;
      this.afterCR = byte === CR;
      if (crlfTail) continue;
      if (byte === CR || byte === LF) {
        this.endLine(events);
      } else if (this.overflowBytes > 0) {
        this.overflowBytes++;
      } else if (this.buffer.length >= this.maxLineBytes) {
        this.overflowBytes = this.buffer.length + 1;
        this.buffer = [];
      } else {
        this.buffer.push(byte);
      }
    }
    return events;
  }

  private endLine(events: LineEvent[]): void {
    if (this.overflowBytes > 0) events.push({ type: 'too_long', byteCount: this.overflowBytes });
    else if (this.buffer.length > 0) events.push({ type: 'line', bytes: Uint8Array.from(this.buffer) });
    this.buffer = [];
    this.overflowBytes = 0;
  }
}
