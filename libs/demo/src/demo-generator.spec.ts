import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FixedClock } from '@baton/core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { buildDemoAlumni } from './demo-alumni';
import { demoBanner } from './demo-banner';
import { DEMO_ORGANISATIONS, DEMO_SKILLS, DEMO_TEAMS } from './demo-catalogue';
import { buildDemoPlan, demoDates, STAFF_PER_SCALE } from './demo-plan';
import { SeededRandom } from './random';
import { buildDemoRoster } from './demo-roster';
import { emailPart, generateStaffIdentities } from './demo-staff';
import { loadParisVenues, parseVenuesCsv } from './venues-csv';

const CODE = /^[A-Z0-9-]{1,16}$/;

describe('venues csv', () => {
  const venues = loadParisVenues();

  it('reads the 40 Paris 2024 venues from libs/demo/data', () => {
    expect(venues).toHaveLength(40);
    expect(new Set(venues.map((v) => v.code)).size).toBe(40);
    expect(venues.filter((v) => v.kind === 'NON_COMPETITION').map((v) => v.code)).toEqual(['OPV', 'IBC', 'MPC', 'TOC', 'ACC']);
  });

  it("places Teahupo'o in Pacific/Tahiti and keeps apostrophes inside fields", () => {
    const teahupoo = venues.find((v) => v.code === 'THP');
    expect(teahupoo).toMatchObject({ name: "Teahupo'o", city: "Teahupo'o (Tahiti)", kind: 'COMPETITION', timeZone: 'Pacific/Tahiti', sports: ['surfing'] });
    expect(venues.find((v) => v.code === 'PMS')?.city).toBe("Villeneuve-d'Ascq");
    expect(venues.filter((v) => v.timeZone !== 'Europe/Paris').map((v) => v.code)).toEqual(['THP']);
  });

  it('splits sports and leaves them empty for non-competition venues', () => {
    expect(venues.find((v) => v.code === 'STF')?.sports).toEqual(['athletics', 'rugby sevens']);
    expect(venues.find((v) => v.code === 'TOC')?.sports).toEqual([]);
  });

  it('is the same file as the shared reference data when that is present', () => {
    const shared = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'paris2024-venues.csv');
    let text: string | undefined;
    try {
      text = readFileSync(shared, 'utf8');
    } catch {
      return; // a fresh clone has no ../shared: the copy in libs/demo/data is the source
    }
    expect(parseVenuesCsv(text)).toEqual(venues);
  });

  it('refuses what the hand parser cannot read correctly', () => {
    const header = 'code,name,city,kind,timezone,sports\n';
    expect(() => parseVenuesCsv('a,b\n')).toThrow(/header/);
    expect(() => parseVenuesCsv(`${header}ABC,"Arena, North",Paris,competition,Europe/Paris,\n`)).toThrow(/quoted/);
    expect(() => parseVenuesCsv(`${header}ABC,Arena,Paris,stadium,Europe/Paris,\n`)).toThrow(/kind/);
    expect(() => parseVenuesCsv(`${header}ABC,Arena,Paris,competition,Europe/Lutece,\n`)).toThrow(/time zone/);
    expect(() => parseVenuesCsv(`${header}ABC,Arena,Paris,competition,Europe/Paris,\nABC,Arena,Paris,competition,Europe/Paris,\n`)).toThrow(/duplicate/);
    expect(parseVenuesCsv(`\uFEFF${header.replace('\n', '\r\n')}ABC,Arena,Paris,competition,Europe/Paris,judo\r\n`)).toEqual([
      { code: 'ABC', name: 'Arena', city: 'Paris', kind: 'COMPETITION', timeZone: 'Europe/Paris', sports: ['judo'] },
    ]);
  });
});

describe('demo dates', () => {
  it('opens five days after the clock’s today and runs 21 days before to 16 days after the opening', () => {
    const clock = new FixedClock(new Date('2026-03-10T09:00:00Z'));
    expect(demoDates(clock.now())).toEqual({ today: '2026-03-10', openingOn: '2026-03-15', startsOn: '2026-02-22', endsOn: '2026-03-31' });
  });

  it('takes "today" in Paris, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(demoDates(new Date('2026-12-31T23:30:00Z')).today).toBe('2027-01-01');
    // Across the spring clock change the dates stay whole days.
    expect(demoDates(new Date('2026-03-25T12:00:00Z'))).toMatchObject({ openingOn: '2026-03-30', startsOn: '2026-03-09', endsOn: '2026-04-15' });
  });

  it('makes the Games 17 days long and the event 38 days long', () => {
    const dates = demoDates(new Date('2026-07-01T12:00:00Z'));
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    expect(days(dates.openingOn, dates.endsOn) + 1).toBe(17);
    expect(days(dates.startsOn, dates.endsOn) + 1).toBe(38);
    expect(dates.startsOn <= dates.today && dates.today <= dates.endsOn).toBe(true);
  });
});

