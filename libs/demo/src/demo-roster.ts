import { randomUUID } from 'node:crypto';
import { greedyRoster, type RosterPerson, type RosterShift } from '@baton/rostering';
import { DEFAULT_WORK_RULES, type WorkRuleValues } from '@baton/scheduling';
import { EmploymentType } from '@baton/staff';
import { DateTime } from 'luxon';
import type { DemoPlan, DemoVenue } from './demo-plan';
import type { DemoStaffIdentity } from './demo-staff';
import { SeededRandom } from './random';

/**
 * The staffing part of the demo, computed in memory before any database access: staff records,
 * shifts over the whole event, and an automatic roster in which every assignment passed the
 * rules (the rostering lib's greedy solver asks the same verdict the API does). Ids are fresh UUIDs; everything
 * else follows from the seed, the scale and the clock's today.
 */

export type DemoEmploymentType = 'EMPLOYEE' | 'CONTRACTOR' | 'VOLUNTEER';

export interface DemoStaffProfile {
  id: string;
  email: string;
  displayName: string;
  organisationCode: string;
  employmentType: DemoEmploymentType;
  teamCode: string;
  homeVenueCode: string;
  skills: Array<{ code: string; level: number }>;
  languages: string[];
  zones: string[];
  accreditationStatus: 'VALID' | 'PENDING';
  unavailable: Array<{ startsAt: Date; endsAt: Date }>;
  externalRef: string;
}

export interface DemoShift {
  id: string;
  venueCode: string;
  teamCode: string;
  roleTitle: string;
  startsAt: Date;
  endsAt: Date;
  /** The local working day (venue zone) the shift starts on. */
  day: string;
  headcount: number;
  status: 'PUBLISHED' | 'DRAFT';
  requiredSkills: Array<{ code: string; minLevel: number }>;
  /** How many places the automatic roster tries to fill (the rest stay open, as in real life). */
  target: number;
}

export interface DemoAssignment {
  shift: number;
  staff: number;
  status: 'ASSIGNED' | 'CONFIRMED';
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
}

export interface DemoRoster {
  staff: DemoStaffProfile[];
  shifts: DemoShift[];
  assignments: DemoAssignment[];
  /** The moment the automatic roster was "made": the rules are evaluated as of then. */
  rosteredAt: Date;
  stats: { places: number; publishedPlaces: number; engineChecks: number; blocked: number; rosterMs: number };
}

interface TeamProfile {
  skills: readonly string[];
  partners: readonly string[];
  title: string;
  volunteers: boolean;
}

