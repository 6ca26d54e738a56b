import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resolveTimeZone } from '@baton/events';

export type DemoVenueKind = 'COMPETITION' | 'NON_COMPETITION';

export interface VenueRow {
  code: string;
  name: string;
  city: string;
  kind: DemoVenueKind;
  timeZone: string;
  sports: string[];
}

const HEADER = ['code', 'name', 'city', 'kind', 'timezone', 'sports'];
const KINDS: Record<string, DemoVenueKind> = { competition: 'COMPETITION', 'non-competition': 'NON_COMPETITION' };
export const VENUES_CSV_FILE = 'paris2024-venues.csv';

/**
 * Parses the venues reference file. Hand-written rather than adding csv-parse: the file has
 * no quoting and no embedded commas (only apostrophes, as in Teahupo'o), so a split is exact.
 * A quote character is refused loudly instead of being misread if the file ever changes.
 */
export function parseVenuesCsv(text: string): VenueRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]?.split(',').map((h) => h.trim().toLowerCase());
  if (!header || header.join(',') !== HEADER.join(',')) throw new Error(`venues csv: expected the header "${HEADER.join(',')}"`);
  const venues: VenueRow[] = [];
  const seen = new Set<string>();
  lines.slice(1).forEach((line, index) => {
    const where = `venues csv line ${index + 2}`;
    if (!line.trim()) return;
    if (line.includes('"')) throw new Error(`${where}: quoted fields are not supported by this parser`);
    const fields = line.split(',').map((f) => f.trim());
    if (fields.length !== HEADER.length) throw new Error(`${where}: expected ${HEADER.length} fields, found ${fields.length}`);
    const [code, name, city, kindText, timeZone, sports] = fields;
    if (!/^[A-Z0-9]{2,10}$/.test(code)) throw new Error(`${where}: bad venue code "${code}"`);
    if (seen.has(code)) throw new Error(`${where}: duplicate venue code "${code}"`);
    seen.add(code);
    const kind = KINDS[kindText.toLowerCase()];
    if (!kind) throw new Error(`${where}: kind must be competition or non-competition, not "${kindText}"`);
    const zone = resolveTimeZone(timeZone);
    if (!zone.ok) throw new Error(`${where}: ${zone.message}`);
    if (!name || !city) throw new Error(`${where}: name and city are required`);
    venues.push({
      code,
      name,
      city,
      kind,
      timeZone: zone.zone,
      sports: sports
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    });
  });
  return venues;
}

/**
 * The data folder sits beside `src` (libs/demo/data). From a compiled build (dist/libs/demo/src)
 * the nearest ancestor holding libs/demo/data is used, so `nest build` output still finds it.
 */
export function venuesCsvPath(): string {
  const direct = join(__dirname, '..', 'data', VENUES_CSV_FILE);
  if (existsSync(direct)) return direct;
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dir, 'libs', 'demo', 'data', VENUES_CSV_FILE);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`Cannot find ${VENUES_CSV_FILE} (expected in libs/demo/data)`);
}

export function loadParisVenues(): VenueRow[] {
  return parseVenuesCsv(readFileSync(venuesCsvPath(), 'utf8'));
}
