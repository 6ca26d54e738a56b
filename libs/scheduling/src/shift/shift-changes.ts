/**
 * PubSub topic, published after the commit of a shift write that changes what coverage boards
 * show: a published shift's headcount, times, venue, team or role, and shifts becoming published.
 * Rostering turns it into `coverageChanged` and drops the boards it cached for those places.
 * Drafts are on no board, so their edits say nothing.
 */
export const SHIFTS_CHANGED = 'shiftsChanged';

export interface ShiftsChanged {
  eventId: string;
  /** Every venue and team the change touched (both the old and the new place of a moved shift). */
  places: Array<{ venueId: string; teamId: string }>;
}

/** The places once each, in a stable order. */
export function distinctPlaces(places: ReadonlyArray<{ venueId: string; teamId: string }>): ShiftsChanged['places'] {
  const seen = new Map<string, { venueId: string; teamId: string }>();
  for (const p of places) seen.set(`${p.venueId}/${p.teamId}`, { venueId: p.venueId, teamId: p.teamId });
  return [...seen.values()];
}