/** Per team: the skills it uses (the first is its core skill), the partners that staff it, the role title. */
const TEAM_PROFILES: Record<string, TeamProfile> = {
  RES: {
    skills: ['RES-ONVENUE', 'RES-ODF', 'RES-PRINT', 'TSC-DATA-ENTRY'],
    partners: ['CHRONOVAL', 'HELIODATA', 'ATLANTEC'],
    title: 'Results operator',
    volunteers: true,
  },
  TSC: {
    skills: ['TSC-TIMING', 'TSC-DATA-ENTRY', 'TSC-PHOTO-FINISH', 'TSC-JUDGING'],
    partners: ['CHRONOVAL'],
    title: 'Timing and scoring technician',
    volunteers: true,
  },
  NET: {
    skills: ['NET-LAN', 'NET-WIFI', 'NET-ROUTING', 'NET-MONITORING', 'NET-FIREWALL'],
    partners: ['NORDLYS', 'VELARION'],
    title: 'Network engineer',
    volunteers: false,
  },
  TEL: { skills: ['TEL-VOIP', 'TEL-MOBILE', 'TEL-CABLING'], partners: ['SEINECOM'], title: 'Telecom technician', volunteers: false },
  RAD: { skills: ['RAD-TRUNKED', 'RAD-DISPATCH', 'RAD-RF-TEST'], partners: ['ONDINE'], title: 'Radio technician', volunteers: true },
  SPM: { skills: ['RAD-SPECTRUM', 'RAD-FREQUENCY', 'RAD-RF-TEST'], partners: ['ONDINE'], title: 'Spectrum engineer', volunteers: false },
  SVD: {
    skills: ['SUP-SERVICE-DESK', 'SUP-INCIDENT', 'SUP-FIELD', 'SYS-ENDPOINT'],
    partners: ['ATLANTEC', 'QUAIVERT'],
    title: 'Service desk agent',
    volunteers: true,
  },
  CYB: { skills: ['SEC-SOC', 'SEC-INCIDENT', 'SEC-IAM', 'SEC-VULN'], partners: ['KESTREL-SEC'], title: 'Security analyst', volunteers: false },
  VTM: { skills: ['SUP-INCIDENT', 'SUP-FIELD', 'NET-MONITORING'], partners: ['QUAIVERT', 'VELARION'], title: 'Venue technology manager', volunteers: false },
  ACR: { skills: ['SUP-BADGES', 'SEC-IAM', 'SYS-DATABASE'], partners: ['SABLON', 'ATLANTEC'], title: 'Accreditation systems operator', volunteers: true },
  BIT: { skills: ['BRO-IT', 'BRO-CONTRIBUTION', 'SYS-VIRT'], partners: ['ORBICAST'], title: 'Broadcast IT engineer', volunteers: false },
  CCTV: { skills: ['SEC-CCTV', 'NET-LAN'], partners: ['KESTREL-SEC'], title: 'CCTV operator', volunteers: false },
  CAB: { skills: ['TEL-CABLING', 'NET-FIBRE'], partners: ['VELARION', 'SEINECOM'], title: 'Cabling technician', volunteers: false },
  DC: { skills: ['SYS-LINUX', 'SYS-VIRT', 'SYS-BACKUP', 'SYS-PRIVATE-CLOUD'], partners: ['VERTEXA'], title: 'Data centre engineer', volunteers: false },
  CIS: { skills: ['RES-CIS', 'BRO-IT'], partners: ['ORBICAST', 'HELIODATA'], title: 'CIS operator', volunteers: true },
  PRD: { skills: ['RES-PRINT', 'SUP-PRINTERS'], partners: ['MERIDIAN-PRINT'], title: 'Printing and distribution operator', volunteers: true },
  TOC: { skills: ['SUP-INCIDENT', 'NET-MONITORING', 'SEC-SOC'], partners: ['QUAIVERT', 'ATLANTEC'], title: 'Operations centre analyst', volunteers: false },
  INF: { skills: ['RES-INFO', 'SYS-DATABASE'], partners: ['HELIODATA', 'SABLON'], title: 'Information diffusion operator', volunteers: true },
  ODF: { skills: ['RES-ODF', 'SYS-LINUX'], partners: ['HELIODATA'], title: 'Data feed engineer', volunteers: false },
  SVB: { skills: ['TSC-SCOREBOARD', 'SUP-AV'], partners: ['LUCERNA', 'CHRONOVAL'], title: 'Scoreboard operator', volunteers: true },
  EUD: { skills: ['SYS-ENDPOINT', 'SUP-FIELD', 'SUP-PRINTERS'], partners: ['COBALTIS'], title: 'Device technician', volunteers: true },
  GMS: { skills: ['SYS-DATABASE', 'SEC-IAM', 'SYS-LINUX'], partners: ['SABLON', 'ATLANTEC'], title: 'Games systems engineer', volunteers: false },
  CLD: { skills: ['SYS-PRIVATE-CLOUD', 'SYS-VIRT', 'SYS-LINUX'], partners: ['VERTEXA'], title: 'Cloud engineer', volunteers: false },
  TST: { skills: ['SYS-LINUX', 'RES-ONVENUE', 'NET-LAN'], partners: ['VELARION'], title: 'Test engineer', volunteers: false },
  LOG: { skills: ['SUP-FIELD', 'SYS-ENDPOINT'], partners: ['COBALTIS'], title: 'Logistics technician', volunteers: true },
};

