import { Injectable } from '@nestjs/common';
import { AccessService, Actor } from '@baton/auth';
import { BadInputError, Clock, ForbiddenError, NotFoundError } from '@baton/core';
import type { SerialisedField, SharedText } from '@baton/graphql';
import { MAX_SHIFT_HOURS } from '@baton/scheduling';
import { DataSource } from 'typeorm';
import { CoverageArgs, CoverageBucket, CoverageCellObject, CoverageGapObject, CoverageObject } from './coverage.dto';
import { COVERAGE_SQL, CoverageRow } from './coverage.sql';
import { RosteringPermission } from '../rostering.permissions';
import { BoardLimiter } from './board-limiter';
import { CoverageCache, CoverageQuestion } from './coverage-cache';
import { boardSelection } from '../access/roster-access';
import { rosterViewer } from '../access/roster-viewer';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** HOUR buckets over a month are already ~750 columns a row; coarser buckets may look further. */
export const MAX_WINDOW_DAYS: Readonly<Record<CoverageBucket, number>> = { HOUR: 31, FOUR_HOURS: 62, DAY: 62 };
export const MAX_GAPS = 500;
/** Widening to a whole local day moves an edge by at most 25 hours (a day when the clocks go back). */
const WIDENING_MS = 26 * HOUR_MS;

/**
 * Board statements running at once per instance, of a pool of 10: the rest of the app keeps
 * connections during a peak, and a board waits in the limiter's queue instead of failing after
 * the pool's connect timeout. The queue is long enough for every operations-centre screen.
 */
export const BOARD_CONCURRENCY = 3;
export const BOARD_QUEUE_LIMIT = 500;

/** Required, assigned and checked-in places per venue, team and time bucket, for coordinators. */
@Injectable()
export class CoverageService {
  private readonly limiter = new BoardLimiter(BOARD_CONCURRENCY, BOARD_QUEUE_LIMIT);

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly cache: CoverageCache,
  ) {}

  /**
   * The board for the actor's scope. With `field` (a root field over HTTP), the JSON text made of
   * the same question and selection set before is replayed instead of being completed again by
   * graphql-js; the stand-in returned then carries no cells nor gaps.
   */
  async coverage(actor: Actor, args: CoverageArgs, field?: SerialisedField | null): Promise<CoverageObject> {
    const bucket = args.bucket ?? CoverageBucket.HOUR;
    const { eventId, from, to } = args;
    this.access.assertEvent(actor, RosteringPermission.ROSTER_MANAGE, eventId);
    const selection = boardSelection(rosterViewer(actor), eventId, args);
    if (!selection) throw new ForbiddenError('This event is outside your scope', { eventId });
    const { venueIds, teamIds, grants } = selection;
    if (venueIds?.length === 0 || teamIds?.length === 0) {
      throw new ForbiddenError('These venues or teams are outside your scope', { eventId, venueIds: args.venueIds ?? [], teamIds: args.teamIds ?? [] });
    }

    if (to <= from) throw BadInputError.field('to', 'The window must end after it starts', 'order');
    const maxDays = MAX_WINDOW_DAYS[bucket];
    if (to.getTime() - from.getTime() > maxDays * DAY_MS) {
      throw BadInputError.field('to', `With ${bucket} buckets the window is at most ${maxDays} days`, 'maxWindow');
    }

    // The question is taken after the scope was narrowed: two viewers share an answer only when
    // they were allowed exactly the same venues and teams.
    venueIds?.sort();
    teamIds?.sort();
    const question: CoverageQuestion = { eventId, bucket, from, to, venueIds, teamIds, grants };
    const now = this.clock.now();
    const entry = this.cache.entry(question, now.getTime(), () => this.limiter.run(() => this.compute(question, now)));
    const answer = await entry.answer;
    if (!field) return answer;
    const signature = field.signature;
    let text: SharedText | null | undefined = entry.texts.get(signature);
    const making = text === undefined ? entry.making.get(signature) : undefined;
    if (making) text = await making;
    if (text === undefined || text === null) {
      if (!making && entry.live) {
        // Single flight for the text too: at a shift change every board asks at once, and each
        // completing the same 20,000 cells in graphql-js is what used to saturate the API.
        let done!: (made: SharedText | null) => void;
        entry.making.set(signature, new Promise<SharedText | null>((resolve) => (done = resolve)));
        field.capture((made) => {
          entry.making.delete(signature);
          done(made === null ? null : this.cache.keepText(entry, signature, made));
        });
      }
      return answer;
    }
    field.replay(text);
    return { ...answer, cells: [], gaps: [] };
  }

  private async compute(q: CoverageQuestion, now: Date): Promise<CoverageObject> {
    const bucket = q.bucket;
    const rows = await this.dataSource.query<CoverageRow[]>(COVERAGE_SQL, [
      q.eventId,
      q.from,
      q.to,
      bucket,
      q.venueIds,
      q.teamIds,
      now,
      MAX_GAPS + 1,
      // Shifts overlapping the widened window start after (its start - 72 h) and before its end.
      new Date(q.from.getTime() - WIDENING_MS - MAX_SHIFT_HOURS * HOUR_MS),
      new Date(q.to.getTime() + WIDENING_MS),
      q.grants && JSON.stringify(q.grants),
    ]);
    if (!rows.length) throw new NotFoundError('Event', q.eventId);
    return toCoverageObject(q.eventId, bucket, rows[0]);
  }
}

export function toCoverageObject(eventId: string, bucket: CoverageBucket, row: CoverageRow): CoverageObject {
  // One Date per bucket edge, shared by the cells of that bucket.
  const edges = row.edges.map((ms) => new Date(Number(ms)));
  const cells: CoverageCellObject[] = [];
  for (const [venueId, teamId, first, end, required, assigned, checkedIn] of row.runs) {
    const gap = Math.max(0, required - assigned);
    for (let k = first; k < end; k++) cells.push({ venueId, teamId, bucketStart: edges[k], bucketEnd: edges[k + 1], required, assigned, checkedIn, gap });
  }
  const gaps = row.gaps.slice(0, MAX_GAPS).map(
    ([shiftId, venueId, teamId, roleTitle, startsAt, endsAt, headcount, assigned]): CoverageGapObject => ({
      shiftId,
      venueId,
      teamId,
      roleTitle,
      startsAt: new Date(Number(startsAt)),
      endsAt: new Date(Number(endsAt)),
      headcount,
      assigned,
      missing: headcount - assigned,
    }),
  );
  const [required, assigned, checkedIn, gap] = row.totals.map(Number);
  return {
    eventId,
    bucket,
    timeZone: row.timeZone,
    from: edges[0],
    to: edges[edges.length - 1],
    cells,
    gaps,
    gapsTruncated: row.gaps.length > MAX_GAPS,
    totals: { required, assigned, checkedIn, gap },
  };
}
