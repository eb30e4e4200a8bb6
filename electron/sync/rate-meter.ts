/** Documents per second over the last few seconds, for the progress display. */
import type { Clock } from '../../shared/time/clock';

export class RateMeter {
  private samples: Array<{ at: number; total: number }> = [];
  constructor(
    private readonly clock: Clock,
    private readonly windowMs = 10_000,
  ) {}

  /** Record the running total of documents done. */
  record(total: number): void {
    const now = this.clock.now();
    this.samples.push({ at: now, total });
    while (this.samples.length > 2 && this.samples[0].at < now - this.windowMs) this.samples.shift();
  }

  perSecond(): number {
    if (this.samples.length < 2) return 0;
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const seconds = (last.at - first.at) / 1000;
    return seconds > 0 ? (last.total - first.total) / seconds : 0;
  }

  reset(): void {
    this.samples = [];
  }
}