const CONTRACTOR_TEAMS: Record<string, string> = { CAB: 'BASTION-CABLE', TEL: 'BASTION-CABLE', NET: 'BASTION-CABLE' };

/** Sites staffed around the clock (a night shift 23:00–07:00). */
const ROUND_THE_CLOCK = new Set(['TOC', 'IBC', 'MPC']);
const NON_COMPETITION_TEAMS: Record<string, readonly string[]> = {
  IBC: ['BIT', 'CIS', 'NET', 'TEL', 'SVD', 'ODF', 'INF', 'CYB'],
  MPC: ['NET', 'SVD', 'INF', 'PRD', 'TEL', 'EUD', 'CIS'],
  OPV: ['SVD', 'NET', 'EUD', 'TEL', 'INF'],
  ACC: ['ACR', 'SVD', 'NET', 'EUD', 'CYB'],
};
const BIG_VENUES = new Set(['STF', 'AQC', 'LDA', 'BCY']);
const REGIONAL_VENUES = new Set(['PMS', 'MMA', 'MAS', 'LYS', 'BXS', 'NTS', 'NCS', 'GGS', 'CSC', 'THP']);
/** Only people based there work these (a flight away from Paris). */
const REMOTE_VENUES = new Set(['THP']);
const COMPETITION_BASE = ['NET', 'RES', 'TSC', 'SVD'];
const COMPETITION_EXTRA: ReadonlyArray<readonly [string, number]> = [
  ['VTM', 6],
  ['SVB', 5],
  ['RAD', 4],
  ['TEL', 4],
  ['CCTV', 3],
  ['PRD', 3],
  ['CIS', 3],
  ['EUD', 3],
  ['CAB', 2],
  ['SPM', 2],
  ['ODF', 2],
];

const PATTERNS = [
  { label: 'early', start: 7, hours: 8 },
  { label: 'late', start: 15, hours: 8 },
  { label: 'night', start: 23, hours: 8 },
] as const;

const HEADCOUNT: ReadonlyArray<readonly [number, number]> = [
  [1, 2],
  [2, 3],
  [3, 7],
  [4, 13],
  [5, 28],
  [6, 47],
];
const REQUIRED_COUNT: ReadonlyArray<readonly [number, number]> = [
  [0, 35],
  [1, 45],
  [2, 20],
];
const REQUIRED_LEVEL: ReadonlyArray<readonly [number, number]> = [
  [1, 50],
  [2, 35],
  [3, 15],
];
const CORE_LEVEL: ReadonlyArray<readonly [number, number]> = [
  [1, 10],
  [2, 35],
  [3, 40],
  [4, 15],
];
const OTHER_LEVEL: ReadonlyArray<readonly [number, number]> = [
  [1, 30],
  [2, 35],
  [3, 25],
  [4, 10],
];
const EXTRA_LANGUAGES = ['es', 'de', 'it', 'ja', 'pt'];

/** Candidates looked at per shift: a bounded, rotating slice of the team. */
const CANDIDATES_PER_SHIFT = 60;

export interface DemoRosterInput {
  plan: DemoPlan;
  identities: DemoStaffIdentity[];
  /** The clock's now: assignments of shifts started in the last hours are checked in. */
  now: Date;
  /** The demo `staff@baton.demo` account, given a staff record too. */
  demoStaff?: { email: string; displayName: string };
  /** Event id used in the rule facts (any stable string works in memory). */
  eventId?: string;
}

