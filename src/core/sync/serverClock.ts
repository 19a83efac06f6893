/**
 * The feed server's clock as this device estimates it, for lease decisions: a laptop whose clock
 * runs fast must not refuse an action on a claim the server still holds valid (nor offer one the
 * server already let lapse). Every answer's `Date` header (whole seconds) gives a sample: the
 * server's time lies in [date, date + 1 s) at some moment between sending and receiving, so the
 * offset lies in [date − received, date + 1 s − sent]. Samples are intersected; the estimate is
 * the middle of what remains (within half a second plus half a round trip at worst). An empty
 * intersection means either clock jumped: start again from the latest sample.
 */
export class ServerClock {
  private low = -Infinity;
  private high = Infinity;
  /** `local`: this device's clock (the app's injectable `now`). */
  constructor(readonly local: () => number) {}

  /** Records one answer: its `Date` header and when the request left and the answer came. */
  observe(dateHeader: string | null, sentAt: number, receivedAt: number): void {
    const date = dateHeader ? Date.parse(dateHeader) : NaN;
    if (Number.isNaN(date)) return;
    const low = date - receivedAt;
    const high = date + 1000 - sentAt;
    if (Math.max(low, this.low) > Math.min(high, this.high)) {
      this.low = low;
      this.high = high;
    } else {
      this.low = Math.max(low, this.low);
      this.high = Math.min(high, this.high);
    }
  }

  /** Server time minus local time, in ms; 0 until an answer was seen. */
  offsetMs(): number {
    if (!Number.isFinite(this.low)) return 0;
    return Math.round((this.low + this.high) / 2);
  }

  /** Now, by the server's clock as estimated. */
  now(): number {
    return this.local() + this.offsetMs();
  }
}
