import { DateTime } from 'luxon';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts';
import { DEMO_EVENT, DEMO_ORGANISATIONS, DEMO_SKILLS, DEMO_TEAMS, type DemoOrganisation, type DemoSkill, type DemoTeam, zonesFor } from './demo-catalogue';
import type { VenueRow } from './venues-csv';

/** The Paris figure: 5,300 people in the technology scope at Games time. */
export const STAFF_PER_SCALE = 5300;
export const DEFAULT_DEMO_SEED = 2024;
export const MAX_DEMO_SCALE = 20;

export interface DemoDates {
  /** Today in the event's time zone. */
  today: string;
  /** The opening ceremony: five days from today, so live screens have something to show. */
  openingOn: string;
  /** Technology staff start three weeks before the opening. */
  startsOn: string;
  /** The Olympic Games ran 17 days: the last day is opening + 16. */
  endsOn: string;
}

export interface DemoVenue extends VenueRow {
  zones: string[];
}

export interface DemoPlan {
  seed: number;
  scale: number;
  /** Generated staff accounts: round(5,300 × scale). */
  staffCount: number;
  dates: DemoDates;
  event: { code: string; name: string; timeZone: string; phase: 'GAMES'; startsOn: string; endsOn: string };
  organisations: readonly DemoOrganisation[];
  venues: DemoVenue[];
  teams: readonly DemoTeam[];
  skills: readonly DemoSkill[];
  accounts: readonly DemoAccount[];
}

export interface DemoPlanOptions {
  now: Date;
  venues: VenueRow[];
  seed?: number;
  scale?: number;
}

export function demoDates(now: Date, timeZone: string = DEMO_EVENT.timeZone): DemoDates {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  if (!today.isValid) throw new Error(`Cannot place the demo dates: ${today.invalidExplanation ?? 'invalid date'}`);
  const opening = today.plus({ days: 5 });
  const iso = (d: DateTime) => d.toISODate() as string;
  return { today: iso(today), openingOn: iso(opening), startsOn: iso(opening.minus({ days: 21 })), endsOn: iso(opening.plus({ days: 16 })) };
}

export function normaliseSeed(seed: number | undefined): number {
  if (seed === undefined) return DEFAULT_DEMO_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`seed must be a non-negative integer, not ${seed}`);
  return seed;
}

export function normaliseScale(scale: number | undefined): number {
  if (scale === undefined) return 1;
  if (!Number.isFinite(scale) || scale < 0 || scale > MAX_DEMO_SCALE) throw new Error(`scale must be a number from 0 to ${MAX_DEMO_SCALE}, not ${scale}`);
  return scale;
}

/**
 * Everything the demo will contain, computed without a database: the same inputs always give
 * the same plan. Staff names are drawn separately (see demo-staff.ts) from the plan's seed.
 */
export function buildDemoPlan(options: DemoPlanOptions): DemoPlan {
  const seed = normaliseSeed(options.seed);
  const scale = normaliseScale(options.scale);
  const dates = demoDates(options.now);
  const venueCodes = new Set(options.venues.map((v) => v.code));
  const organisationCodes = new Set(DEMO_ORGANISATIONS.map((o) => o.code));
  for (const account of DEMO_ACCOUNTS) {
    const missing = (account.venueCodes ?? []).filter((code) => !venueCodes.has(code));
    if (missing.length) throw new Error(`Demo account ${account.email} refers to unknown venues ${missing.join(', ')}`);
    if (account.organisationCode && !organisationCodes.has(account.organisationCode))
      throw new Error(`Demo account ${account.email} refers to unknown organisation ${account.organisationCode}`);
  }
  return {
    seed,
    scale,
    staffCount: Math.round(STAFF_PER_SCALE * scale),
    dates,
    event: { ...DEMO_EVENT, startsOn: dates.startsOn, endsOn: dates.endsOn },
    organisations: DEMO_ORGANISATIONS,
    venues: options.venues.map((v) => ({ ...v, sports: [...v.sports], zones: zonesFor(v.code, v.kind) })),
    teams: DEMO_TEAMS,
    skills: DEMO_SKILLS,
    accounts: DEMO_ACCOUNTS,
  };
}