export function buildDemoRoster(input: DemoRosterInput): DemoRoster {
  const started = Date.now();
  const { plan } = input;
  const venues = new Map(plan.venues.map((v) => [v.code, v]));
  const shifts = buildShifts(plan, new SeededRandom(plan.seed ^ 0x5b1f7));
  const staff = buildStaff(plan, input.identities, shifts, venues, new SeededRandom(plan.seed ^ 0x57aff));
  if (input.demoStaff) staff.push(demoStaffProfile(input.demoStaff, venues));
  const { assignments, engineChecks, blocked, rosteredAt } = assign(
    plan,
    shifts,
    staff,
    venues,
    input.now,
    input.eventId ?? 'demo',
    new SeededRandom(plan.seed ^ 0xa551),
  );
  const places = shifts.reduce((sum, s) => sum + s.headcount, 0);
  const publishedPlaces = shifts.reduce((sum, s) => sum + (s.status === 'PUBLISHED' ? s.headcount : 0), 0);
  return { staff, shifts, assignments, rosteredAt, stats: { places, publishedPlaces, engineChecks, blocked, rosterMs: Date.now() - started } };
}

/** Which teams work at a venue: all of them at the operations centre, 3 to 8 elsewhere. */
export function venueTeams(venue: DemoVenue, random: SeededRandom): string[] {
  if (venue.code === 'TOC') return Object.keys(TEAM_PROFILES);
  if (NON_COMPETITION_TEAMS[venue.code]) return [...NON_COMPETITION_TEAMS[venue.code]];
  const count = BIG_VENUES.has(venue.code) ? 8 : REGIONAL_VENUES.has(venue.code) ? random.int(3, 5) : random.int(4, 7);
  const teams = COMPETITION_BASE.slice(0, Math.min(count, COMPETITION_BASE.length));
  const extras = [...COMPETITION_EXTRA];
  while (teams.length < count && extras.length) {
    const code = random.weighted(extras);
    extras.splice(
      extras.findIndex(([c]) => c === code),
      1,
    );
    teams.push(code);
  }
  return teams;
}

function localDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = DateTime.fromISO(from); d.toISODate()! <= to; d = d.plus({ days: 1 })) days.push(d.toISODate()!);
  return days;
}

/**
 * Shifts for every venue × team from the event's first to last day, in the venue's zone:
 * 07:00–15:00 and 15:00–23:00, plus 23:00–07:00 at the round-the-clock sites. Competition
 * venues open two weeks before the ceremony, with day shifts only in their first week.
 * Below scale 1 each shift is kept with probability `scale`; above it headcounts grow.
 */
function buildShifts(plan: DemoPlan, random: SeededRandom): DemoShift[] {
  const keep = new SeededRandom(plan.seed ^ 0x6ee9);
  const opening = DateTime.fromISO(plan.dates.openingOn);
  const venueOpens = opening.minus({ days: 14 }).toISODate()!;
  const fullOps = opening.minus({ days: 7 }).toISODate()!;
  const draftFrom = opening.plus({ days: 10 }).toISODate()!;
  const days = localDays(plan.dates.startsOn, plan.dates.endsOn);
  const shifts: DemoShift[] = [];
  for (const venue of plan.venues) {
    const teams = venueTeams(venue, random);
    const allDays = ROUND_THE_CLOCK.has(venue.code) || venue.code === 'ACC';
    for (const teamCode of teams) {
      const profile = TEAM_PROFILES[teamCode];
      for (const day of days) {
        if (!allDays && day < venueOpens) continue;
        const patterns = ROUND_THE_CLOCK.has(venue.code) ? PATTERNS : !allDays && day < fullOps ? PATTERNS.slice(0, 1) : PATTERNS.slice(0, 2);
        for (const pattern of patterns) {
          // Draws happen whether or not the shift is kept, so a scale changes only which shifts exist.
          const base = random.weighted(HEADCOUNT);
          const requiredCount = random.weighted(REQUIRED_COUNT);
          const required: DemoShift['requiredSkills'] = [];
          for (let i = 0; i < requiredCount; i++) {
            const code = i === 0 && random.next() < 0.6 ? profile.skills[0] : random.pick(profile.skills);
            const minLevel = random.weighted(REQUIRED_LEVEL);
            if (!required.some((r) => r.code === code)) required.push({ code, minLevel });
          }
          const fraction = 0.68 + random.next() * 0.34;
          const draft = day >= draftFrom && random.next() < 0.25;
          if (plan.scale < 1 && keep.next() >= plan.scale) continue;
          const start = DateTime.fromISO(`${day}T${String(pattern.start).padStart(2, '0')}:00`, { zone: venue.timeZone });
          const headcount = Math.min(500, Math.max(1, Math.round(base * Math.max(1, plan.scale))));
          shifts.push({
            id: randomUUID(),
            venueCode: venue.code,
            teamCode,
            roleTitle: `${profile.title} (${pattern.label})`,
            startsAt: start.toJSDate(),
            endsAt: start.plus({ hours: pattern.hours }).toJSDate(),
            day,
            headcount,
            status: draft ? 'DRAFT' : 'PUBLISHED',
            requiredSkills: required,
            target: Math.min(headcount, Math.round(headcount * fraction)),
          });
        }
      }
    }
  }
  shifts.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.venueCode.localeCompare(b.venueCode) || a.teamCode.localeCompare(b.teamCode));
  return shifts;
}

