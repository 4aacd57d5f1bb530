/**
 * Backpressure on a component's notifications (log, report-progress,
 * send-notification). Each goes to the client as a message, and a component
 * that logs in a loop makes them faster than any transport drains them, so
 * the host lets through at most PER_CALL of them in one handler call and
 * PER_SECOND in any one second, drops the rest, and then says, in one log line
 * of its own, how many it dropped.
 */
export const NOTIFICATION_BUDGET = { perCall: 1000, perSecond: 2000 } as const;

export class NotificationBudget {
  readonly #now: () => number;
  readonly #perCall: number;
  readonly #perSecond: number;
  #inCall = 0;
  #windowStart = -Infinity;
  #inWindow = 0;
  #dropped = 0;

  constructor(now: () => number = () => performance.now(), limits: { perCall: number; perSecond: number } = NOTIFICATION_BUDGET) {
    this.#now = now;
    this.#perCall = limits.perCall;
    this.#perSecond = limits.perSecond;
  }

  /** True if one more notification may go; false (and counted as dropped) if not. */
  admit(): boolean {
    const now = this.#now();
    if (now - this.#windowStart >= 1000) {
      this.#windowStart = now;
      this.#inWindow = 0;
    }
    if (this.#inCall >= this.#perCall || this.#inWindow >= this.#perSecond) {
      this.#dropped += 1;
      return false;
    }
    this.#inCall += 1;
    this.#inWindow += 1;
    return true;
  }

  /**
   * Ends a call (or the component's run): the next one gets a budget of its
   * own. Returns what to tell the client about the notifications dropped since
   * the last report, if any were.
   */
  endCall(during: string): string | undefined {
    this.#inCall = 0;
    const dropped = this.#dropped;
    this.#dropped = 0;
    if (dropped === 0) return undefined;
    return `the host dropped ${dropped} notification${dropped === 1 ? '' : 's'} the component sent in ${during}: over its budget of ${this.#perCall} per call and ${this.#perSecond} per second`;
  }
}
