import { BadInputError } from '@baton/core';
import { getAllTimezones } from 'countries-and-timezones';
import { IANAZone } from 'luxon';

export type TimeZoneResult = { ok: true; zone: string } | { ok: false; constraint: 'timeZone' | 'timeZoneLocation'; message: string };

/**
 * Names the tz database keeps only for compatibility, standing for a UTC offset or a POSIX
 * rule rather than a place. Since tzdata 2024b they are links (EST → America/Panama), so
 * following the link would silently store a city the person never meant; they are refused.
 */
const NOT_LOCATIONS = new Set(['CET', 'CST6CDT', 'EET', 'EST', 'EST5EDT', 'HST', 'MET', 'MST', 'MST7MDT', 'PST8PDT', 'WET', 'Factory']);
const MAX_LENGTH = 64;
const EXAMPLE = 'the zone of a city, e.g. Europe/Paris or America/New_York';

let names: Map<string, { name: string; aliasOf: string | null }> | undefined;
/** Every tz database name (zones and links), by lower-case spelling. */
function lookup(): NonNullable<typeof names> {
  names ??= new Map(Object.values(getAllTimezones({ deprecated: true })).map((z) => [z.name.toLowerCase(), { name: z.name, aliasOf: z.aliasOf ?? null }]));
  return names;
}

/**
 * The canonical IANA name of a zone as typed: the tz database's spelling ("pacific/tahiti" →
 * "Pacific/Tahiti"), links followed to their zone ("Asia/Calcutta" → "Asia/Kolkata", "US/Eastern"
 * → "America/New_York"), every spelling of UTC stored as "UTC". Refused: unknown names, legacy
 * abbreviations (EST, CET, PST8PDT…) and the other Etc zones (fixed offsets with inverted signs,
 * GMT), which are not places a venue can be in.
 *
 * Intl alone cannot do this on Node 20: its ICU answers CLDR's names (Asia/Kolkata → Asia/Calcutta,
 * Europe/Kyiv → Europe/Kiev) and maps EST to America/Panama, and newer engines answer differently
 * again. The link table comes from the tz database (countries-and-timezones); luxon then confirms
 * this server can compute in the zone.
 */
export function resolveTimeZone(value: unknown): TimeZoneResult {
  if (typeof value !== 'string' || !value.trim()) return { ok: false, constraint: 'timeZone', message: `A time zone is required: ${EXAMPLE}` };
  const text = value.trim();
  if (text.length > MAX_LENGTH) return { ok: false, constraint: 'timeZone', message: `A time zone name has at most ${MAX_LENGTH} characters` };
  const entry = lookup().get(text.toLowerCase());
  if (!entry) return { ok: false, constraint: 'timeZone', message: `${JSON.stringify(text)} is not an IANA time zone: use ${EXAMPLE}` };
  const zone = entry.aliasOf ?? entry.name;
  if (zone === 'Etc/UTC') return { ok: true, zone: 'UTC' };
  if (NOT_LOCATIONS.has(entry.name) || zone.startsWith('Etc/')) {
    return {
      ok: false,
      constraint: 'timeZoneLocation',
      message: `${entry.name} is a legacy abbreviation or a fixed offset, not a location: use ${EXAMPLE}, or UTC`,
    };
  }
  if (!IANAZone.isValidZone(zone)) return { ok: false, constraint: 'timeZone', message: `${zone} is not known to this server's time zone data` };
  return { ok: true, zone };
}

/** The canonical name, or BAD_USER_INPUT on `field` saying why not. */
export function canonicalTimeZone(value: unknown, field = 'timeZone'): string {
  const result = resolveTimeZone(value);
  if (!result.ok) throw BadInputError.field(field, result.message, result.constraint);
  return result.zone;
}