/**
 * Staff records for the generated accounts. People go to teams and home venues in proportion to
 * the places the shifts offer there (so big venues, the operations centre and the large teams get
 * more people), then get an organisation, skills, languages and zones that fit.
 */
function buildStaff(
  plan: DemoPlan,
  identities: DemoStaffIdentity[],
  shifts: DemoShift[],
  venues: Map<string, DemoVenue>,
  random: SeededRandom,
): DemoStaffProfile[] {
  if (!identities.length) return [];
  const demand = new Map<string, number>();
  for (const s of shifts) demand.set(`${s.teamCode}|${s.venueCode}`, (demand.get(`${s.teamCode}|${s.venueCode}`) ?? 0) + s.target);
  // With no shifts (tiny scales), spread people over the operations centre's teams.
  if (!demand.size) for (const team of Object.keys(TEAM_PROFILES)) demand.set(`${team}|TOC`, 1);
  const cells = allocate(
    [...demand.entries()].sort(([a], [b]) => a.localeCompare(b)),
    identities.length,
  );
  const eventStart = DateTime.fromISO(plan.dates.startsOn, { zone: plan.event.timeZone });
  const eventDays = localDays(plan.dates.startsOn, plan.dates.endsOn).length;
  const teamVenues = new Map<string, string[]>();
  for (const key of demand.keys()) {
    const [team, venue] = key.split('|');
    teamVenues.set(team, [...(teamVenues.get(team) ?? []), venue]);
  }

  const profiles: DemoStaffProfile[] = [];
  let next = 0;
  for (const [key, count] of cells) {
    const [teamCode, homeVenueCode] = key.split('|');
    const team = TEAM_PROFILES[teamCode];
    for (let n = 0; n < count; n++) {
      const identity = identities[next++];
      const roll = random.next();
      let employmentType: DemoEmploymentType = 'EMPLOYEE';
      let organisationCode: string;
      if (roll < 0.1) organisationCode = 'OCOG';
      else if (roll < 0.2) {
        employmentType = 'CONTRACTOR';
        organisationCode = CONTRACTOR_TEAMS[teamCode] && random.next() < 0.5 ? CONTRACTOR_TEAMS[teamCode] : 'MARNE-STAFF';
      } else if (roll < 0.45 && team.volunteers) {
        employmentType = 'VOLUNTEER';
        organisationCode = 'TECH-VOL';
      } else organisationCode = random.pick(team.partners);

      const skills = [{ code: team.skills[0], level: random.weighted(CORE_LEVEL) }];
      const extra = random.int(0, Math.min(3, team.skills.length - 1));
      const others = team.skills.slice(1);
      for (let i = 0; i < extra; i++) {
        const code = others.splice(random.int(0, others.length - 1), 1)[0];
        skills.push({ code, level: random.weighted(OTHER_LEVEL) });
      }

      const languages = new Set<string>();
      if (random.next() < 0.9) languages.add('fr');
      if (random.next() < 0.85) languages.add('en');
      if (random.next() < 0.3) languages.add(random.pick(EXTRA_LANGUAGES));
      if (!languages.size) languages.add(random.pick(['en', ...EXTRA_LANGUAGES]));

      const zones = new Set([...(venues.get(homeVenueCode)?.zones ?? []), 'TECH']);
      // Some people may also work a second venue of their team.
      if (random.next() < 0.3) {
        const other = random.pick(teamVenues.get(teamCode) ?? [homeVenueCode]);
        for (const z of venues.get(other)?.zones ?? []) zones.add(z);
      }

      const unavailable: DemoStaffProfile['unavailable'] = [];
      if (random.next() < 0.05) {
        for (let i = random.int(1, 3); i > 0; i--) {
          const from = eventStart.plus({ days: random.int(0, eventDays - 1) });
          unavailable.push({ startsAt: from.toJSDate(), endsAt: from.plus({ days: random.int(1, 3) }).toJSDate() });
        }
      }

      profiles.push({
        id: randomUUID(),
        email: identity.email,
        displayName: identity.displayName,
        organisationCode,
        employmentType,
        teamCode,
        homeVenueCode,
        skills,
        languages: [...languages],
        zones: [...zones].sort(),
        accreditationStatus: random.next() < 0.02 ? 'PENDING' : 'VALID',
        unavailable,
        externalRef: `DEMO-${String(next).padStart(6, '0')}`,
      });
    }
  }
  return profiles;
}

