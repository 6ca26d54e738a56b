import { SHIFTS_CHANGED, ShiftsChanged } from '@baton/scheduling';
import { ASSIGNMENT_CHANGED, AssignmentChange } from '../assignment/assignment.service';

/** Where coverage moved: one venue and team of one event (an assignment, a check-in). */
export interface CoverageTouch {
  eventId: string;
  venueId: string;
  teamId: string;
}

/** Published after the commit of a write that moves coverage but is not an assignment change (check-ins, a shift cancelled). */
export const COVERAGE_TOUCHED = 'coverageTouched';

/** Every topic whose messages move coverage: what `coverageChanged` listens to and what drops cached boards. */
export const COVERAGE_TOPICS = [ASSIGNMENT_CHANGED, COVERAGE_TOUCHED, SHIFTS_CHANGED];

type CoverageMessage = { [ASSIGNMENT_CHANGED]?: AssignmentChange; [COVERAGE_TOUCHED]?: CoverageTouch; [SHIFTS_CHANGED]?: ShiftsChanged } | undefined;

/** The places a message of COVERAGE_TOPICS is about. */
export function coverageTouches(payload: unknown): CoverageTouch[] {
  const message = payload as CoverageMessage;
  const change = message?.[ASSIGNMENT_CHANGED];
  if (change) return [{ eventId: change.assignment.eventId, venueId: change.venueId, teamId: change.teamId }];
  const touch = message?.[COVERAGE_TOUCHED];
  if (touch) return [touch];
  const shifts = message?.[SHIFTS_CHANGED];
  return shifts ? shifts.places.map((p) => ({ eventId: shifts.eventId, venueId: p.venueId, teamId: p.teamId })) : [];
}

export interface CoverageChange {
  eventId: string;
  venueIds: string[];
  teamIds: string[];
  changedAt: Date;
}

/**
 * Turns a stream of touches into at most one `coverageChanged` per `windowMs`: the first change
 * after a quiet period goes out at once, later ones are merged (venues and teams) and go out when
 * the window ends. Hundreds of boards then re-read at most every couple of seconds instead of
 * once per assignment at a shift change. `touchesOf` reads a raw payload and keeps the touches in scope.
 */
export class ThrottledCoverageChanges implements AsyncIterableIterator<{ coverageChanged: CoverageChange }> {
  private venues = new Set<string>();
  private teams = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private lastSent = Number.NEGATIVE_INFINITY;
  private readonly ready: Array<{ coverageChanged: CoverageChange }> = [];
  private readonly waiters: Array<(result: IteratorResult<{ coverageChanged: CoverageChange }>) => void> = [];
  private done = false;

  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly eventId: string,
    private readonly touchesOf: (payload: unknown) => CoverageTouch[],
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    void this.pump();
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  next(): Promise<IteratorResult<{ coverageChanged: CoverageChange }>> {
    const value = this.ready.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async return(): Promise<IteratorResult<{ coverageChanged: CoverageChange }>> {
    this.finish();
    await this.source.return?.();
    return { value: undefined, done: true };
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const { value, done } = await this.source.next();
        if (done || this.done) break;
        for (const touch of this.touchesOf(value)) this.add(touch);
      }
    } finally {
      this.finish();
    }
  }

  private add(touch: CoverageTouch): void {
    this.venues.add(touch.venueId);
    this.teams.add(touch.teamId);
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, this.lastSent + this.windowMs - this.now()));
  }

  private flush(): void {
    this.timer = undefined;
    if (this.done || !this.venues.size) return;
    this.lastSent = this.now();
    const value = { coverageChanged: { eventId: this.eventId, venueIds: [...this.venues].sort(), teamIds: [...this.teams].sort(), changedAt: new Date(this.lastSent) } };
    this.venues = new Set();
    this.teams = new Set();
    const waiter = this.waiters.shift();
    if (waiter) waiter({ value, done: false });
    else this.ready.push(value);
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    for (const waiter of this.waiters.splice(0)) waiter({ value: undefined, done: true });
  }
}