describe('demo plan', () => {
  const venues = loadParisVenues();
  const now = new Date('2026-05-04T08:00:00Z');

  it('is the same for the same seed, scale and clock', () => {
    const a = buildDemoPlan({ now, venues, seed: 42, scale: 1 });
    const b = buildDemoPlan({ now: new Date(now), venues: loadParisVenues(), seed: 42, scale: 1 });
    expect(JSON.stringify(a)).toEqual(JSON.stringify(b));
  });

  it('describes the Paris 2024 demo event around the clock’s today', () => {
    const plan = buildDemoPlan({ now, venues });
    expect(plan.event).toEqual({
      code: 'PAR24',
      name: 'Paris 2024 (demo)',
      timeZone: 'Europe/Paris',
      phase: 'GAMES',
      startsOn: '2026-04-18',
      endsOn: '2026-05-25',
    });
    expect(plan.dates.openingOn).toBe('2026-05-09');
    expect(plan.seed).toBe(2024);
  });

  it('has the expected catalogue with valid codes', () => {
    const plan = buildDemoPlan({ now, venues });
    const kinds = plan.organisations.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o.kind]: (acc[o.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ COMMITTEE: 1, PARTNER: 15, CONTRACTOR: 2, VOLUNTEER_PROGRAMME: 1 });
    expect(plan.organisations.find((o) => o.kind === 'COMMITTEE')?.code).toBe('OCOG');
    expect(plan.teams).toHaveLength(25);
    expect(plan.skills.length).toBeGreaterThanOrEqual(40);
    for (const list of [DEMO_ORGANISATIONS, DEMO_TEAMS, DEMO_SKILLS]) {
      const codes = list.map((x) => x.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
    expect(plan.organisations.every((o) => /^[A-Z0-9-]{2,16}$/.test(o.code))).toBe(true);
    expect(plan.teams.every((t) => /^[A-Z0-9-]{2,16}$/.test(t.code))).toBe(true);
    expect(plan.skills.every((s) => /^[A-Z0-9_-]{2,32}$/.test(s.code))).toBe(true);
    expect(plan.venues.every((v) => v.zones.length > 0 && v.zones.every((z) => CODE.test(z)))).toBe(true);
    expect(plan.venues.find((v) => v.code === 'TOC')?.zones).toContain('TOC');
    expect(plan.venues.find((v) => v.code === 'STF')?.zones).toEqual(expect.arrayContaining(['FOP', 'TECH', 'VEN']));
  });

  it('scales the generated staff and refuses a nonsensical scale or seed', () => {
    expect(buildDemoPlan({ now, venues }).staffCount).toBe(STAFF_PER_SCALE);
    expect(buildDemoPlan({ now, venues, scale: 0.5 }).staffCount).toBe(2650);
    expect(buildDemoPlan({ now, venues, scale: 0 }).staffCount).toBe(0);
    expect(() => buildDemoPlan({ now, venues, scale: -1 })).toThrow(/scale/);
    expect(() => buildDemoPlan({ now, venues, scale: Number.NaN })).toThrow(/scale/);
    expect(() => buildDemoPlan({ now, venues, seed: 1.5 })).toThrow(/seed/);
  });

  it('has one demo login per role, with scopes the role_grants check accepts', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.role).sort()).toEqual(['ADMIN', 'ALUMNUS', 'COORDINATOR', 'COORDINATOR', 'RECRUITER', 'STAFF']);
    expect(DEMO_ACCOUNTS.every((a) => a.password === DEMO_PASSWORD && a.email === a.email.toLowerCase())).toBe(true);
    const venueCoordinator = DEMO_ACCOUNTS.find((a) => a.email === 'venue-coordinator@baton.demo');
    expect(venueCoordinator?.venueCodes).toHaveLength(2);
    expect(venueCoordinator?.venueCodes).toContain('STF');
    for (const account of DEMO_ACCOUNTS) {
      if (account.venueCodes?.length) expect(account.role).toBe('COORDINATOR');
      expect(Boolean(account.organisationCode)).toBe(account.role === 'RECRUITER');
    }
    const recruiterOrg = DEMO_ORGANISATIONS.find((o) => o.code === DEMO_ACCOUNTS.find((a) => a.role === 'RECRUITER')?.organisationCode);
    expect(recruiterOrg?.kind).toBe('PARTNER');
  });
});