/** Largest-remainder split of `total` people over weighted cells. */
function allocate(cells: Array<[string, number]>, total: number): Array<[string, number]> {
  const sum = cells.reduce((acc, [, w]) => acc + w, 0);
  const exact = cells.map(([key, w]) => ({ key, exact: (w / sum) * total }));
  const result = exact.map((c) => ({ key: c.key, n: Math.floor(c.exact), rest: c.exact - Math.floor(c.exact) }));
  let left = total - result.reduce((acc, c) => acc + c.n, 0);
  for (const c of [...result].sort((a, b) => b.rest - a.rest || a.key.localeCompare(b.key))) {
    if (left-- <= 0) break;
    c.n++;
  }
  return result.map((c) => [c.key, c.n]);
}

function demoStaffProfile(account: { email: string; displayName: string }, venues: Map<string, DemoVenue>): DemoStaffProfile {
  return {
    id: randomUUID(),
    email: account.email,
    displayName: account.displayName,
    organisationCode: 'OCOG',
    employmentType: 'EMPLOYEE',
    teamCode: 'NET',
    homeVenueCode: 'STF',
    skills: [
      { code: 'NET-LAN', level: 3 },
      { code: 'NET-WIFI', level: 3 },
      { code: 'NET-MONITORING', level: 2 },
    ],
    languages: ['fr', 'en'],
    zones: [...new Set([...(venues.get('STF')?.zones ?? []), 'TECH'])].sort(),
    accreditationStatus: 'VALID',
    unavailable: [],
    externalRef: 'DEMO-STAFF',
  };
}

/**
 * The automatic roster: the rostering lib's greedy solver, with the demo's preferences for whom to
 * try on each shift — a rotating slice of its team, people based at the venue first. Every
 * placement passed the rules (the solver asks the same verdict as the API), so no assignment
 * breaks one.
 */
