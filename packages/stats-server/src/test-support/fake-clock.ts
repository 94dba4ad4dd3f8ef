/** A clock the test moves by hand: window and day boundaries without sleeping. */
export class FakeClock {
  nowMs: number;

  constructor(iso: string) {
    this.nowMs = Date.parse(iso);
  }

  readonly now = (): number => this.nowMs;

  advance(ms: number): void {
    this.nowMs += ms;
  }

  set(iso: string): void {
    this.nowMs = Date.parse(iso);
  }
}
