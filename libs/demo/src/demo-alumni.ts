import { randomUUID } from 'node:crypto';
import { verdict } from '@baton/rostering';
import { defaultWorkRules } from '@baton/scheduling';
import { EmploymentType } from '@baton/staff';
import { DateTime } from 'luxon';
import type { DemoPlan, DemoVenue } from './demo-plan';
import type { DemoRoster, DemoStaffProfile } from './demo-roster';
import { DEMO_ORGANISATIONS } from './demo-catalogue';
import { SeededRandom } from './random';

const ORGANISATION_NAMES = new Map(DEMO_ORGANISATIONS.map((o) => [o.code, o.name]));

/**
 * The alumni part of the demo, computed in memory: a closed test event a year ago ("Paris 2024
 * test event") worked by part of the demo workforce, with its roster and attendance, and the
 * ~60 % of its staff who joined the alumni network, with profiles of varied visibility and
 * endorsements between people who shared attended shifts. alumnus@baton.demo worked it and has a
 * full profile; staff@baton.demo worked it too but has not joined (so the join flow can be tried).
 */

export const TEST_EVENT = { code: 'PAR23T', name: 'Paris 2024 test event (demo)', timeZone: 'Europe/Paris', days: 5 } as const;
/** Test-event workforce per unit of scale (120 people at the first start's quarter scale). */
export const TEST_EVENT_STAFF_PER_SCALE = 480;
const TEST_VENUES = ['STF', 'AQC', 'BCY', 'TOC'] as const;
const TEST_TEAMS = ['NET', 'RES', 'TSC', 'SVD', 'VTM', 'TEL'] as const;
const JOIN_RATE = 0.6;

export interface DemoTestPerson {
  staffId: string;
  email: string;
  displayName: string;
  organisationCode: string;
  organisationName: string;
  teamCode: string;
  venueCode: string;
  zones: string[];
  skills: Array<{ code: string; level: number }>;
  languages: string[];
  employmentType: DemoStaffProfile['employmentType'];
}

export interface DemoTestShift {
  id: string;
  venueCode: string;
  teamCode: string;
  roleTitle: string;
  startsAt: Date;
  endsAt: Date;
  headcount: number;
}

export interface DemoTestAssignment {
  shift: number;
  person: number;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
}

export interface DemoAlumnusProfile {
  person: number;
  joinedAt: Date;
  visibility: 'PRIVATE' | 'ALUMNI' | 'PARTNERS';
  hiddenSections: string[];
  headline: string;
  summary: string | null;
  city: string;
  country: string;
  openToWork: boolean;
  desiredRoles: string[];
  skills: Array<{ id: string; code?: string; name?: string; level: number }>;
  languages: Array<{ code: string; level: string }>;
  experiences: Array<{ title: string; organisation: string; startMonth: string; endMonth: string | null; description: string | null }>;
  education: Array<{ institution: string; area: string; studyType: string; startMonth: string; endMonth: string }>;
  links: Array<{ label: string; url: string }>;
}

export interface DemoEndorsement {
  endorser: number;
  endorsee: number;
  skillId: string;
  shifts: number;
  venues: Array<{ name: string; shifts: number }>;
  comment: string | null;
  at: Date;
}

export interface DemoAlumni {
  event: { code: string; name: string; timeZone: string; startsOn: string; endsOn: string };
  venueCodes: readonly string[];
  teamCodes: readonly string[];
  people: DemoTestPerson[];
  shifts: DemoTestShift[];
  assignments: DemoTestAssignment[];
  profiles: DemoAlumnusProfile[];
  endorsements: DemoEndorsement[];
}

