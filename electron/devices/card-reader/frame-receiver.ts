import { schedule, type CancelTimer, type Clock } from '../../../shared/time/clock';
import { FrameDecoder, type DecodeEvent } from './frame-decoder';

/**
 * A FrameDecoder fed from a port, plus the inter-byte timeout both ends of the line use: when a
 * started frame sees no byte for `interByteTimeoutMs`, it is abandoned and its bytes rescanned
 * (PROTOCOL.md §4). The host driver and the simulated reader share this.
 */
export class FrameReceiver {
  private readonly decoder = new FrameDecoder();
  private cancelQuiet: CancelTimer | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly interByteTimeoutMs: number,
    private readonly onEvents: (events: readonly DecodeEvent[]) => void,
  ) {}

  push(chunk: Uint8Array): void {
    this.onEvents(this.decoder.push(chunk));
    this.rearm();
  }

  dispose(): void {
    this.cancelQuiet?.();
    this.cancelQuiet = null;
  }

  private rearm(): void {
    this.dispose();
    if (!this.decoder.hasPartialFrame) return;
    this.cancelQuiet = schedule(this.clock, this.interByteTimeoutMs, () => {
      this.cancelQuiet = null;
      this.onEvents(this.decoder.abandonPartial());
      // The rescanned bytes may have started another frame; it gets the same grace.
      this.rearm();
    });
  }
}