function assign(
  plan: DemoPlan,
  shifts: DemoShift[],
  staff: DemoStaffProfile[],
  venues: Map<string, DemoVenue>,
  now: Date,
  eventId: string,
  random: SeededRandom,
) {
  const rosteredAt = DateTime.fromISO(plan.dates.startsOn, { zone: plan.event.timeZone }).minus({ days: 7 }).toJSDate();
  const rules: Record<DemoEmploymentType, WorkRuleValues> = {
    EMPLOYEE: DEFAULT_WORK_RULES[EmploymentType.EMPLOYEE],
    CONTRACTOR: DEFAULT_WORK_RULES[EmploymentType.CONTRACTOR],
    VOLUNTEER: DEFAULT_WORK_RULES[EmploymentType.VOLUNTEER],
  };
  const byTeam = new Map<string, number[]>();
  const byTeamVenue = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  staff.forEach((p, i) => {
    add(byTeam, p.teamCode, i);
    add(byTeamVenue, `${p.teamCode}|${p.homeVenueCode}`, i);
  });
  const people: RosterPerson[] = staff.map((p) => ({
    staff: {
      id: p.id,
      eventId,
      accreditationStatus: p.accreditationStatus,
      accreditationZones: p.zones,
      skills: new Map(p.skills.map((s) => [s.code, s.level])),
    },
    rules: rules[p.employmentType],
    availability: p.unavailable.map((u) => ({ kind: 'UNAVAILABLE' as const, ...u })),
  }));
  const rosterShifts: RosterShift[] = shifts.map((shift) => {
    const venue = venues.get(shift.venueCode) as DemoVenue;
    return {
      target: shift.target,
      facts: {
        id: shift.id,
        eventId,
        status: shift.status,
        startsAt: shift.startsAt,
        endsAt: shift.endsAt,
        headcount: shift.headcount,
        activeCount: 0,
        timeZone: venue.timeZone,
        venueZones: venue.zones,
        requiredSkills: shift.requiredSkills.map((r) => ({ skillId: r.code, code: r.code, minLevel: r.minLevel })),
      },
    };
  });
  const candidates = (shiftIndex: number): number[] => {
    const shift = shifts[shiftIndex];
    const home = byTeamVenue.get(`${shift.teamCode}|${shift.venueCode}`) ?? [];
    const team = REMOTE_VENUES.has(shift.venueCode) ? [] : (byTeam.get(shift.teamCode) ?? []);
    const chosen = rotatingSlice(home, Math.min(home.length, CANDIDATES_PER_SHIFT), random);
    if (chosen.length < CANDIDATES_PER_SHIFT && team.length) {
      for (const i of rotatingSlice(team, Math.min(team.length, CANDIDATES_PER_SHIFT * 2), random)) {
        if (chosen.length >= CANDIDATES_PER_SHIFT) break;
        if (staff[i].homeVenueCode !== shift.venueCode) chosen.push(i);
      }
    }
    return chosen;
  };
  const solution = greedyRoster({ shifts: rosterShifts, people, now: rosteredAt, candidates });

  // Every shift that has started: nearly everyone checked in, and checked out once it is over.
  // The few others are the no-shows (live ones for shifts of the last hours). Attendance draws
  // use their own stream: the roster itself must not depend on the time of day.
  const attendance = new SeededRandom(plan.seed ^ 0xc4ec);
  const nowMs = now.getTime();
  const assignments: DemoAssignment[] = solution.placements.map(({ shift: shiftIndex, person }) => {
    const start = shifts[shiftIndex].startsAt.getTime();
    const end = shifts[shiftIndex].endsAt.getTime();
    const started = start <= nowMs;
    const checkedIn = started && attendance.next() < 0.95;
    const checkedInAt = checkedIn ? new Date(Math.min(nowMs, start + attendance.int(-20, 10) * 60_000)) : null;
    const checkedOutAt = checkedIn && end <= nowMs ? new Date(Math.max(checkedInAt!.getTime(), Math.min(nowMs, end + attendance.int(0, 15) * 60_000))) : null;
    return { shift: shiftIndex, staff: person, status: checkedIn || attendance.next() < 1 / 3 ? 'CONFIRMED' : 'ASSIGNED', checkedInAt, checkedOutAt };
  });
  return { assignments, engineChecks: solution.checks, blocked: solution.blocked, rosteredAt };
}

/** Up to `count` items from a random starting point, wrapping around: a cheap shuffle for spreading work. */
function rotatingSlice(items: number[], count: number, random: SeededRandom): number[] {
  if (!items.length || count <= 0) return [];
  const offset = random.int(0, items.length - 1);
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(items[(offset + k) % items.length]);
  return out;
}