const CITIES: ReadonlyArray<readonly [string, string]> = [
  ['Paris', 'FR'],
  ['Saint-Denis', 'FR'],
  ['Lyon', 'FR'],
  ['Marseille', 'FR'],
  ['Lille', 'FR'],
  ['Bordeaux', 'FR'],
  ['Brussels', 'BE'],
  ['Geneva', 'CH'],
  ['Milan', 'IT'],
  ['Madrid', 'ES'],
  ['Los Angeles', 'US'],
  ['London', 'GB'],
];
const FREE_SKILLS = ['Python', 'Project management', 'ITIL', 'Linux administration', 'Customer service', 'Ansible', 'Team leadership', 'Cisco IOS'];
const DESIRED = ['Network engineer', 'Venue technology manager', 'Results operator', 'IT project manager', 'Service desk lead', 'Systems engineer'];
const SCHOOLS = ['Université Paris Cité', 'INSA Lyon', 'Télécom Paris', 'IUT de Saint-Denis', 'Politecnico di Milano', 'EPITA'];
const AREAS = ['Computer science', 'Networks and telecommunications', 'Information systems', 'Electronics', 'Sports management'];
const HIDEABLE = ['SUMMARY', 'LOCATION', 'EDUCATION', 'LINKS', 'ENDORSEMENTS'];
const COMMENTS = [null, 'Calm and precise under pressure.', 'Always the first to spot a failing switch.', 'A great colleague on early shifts.', null];
const LEVEL_OF: Record<string, string> = { fr: 'NATIVE', en: 'C1', es: 'B2', de: 'B1', it: 'B2', ja: 'A2', pt: 'B1' };

export interface DemoAlumniInput {
  plan: DemoPlan;
  roster: DemoRoster;
  now: Date;
  /** Demo logins working the test event: the full-profile alumnus, and a staff member who may still join. */
  alumnus: { email: string; displayName: string };
  staff: { email: string; displayName: string };
}

export function buildDemoAlumni(input: DemoAlumniInput): DemoAlumni {
  const { plan, roster } = input;
  const random = new SeededRandom(plan.seed ^ 0xa1e7);
  const today = DateTime.fromJSDate(input.now, { zone: TEST_EVENT.timeZone }).startOf('day');
  const start = today.minus({ years: 1 });
  const event = {
    code: TEST_EVENT.code,
    name: TEST_EVENT.name,
    timeZone: TEST_EVENT.timeZone,
    startsOn: start.toISODate() as string,
    endsOn: start.plus({ days: TEST_EVENT.days - 1 }).toISODate() as string,
  };
  const venues = new Map(plan.venues.map((v) => [v.code, v]));

  // Every k-th generated person, so the sample spreads over teams and organisations.
  const generated = roster.staff.filter((p) => p.email !== input.staff.email);
  const wanted = Math.min(generated.length, Math.round(TEST_EVENT_STAFF_PER_SCALE * plan.scale));
  const step = wanted ? generated.length / wanted : 1;
  const chosen = Array.from({ length: wanted }, (_, i) => generated[Math.floor(i * step)]);
  const people: DemoTestPerson[] = chosen.map((p) => {
    const teamCode = (TEST_TEAMS as readonly string[]).includes(p.teamCode) ? p.teamCode : random.pick(TEST_TEAMS);
    const venueCode = (TEST_VENUES as readonly string[]).includes(p.homeVenueCode) ? p.homeVenueCode : random.pick(TEST_VENUES);
    return person(p.email, p.displayName, p.organisationCode, teamCode, venueCode, venues.get(venueCode) as DemoVenue, p.skills, p.languages, p.employmentType);
  });
  // The two demo logins work network shifts at the Stade de France, with a few colleagues.
  const net = [
    { code: 'NET-LAN', level: 3 },
    { code: 'NET-WIFI', level: 3 },
    { code: 'NET-MONITORING', level: 2 },
  ];
  people.push(
    person(input.alumnus.email, input.alumnus.displayName, 'NORDLYS', 'NET', 'STF', venues.get('STF') as DemoVenue, net, ['fr', 'en', 'es'], 'EMPLOYEE'),
  );
  people.push(person(input.staff.email, input.staff.displayName, 'OCOG', 'NET', 'STF', venues.get('STF') as DemoVenue, net, ['fr', 'en'], 'EMPLOYEE'));
  for (const p of people.slice(0, Math.min(4, wanted))) Object.assign(p, { teamCode: 'NET', venueCode: 'STF', zones: people.at(-1)!.zones });

  const { shifts, assignments } = rosterTestEvent(people, event, venues, input.now, new SeededRandom(plan.seed ^ 0x7e57));

  const alumnusIndex = people.length - 2;
  const joinedAt = (i: number) =>
    start
      .plus({ days: TEST_EVENT.days + 2 + (i % 30) })
      .set({ hour: 9 + (i % 10) })
      .toJSDate();
  // Exactly 60 % of the generated people (a seeded shuffle picks who), plus the demo alumnus.
  const order = people.slice(0, wanted).map((_, i) => ({ i, key: random.next() }));
  const joining = new Set(
    order
      .sort((a, b) => a.key - b.key)
      .slice(0, Math.round(wanted * JOIN_RATE))
      .map((o) => o.i),
  );
  joining.add(alumnusIndex);
  const profiles: DemoAlumnusProfile[] = [];
  people.forEach((p, i) => {
    if (!joining.has(i)) return;
    profiles.push(i === alumnusIndex ? fullProfile(i, p, joinedAt(i)) : generatedProfile(i, p, joinedAt(i), random));
  });

  const endorsements = endorse(people, shifts, assignments, profiles, alumnusIndex, venues, new SeededRandom(plan.seed ^ 0xe4d0));
  return { event, venueCodes: TEST_VENUES, teamCodes: TEST_TEAMS, people, shifts, assignments, profiles, endorsements };
}