describe('seeded random and staff emails', () => {
  it('repeats the same sequence for the same seed', () => {
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.int(0, 1_000_000));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('folds names into plain email parts', () => {
    expect(emailPart('Hélène')).toBe('helene');
    expect(emailPart('Łukasz')).toBe('lukasz');
    expect(emailPart("D'Amico")).toBe('damico');
    expect(emailPart('Jean-Luc')).toBe('jean-luc');
    expect(emailPart('Müller Straße')).toBe('muller-strasse');
    expect(emailPart('李')).toBe('staff');
  });
});

describe('demo banner', () => {
  it('shows the API, the IDE and every demo login', () => {
    const banner = demoBanner('http://localhost:4000/');
    expect(banner).toContain('http://localhost:4000/graphql');
    expect(banner).toContain('http://localhost:4000/graphiql');
    for (const account of DEMO_ACCOUNTS) expect(banner).toContain(account.email);
    expect(banner).toContain(DEMO_PASSWORD);
    expect(demoBanner('http://localhost:4000', { ide: false })).not.toContain('/graphiql');
  });
});

describe('demo roster', () => {
  const venues = loadParisVenues();
  const build = async (now: Date, scale = 0.05) => {
    const plan = buildDemoPlan({ now, venues, scale });
    const identities = await generateStaffIdentities(plan.seed, plan.staffCount);
    return buildDemoRoster({ plan, identities, now, demoStaff: { email: 'staff@baton.demo', displayName: 'Demo Staff Member' } });
  };
  const shape = (r: Awaited<ReturnType<typeof build>>) => ({
    staff: r.staff.map(({ id: _id, ...p }) => p),
    shifts: r.shifts.map(({ id: _id, ...s }) => s),
    assignments: r.assignments.map((a) => [a.shift, a.staff]),
  });

  it('is the same roster for the same seed and day, whatever the time of day (only attendance moves)', async () => {
    const morning = await build(new Date('2026-07-22T06:00:00Z'));
    const evening = await build(new Date('2026-07-22T19:00:00Z'));
    expect(shape(morning)).toEqual(shape(evening));
    expect(morning.assignments.length).toBeGreaterThan(0);
  });

  it("staffs shifts in the venue's zone, within headcount, never twice for one person at once", async () => {
    const roster = await build(new Date('2026-07-22T08:00:00Z'));
    const perShift = new Map<number, number>();
    for (const a of roster.assignments) perShift.set(a.shift, (perShift.get(a.shift) ?? 0) + 1);
    for (const [shift, count] of perShift) expect(count).toBeLessThanOrEqual(roster.shifts[shift].headcount);
    const byPerson = new Map<number, Array<[number, number]>>();
    for (const a of roster.assignments) {
      const s = roster.shifts[a.shift];
      byPerson.set(a.staff, [...(byPerson.get(a.staff) ?? []), [s.startsAt.getTime(), s.endsAt.getTime()]]);
    }
    for (const intervals of byPerson.values()) {
      intervals.sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < intervals.length; i++) expect(intervals[i][0]).toBeGreaterThanOrEqual(intervals[i - 1][1]);
    }
    const tahiti = roster.shifts.filter((s) => s.venueCode === 'THP');
    expect(tahiti.length).toBeGreaterThan(0);
    expect(tahiti.every((s) => ['17:00', '01:00'].includes(s.startsAt.toISOString().slice(11, 16)))).toBe(true);
  });
});

describe('demo alumni', () => {
  const now = new Date('2026-07-22T09:30:00Z');
  const build = async () => {
    const plan = buildDemoPlan({ now, venues: loadParisVenues(), scale: 0.05 });
    const identities = await generateStaffIdentities(plan.seed, plan.staffCount);
    const staff = plan.accounts.find((a) => a.role === 'STAFF')!;
    const roster = buildDemoRoster({ plan, identities, now, demoStaff: staff });
    const alumnus = plan.accounts.find((a) => a.role === 'ALUMNUS')!;
    return buildDemoAlumni({ plan, roster, now, alumnus, staff });
  };
  // Ids are fresh UUIDs on every run; everything else must repeat.
  const withoutIds = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v) => (/^(id|staffId|skillId)$/.test(key) ? undefined : v)));

  it('is the same for the same seed, and places the test event a year ago, closed', async () => {
    const [a, b] = [await build(), await build()];
    expect(withoutIds(a)).toEqual(withoutIds(b));
    expect(a.event).toMatchObject({ code: 'PAR23T', startsOn: '2025-07-22', endsOn: '2025-07-26' });
  });

  it('lets 60 % of the generated staff join, the demo alumnus always, the demo staff member never', async () => {
    const alumni = await build();
    const generated = alumni.people.length - 2;
    const joined = alumni.profiles.map((p) => alumni.people[p.person].email);
    expect(joined).toContain('alumnus@baton.demo');
    expect(joined).not.toContain('staff@baton.demo');
    expect(joined.length - 1).toBe(Math.round(generated * 0.6));
    expect(new Set(alumni.profiles.map((p) => p.visibility))).toEqual(new Set(['PRIVATE', 'ALUMNI', 'PARTNERS']));
  });

  it('endorses only between members who attended a shift together, never the same skill twice by one person', async () => {
    const alumni = await build();
    const attended = new Map<number, Set<number>>();
    for (const a of alumni.assignments) if (a.checkedInAt) attended.set(a.person, (attended.get(a.person) ?? new Set()).add(a.shift));
    expect(alumni.endorsements.length).toBeGreaterThan(0);
    for (const e of alumni.endorsements) {
      const shared = [...(attended.get(e.endorser) ?? [])].filter((s) => attended.get(e.endorsee)?.has(s));
      expect(shared.length).toBe(e.shifts);
    }
    expect(new Set(alumni.endorsements.map((e) => `${e.endorser}|${e.skillId}`)).size).toBe(alumni.endorsements.length);
  });
});