function person(
  email: string,
  displayName: string,
  organisationCode: string,
  teamCode: string,
  venueCode: string,
  venue: DemoVenue,
  skills: Array<{ code: string; level: number }>,
  languages: string[],
  employmentType: DemoStaffProfile['employmentType'],
): DemoTestPerson {
  const organisationName = ORGANISATION_NAMES.get(organisationCode) ?? organisationCode;
  return {
    staffId: randomUUID(),
    email,
    displayName,
    organisationCode,
    organisationName,
    teamCode,
    venueCode,
    zones: [...new Set([...venue.zones, 'TECH'])].sort(),
    skills,
    languages,
    employmentType,
  };
}

/**
 * One early shift (07:00–15:00 local) per venue × team × day, as many places as people in the
 * cell; each person works four of the five days. Every assignment goes through the rule engine;
 * attendance is what happened: 94 % checked in, the rest no-shows.
 */
function rosterTestEvent(people: DemoTestPerson[], event: DemoAlumni['event'], venues: Map<string, DemoVenue>, now: Date, random: SeededRandom) {
  const cells = new Map<string, number[]>();
  people.forEach((p, i) => cells.set(`${p.venueCode}|${p.teamCode}`, [...(cells.get(`${p.venueCode}|${p.teamCode}`) ?? []), i]));
  const shifts: DemoTestShift[] = [];
  const assignments: DemoTestAssignment[] = [];
  const booked = people.map(() => [] as Array<{ shiftId: string; eventId: string; startsAt: Date; endsAt: Date; timeZone: string }>);
  const rules = {
    EMPLOYEE: defaultWorkRules('demo-test', EmploymentType.EMPLOYEE),
    CONTRACTOR: defaultWorkRules('demo-test', EmploymentType.CONTRACTOR),
    VOLUNTEER: defaultWorkRules('demo-test', EmploymentType.VOLUNTEER),
  };
  const rosteredAt = DateTime.fromISO(event.startsOn, { zone: event.timeZone }).minus({ days: 7 }).toJSDate();
  for (const [key, members] of [...cells.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const [venueCode, teamCode] = key.split('|');
    const venue = venues.get(venueCode) as DemoVenue;
    const off = new Map(members.map((i) => [i, random.int(0, TEST_EVENT.days - 1)]));
    for (let day = 0; day < TEST_EVENT.days; day++) {
      const startsAt = DateTime.fromISO(`${event.startsOn}T07:00`, { zone: venue.timeZone }).plus({ days: day });
      const shift: DemoTestShift = {
        id: randomUUID(),
        venueCode,
        teamCode,
        roleTitle: `${teamCode} technician (test event)`,
        startsAt: startsAt.toJSDate(),
        endsAt: startsAt.plus({ hours: 8 }).toJSDate(),
        headcount: Math.min(500, members.length),
      };
      const index = shifts.push(shift) - 1;
      let active = 0;
      for (const i of members) {
        if (off.get(i) === day) continue;
        const answer = verdict({
          shift: {
            ...shift,
            eventId: 'demo-test',
            status: 'PUBLISHED',
            activeCount: active,
            timeZone: venue.timeZone,
            venueZones: venue.zones,
            requiredSkills: [],
          },
          staff: { id: people[i].staffId, eventId: 'demo-test', accreditationStatus: 'VALID', accreditationZones: people[i].zones, skills: new Map() },
          neighbours: booked[i],
          availability: [],
          rules: rules[people[i].employmentType],
          now: rosteredAt,
          alreadyOnShift: false,
        });
        if (!answer.allowed) continue;
        active++;
        booked[i].push({ shiftId: shift.id, eventId: 'demo-test', startsAt: shift.startsAt, endsAt: shift.endsAt, timeZone: venue.timeZone });
        const came = random.next() < 0.94 && shift.startsAt.getTime() < now.getTime();
        const checkedInAt = came ? new Date(shift.startsAt.getTime() + random.int(-20, 8) * 60_000) : null;
        assignments.push({ shift: index, person: i, checkedInAt, checkedOutAt: came ? new Date(shift.endsAt.getTime() + random.int(0, 15) * 60_000) : null });
      }
    }
  }
  return { shifts, assignments };
}

const monthsAgo = (from: DateTime, months: number) => from.minus({ months }).toFormat('yyyy-MM');

function generatedProfile(i: number, p: DemoTestPerson, joinedAt: Date, random: SeededRandom): DemoAlumnusProfile {
  const joined = DateTime.fromJSDate(joinedAt);
  const [city, country] = random.pick(CITIES);
  const hidden = random.next() < 0.2 ? [random.pick(HIDEABLE)] : [];
  const skills: DemoAlumnusProfile['skills'] = p.skills.map((s) => ({ id: randomUUID(), code: s.code, level: s.level }));
  if (random.next() < 0.5) skills.push({ id: randomUUID(), name: random.pick(FREE_SKILLS), level: random.int(1, 4) });
  const years = random.int(1, 8);
  const experiences: DemoAlumnusProfile['experiences'] = [
    { title: `${p.teamCode} engineer`, organisation: p.organisationName, startMonth: monthsAgo(joined, years * 12), endMonth: null, description: null },
  ];
  if (random.next() < 0.5)
    experiences.push({
      title: 'Technician',
      organisation: 'Previous employer',
      startMonth: monthsAgo(joined, years * 12 + 30),
      endMonth: monthsAgo(joined, years * 12 + 1),
      description: null,
    });
  const end = joined.minus({ years: years + 1 });
  return {
    person: i,
    joinedAt,
    visibility: random.weighted([
      ['PRIVATE', 15],
      ['ALUMNI', 50],
      ['PARTNERS', 35],
    ] as const),
    hiddenSections: hidden,
    headline: `${p.teamCode} specialist, ${TEST_EVENT.name.replace(' (demo)', '')}`,
    summary: random.next() < 0.5 ? `Worked the ${p.teamCode} team at the test event; ready for the next Games.` : null,
    city,
    country,
    openToWork: random.next() < 0.4,
    desiredRoles: random.next() < 0.5 ? [random.pick(DESIRED)] : [],
    skills,
    languages: p.languages.map((code) => ({ code, level: LEVEL_OF[code] ?? 'B1' })),
    experiences,
    education:
      random.next() < 0.6
        ? [
            {
              institution: random.pick(SCHOOLS),
              area: random.pick(AREAS),
              studyType: 'Bachelor',
              startMonth: end.minus({ years: 3 }).toFormat('yyyy-09'),
              endMonth: end.toFormat('yyyy-06'),
            },
          ]
        : [],
    links: random.next() < 0.5 ? [{ label: 'LinkedIn', url: `https://www.linkedin.example/in/demo-${i}` }] : [],
  };
}

/** alumnus@baton.demo: every section filled, visible to partners. */
function fullProfile(i: number, p: DemoTestPerson, joinedAt: Date): DemoAlumnusProfile {
  const joined = DateTime.fromJSDate(joinedAt);
  return {
    person: i,
    joinedAt,
    visibility: 'PARTNERS',
    hiddenSections: [],
    headline: 'Network engineer, Paris 2024 test event; open to the next Games',
    summary:
      'Network engineer who ran the venue LAN and Wi-Fi at the Stade de France during the Paris 2024 test event.\nLooking for a venue technology role at Milano Cortina 2026 or Los Angeles 2028.',
    city: 'Saint-Denis',
    country: 'FR',
    openToWork: true,
    desiredRoles: ['Venue technology manager', 'Network lead'],
    skills: [
      ...p.skills.map((s) => ({ id: randomUUID(), code: s.code, level: s.level })),
      { id: randomUUID(), name: 'Cisco IOS', level: 3 },
      { id: randomUUID(), name: 'Python', level: 2 },
    ],
    languages: [
      { code: 'fr', level: 'NATIVE' },
      { code: 'en', level: 'C1' },
      { code: 'es', level: 'B1' },
    ],
    experiences: [
      {
        title: 'Network engineer',
        organisation: 'Nordlys Networks',
        startMonth: monthsAgo(joined, 40),
        endMonth: null,
        description: 'Venue networks for sports events.',
      },
      {
        title: 'Network technician',
        organisation: 'Velarion Integration',
        startMonth: monthsAgo(joined, 72),
        endMonth: monthsAgo(joined, 41),
        description: null,
      },
      {
        title: 'IT support intern',
        organisation: 'Ville de Saint-Denis',
        startMonth: monthsAgo(joined, 80),
        endMonth: monthsAgo(joined, 74),
        description: null,
      },
    ],
    education: [
      {
        institution: 'IUT de Saint-Denis',
        area: 'Networks and telecommunications',
        studyType: 'Bachelor',
        startMonth: monthsAgo(joined, 110),
        endMonth: monthsAgo(joined, 82),
      },
      { institution: 'Cisco Networking Academy', area: 'CCNA', studyType: 'Certification', startMonth: monthsAgo(joined, 60), endMonth: monthsAgo(joined, 58) },
    ],
    links: [
      { label: 'LinkedIn', url: 'https://www.linkedin.example/in/demo-alumnus' },
      { label: 'GitHub', url: 'https://github.example/demo-alumnus' },
    ],
  };
}

/**
 * About one endorsement per member, each between two members who attended the same shifts, with
 * the context the API would compute; alumnus@baton.demo receives one from each member colleague.
 */
function endorse(
  people: DemoTestPerson[],
  shifts: DemoTestShift[],
  assignments: DemoTestAssignment[],
  profiles: DemoAlumnusProfile[],
  alumnus: number,
  venues: Map<string, DemoVenue>,
  random: SeededRandom,
): DemoEndorsement[] {
  const attended = new Map<number, Set<number>>();
  for (const a of assignments) if (a.checkedInAt) attended.set(a.person, (attended.get(a.person) ?? new Set()).add(a.shift));
  const byPerson = new Map(profiles.map((p) => [p.person, p]));
  const shared = (a: number, b: number) => [...(attended.get(a) ?? [])].filter((s) => attended.get(b)?.has(s));
  const result: DemoEndorsement[] = [];
  const given = new Set<string>();
  const add = (endorser: number, endorsee: number) => {
    const together = shared(endorser, endorsee);
    const target = byPerson.get(endorsee);
    if (!together.length || !target?.skills.length || endorser === endorsee) return;
    const skill = random.pick(target.skills);
    if (given.has(`${endorser}|${skill.id}`)) return;
    given.add(`${endorser}|${skill.id}`);
    const venue = venues.get(shifts[together[0]].venueCode) as DemoVenue;
    const at = new Date(Math.max(target.joinedAt.getTime(), byPerson.get(endorser)!.joinedAt.getTime()) + 86_400_000);
    result.push({
      endorser,
      endorsee,
      skillId: skill.id,
      shifts: together.length,
      venues: [{ name: venue.name, shifts: together.length }],
      comment: random.pick(COMMENTS),
      at,
    });
  };
  for (const p of profiles) if (p.person !== alumnus && shared(p.person, alumnus).length) add(p.person, alumnus);
  for (const p of profiles) {
    if (random.next() >= 0.7) continue;
    const colleagues = profiles.filter((q) => q.person !== p.person && shared(p.person, q.person).length);
    if (colleagues.length) add(p.person, random.pick(colleagues).person);
  }
  return result;
}
