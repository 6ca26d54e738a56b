import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { GamesSnapshotService } from '@baton/alumni';
import { GamesRecordIssuer } from '@baton/credentials';
import { CvSnapshotBuilder } from '@baton/opportunities';
import { AuditService } from '@baton/audit';
import { Role } from '@baton/auth';
import { Clock, ConflictError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { EventEntity, EventPhase, TeamEntity, VenueEntity, VenueKind } from '@baton/events';
import { PasswordHasher, RoleGrantEntity, UserEntity, UserStatus } from '@baton/identity';
import { OrganisationEntity, OrganisationKind } from '@baton/organisations';
import { AssignmentEntity, AssignmentSource, AssignmentStatus } from '@baton/rostering';
import { ShiftEntity, ShiftSkillEntity, ShiftStatus } from '@baton/scheduling';
import { SkillEntity } from '@baton/skills';
import { SavedSearchAlertsJob } from '@baton/talent';
import { AccreditationStatus, AvailabilityKind, AvailabilityPeriodEntity, EmploymentType, StaffMemberEntity, StaffSkillEntity } from '@baton/staff';
import { EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { DEMO_EMAIL_DOMAINS, DEMO_PASSWORD } from './demo-accounts';
import { buildDemoPlan, type DemoDates, type DemoPlan } from './demo-plan';
import { buildDemoAlumni, TEST_EVENT, type DemoAlumni } from './demo-alumni';
import { writeDemoAlumni, type DemoAlumniCounts } from './demo-alumni.writer';
import { writeDemoApplications, writeDemoOpportunities, type DemoOpportunityCounts } from './demo-opportunities.writer';
import { writeDemoTalent, type DemoTalentCounts } from './demo-talent.writer';
import { buildDemoRoster, type DemoRoster } from './demo-roster';
import { generateStaffIdentities } from './demo-staff';
import { loadParisVenues } from './venues-csv';

export interface DemoSeedOptions {
  /** Same seed, same people (default 2024). */
  seed?: number;
  /**
   * Multiplies the generated people: round(5,300 × scale) staff accounts with a STAFF grant and a
   * staff record in the demo event (default 1, Paris scale; 0 gives only the one-per-role demo
   * logins). Below 1 each shift is kept with probability `scale`; above 1 headcounts grow.
   */
  scale?: number;
  /** Delete the demo event and the demo accounts first instead of refusing. */
  reset?: boolean;
  /** Seed only into a database with no event at all (the first start of the embedded database). */
  onlyIfNoEvents?: boolean;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoProgress {
  step: string;
  done: number;
  total: number;
}

export interface DemoSeedCounts {
  organisations: number;
  organisationsCreated: number;
  venues: number;
  teams: number;
  skills: number;
  skillsCreated: number;
  users: number;
  staff: number;
  roleGrants: number;
  /** Staff records: one per generated account, plus staff@baton.demo. */
  staffMembers: number;
  staffSkills: number;
  availabilityPeriods: number;
  shifts: number;
  draftShifts: number;
  /** Sum of the headcounts; `publishedPlaces` only of published shifts (drafts cannot be assigned). */
  places: number;
  publishedPlaces: number;
  assignments: number;
  confirmed: number;
  checkedIn: number;
  /** assignments / places. */
  fillRate: number;
  /** Time spent computing the roster in memory (rule engine included). */
  rosterMs: number;
  engineChecks: number;
  /** The closed test event a year ago and its alumni (see demo-alumni.ts). */
  alumni: DemoAlumniCounts;
  /** Partner opportunities and applications at every stage (see demo-opportunities.writer.ts). */
  opportunities: DemoOpportunityCounts;
  /** recruiter@baton.demo's saved search (its first digest sent) and contact requests (see demo-talent.writer.ts). */
  talent: DemoTalentCounts;
}

export interface DemoSeedResult {
  eventId: string;
  eventCode: string;
  seed: number;
  scale: number;
  dates: DemoDates;
  counts: DemoSeedCounts;
  /** What `reset` removed first, or null without reset. */
  deleted: { events: number; users: number } | null;
  elapsedMs: number;
}

interface PreparedData {
  plan: DemoPlan;
  eventId: string;
  staff: Array<{ email: string; displayName: string }>;
  roster: DemoRoster;
  alumni: DemoAlumni | null;
  alumniBuildMs: number;
  passwordHash: string;
}

const CHUNK = 1000;
/** Serialises seeders: two API instances starting at once must not both seed. */
const LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('baton.demo-seed'))`;

/**
 * Writes the Paris 2024 demo in one transaction: the event with its venues and teams, the
 * organisations, the skill catalogue, one login per role and the generated staff.
 * Organisations and skills are shared catalogue rows: existing codes are kept, never deleted.
 */
@Injectable()
export class DemoGenerator {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly games: GamesSnapshotService,
    private readonly records: GamesRecordIssuer,
    private readonly snapshots: CvSnapshotBuilder,
    private readonly savedSearchAlerts: SavedSearchAlertsJob,
  ) {}

  /** The demo as data, placed around the clock's today. No database access. */
  plan(options: Pick<DemoSeedOptions, 'seed' | 'scale'> = {}): DemoPlan {
    return buildDemoPlan({ now: this.clock.now(), venues: loadParisVenues(), seed: options.seed, scale: options.scale });
  }

  /** Null when `onlyIfNoEvents` found an event already there. */
  async seed(options: DemoSeedOptions = {}): Promise<DemoSeedResult | null> {
    const started = performance.now();
    const plan = this.plan(options);
    // CPU work before the transaction, so it does not hold the (embedded) database meanwhile.
    options.onProgress?.({ step: 'computing the roster', done: 0, total: 1 });
    const eventId = randomUUID();
    const staff = await generateStaffIdentities(plan.seed, plan.staffCount);
    const demoStaff = plan.accounts.find((a) => a.role === 'STAFF');
    const roster = buildDemoRoster({ plan, identities: staff, now: this.clock.now(), demoStaff, eventId });
    const alumnus = plan.accounts.find((a) => a.role === 'ALUMNUS');
    const alumniStarted = performance.now();
    const alumni = alumnus && demoStaff ? buildDemoAlumni({ plan, roster, now: this.clock.now(), alumnus, staff: demoStaff }) : null;
    const alumniBuildMs = performance.now() - alumniStarted;
    const prepared: PreparedData = {
      plan,
      eventId,
      staff,
      roster,
      alumni,
      alumniBuildMs,
      // One argon2id hash shared by every demo account: hashing 5,300 times would take minutes.
      passwordHash: await this.hasher.hash(DEMO_PASSWORD),
    };
    const result = await this.transactions.run(async ({ manager }) => {
      await manager.query(LOCK_SQL);
      if (options.onlyIfNoEvents && (await manager.getRepository(EventEntity).exists())) return null;
      const deleted = await this.clearOrRefuse(manager, plan, options.reset ?? false);
      return this.write(manager, prepared, deleted, options.onProgress);
    });
    if (result && alumni) {
      // After the commit, as closing the event would have had it done by its job (run here at once,
      // so the demo's verification URLs work from the first start); the system issues them.
      options.onProgress?.({ step: 'signing the Games records', done: 0, total: 1 });
      const [testEvent] = await this.transactions.run(({ manager }) => manager.getRepository(EventEntity).find({ where: { code: TEST_EVENT.code } }));
      result.counts.alumni.verifiedRecords = testEvent ? (await this.records.issueForEvent(testEvent.id, null)).issued : 0;
      options.onProgress?.({ step: 'signing the Games records', done: 1, total: 1 });
    }
    if (result) await this.writeAfterSigning(result);
    if (result) result.elapsedMs = Math.round(performance.now() - started);
    return result;
  }

  /**
   * What a person or a job does once the records are signed: applications (their CV snapshots
   * carry the verified records, as through the API), the demo recruiter's talent exchange, then
   * the saved search's first digest by the alerts job itself. Counted after the seed's audit entry.
   */
  private async writeAfterSigning(result: DemoSeedResult): Promise<void> {
    const now = this.clock.now();
    const { recruiterId, alumnusId, organisationId } = await this.transactions.run(async ({ manager }) => {
      const users = await manager.query<Array<{ id: string; email: string }>>(`SELECT id, email FROM users WHERE email = ANY($1::text[])`, [
        ['recruiter@baton.demo', 'alumnus@baton.demo'],
      ]);
      const [organisation] = await manager.getRepository(OrganisationEntity).find({ where: { code: 'ATLANTEC' } });
      return {
        recruiterId: users.find((u) => u.email === 'recruiter@baton.demo')?.id,
        alumnusId: users.find((u) => u.email === 'alumnus@baton.demo')?.id,
        organisationId: organisation?.id,
      };
    });
    await this.transactions.run(async ({ manager }) => {
      result.counts.opportunities.applications = await writeDemoApplications(manager, { recruiterId }, this.snapshots, now);
      result.counts.talent = await writeDemoTalent(manager, { organisationId, recruiterId, alumnusId }, now);
    });
    const savedSearchId = result.counts.talent.savedSearchId;
    if (savedSearchId) result.counts.talent.alertMatches = await this.savedSearchAlerts.runOne(savedSearchId);
  }

  private async clearOrRefuse(manager: EntityManager, plan: DemoPlan, reset: boolean): Promise<DemoSeedResult['deleted']> {
    if (!reset) {
      const event = await manager.getRepository(EventEntity).existsBy({ code: In([plan.event.code, TEST_EVENT.code]) });
      const accounts = await manager.getRepository(UserEntity).createQueryBuilder('u').where(demoEmailCondition('u'), demoEmailParams()).getCount();
      if (event || accounts) {
        const found = [event ? `the event ${plan.event.code}` : '', accounts ? `${accounts} demo accounts` : ''].filter(Boolean).join(' and ');
        throw new ConflictError(`The database already holds demo data (${found}). Seed with reset (npm run seed -- --reset) to delete it and start over.`, {
          eventCode: plan.event.code,
          accounts,
        });
      }
      return null;
    }
    const codes = [plan.event.code, TEST_EVENT.code];
    // Shifts first: they RESTRICT the deletion of venues and teams, which the event's deletion
    // cascades to (assignments and required skills go with the shifts).
    await manager.query(`DELETE FROM shifts WHERE event_id IN (SELECT id FROM events WHERE code = ANY($1::text[]))`, [codes]);
    // Venues, teams, staff records, grants and invitations of the event go with it (ON DELETE CASCADE);
    // grants, sessions, password resets and alumni profiles of the demo accounts go with the accounts.
    const events = await manager.createQueryBuilder().delete().from(EventEntity).where('code IN (:...codes)', { codes }).execute();
    const accounts = await manager.createQueryBuilder().delete().from(UserEntity).where(demoEmailCondition(), demoEmailParams()).execute();
    return { events: events.affected ?? 0, users: accounts.affected ?? 0 };
  }

  private async write(
    manager: EntityManager,
    { plan, eventId, staff, roster, alumni, alumniBuildMs, passwordHash }: PreparedData,
    deleted: DemoSeedResult['deleted'],
    onProgress?: (progress: DemoProgress) => void,
  ): Promise<DemoSeedResult> {
    const total = 6 + 2 * (plan.accounts.length + staff.length) + roster.staff.length + roster.shifts.length + roster.assignments.length;
    let done = 0;
    const progress = (step: string, amount = 1) => {
      done += amount;
      onProgress?.({ step, done, total });
    };

    await insertRows(manager, EventEntity, [
      {
        id: eventId,
        code: plan.event.code,
        name: plan.event.name,
        timeZone: plan.event.timeZone,
        startsOn: plan.event.startsOn,
        endsOn: plan.event.endsOn,
        phase: EventPhase[plan.event.phase],
      },
    ]);
    progress('event');

    const organisationIds = await this.upsertByCode(
      manager,
      OrganisationEntity,
      plan.organisations.map((o) => ({ code: o.code, name: o.name, kind: OrganisationKind[o.kind], website: o.website })),
    );
    progress('organisations');

    const skillIds = await this.upsertByCode(
      manager,
      SkillEntity,
      plan.skills.map((s) => ({ ...s })),
    );
    progress('skills');

    const venueIds = new Map(plan.venues.map((v) => [v.code, randomUUID()]));
    await insertRows(
      manager,
      VenueEntity,
      plan.venues.map((v) => ({
        id: venueIds.get(v.code),
        eventId,
        code: v.code,
        name: v.name,
        city: v.city,
        kind: VenueKind[v.kind],
        timeZone: v.timeZone,
        zones: v.zones,
      })),
    );
    progress('venues');

    const teamIds = new Map(plan.teams.map((t) => [t.code, randomUUID()]));
    await insertRows(
      manager,
      TeamEntity,
      plan.teams.map((t) => ({ id: teamIds.get(t.code), eventId, code: t.code, name: t.name })),
    );
    progress('teams');

    const people = [
      ...plan.accounts.map((a) => ({ id: randomUUID(), email: a.email, displayName: a.displayName, account: a })),
      ...staff.map((s) => ({ id: randomUUID(), email: s.email, displayName: s.displayName, account: undefined })),
    ];
    await insertRows(
      manager,
      UserEntity,
      people.map((p) => ({ id: p.id, email: p.email, displayName: p.displayName, passwordHash, status: UserStatus.ACTIVE })),
      (n) => progress('users', n),
    );

    const grants = people.map(({ id: userId, account }) => {
      const role = account ? Role[account.role] : Role.STAFF;
      const forEvent = role === Role.COORDINATOR || role === Role.STAFF;
      return {
        id: randomUUID(),
        userId,
        role,
        eventId: forEvent ? eventId : null,
        organisationId: account?.organisationCode ? (organisationIds.get(account.organisationCode) ?? null) : null,
        venueIds: (account?.venueCodes ?? []).map((code) => venueIds.get(code) as string),
        teamIds: [],
        grantedById: null,
      };
    });
    await insertRows(manager, RoleGrantEntity, grants, (n) => progress('role grants', n));

    const staffing = await this.writeStaffing(
      manager,
      { eventId, roster, ids: { users: new Map(people.map((p) => [p.email, p.id])), organisationIds, skillIds, venueIds, teamIds } },
      progress,
    );

    const alumniWriteStarted = performance.now();
    const alumniCounts = alumni
      ? await writeDemoAlumni(
          manager,
          alumni,
          plan,
          { users: new Map(people.map((p) => [p.email, p.id])), organisationIds, skillIds },
          this.games,
          (m, entity, rows) => insertRows(m, entity, rows),
        )
      : { testEventStaff: 0, testEventShifts: 0, testEventAssignments: 0, alumni: 0, endorsements: 0, verifiedRecords: 0, elapsedMs: 0 };
    alumniCounts.elapsedMs = Math.round(alumniBuildMs + performance.now() - alumniWriteStarted);
    progress('alumni');

    const opportunityCounts = await writeDemoOpportunities(
      manager,
      { organisationIds, skillIds, recruiterId: people.find((p) => p.email === 'recruiter@baton.demo')?.id },
      this.clock.now(),
    );

    const counts: DemoSeedCounts = {
      organisations: organisationIds.size,
      organisationsCreated: organisationIds.created,
      venues: plan.venues.length,
      teams: plan.teams.length,
      skills: skillIds.size,
      skillsCreated: skillIds.created,
      users: people.length,
      staff: staff.length,
      roleGrants: grants.length,
      ...staffing,
      rosterMs: roster.stats.rosterMs,
      engineChecks: roster.stats.engineChecks,
      alumni: alumniCounts,
      opportunities: opportunityCounts,
      talent: { savedSearchId: null, alertMatches: 0, contactRequests: { accepted: 0, pending: 0, declined: 0 } },
    };
    await this.audit.record(manager, {
      actorUserId: null,
      action: 'demo.seeded',
      entityType: 'event',
      entityId: eventId,
      eventId,
      before: deleted ? { deleted } : null,
      after: { seed: plan.seed, scale: plan.scale, ...counts },
      reason: deleted ? 'demo data reset' : 'demo data generated',
    });
    return { eventId, eventCode: plan.event.code, seed: plan.seed, scale: plan.scale, dates: plan.dates, counts, deleted, elapsedMs: 0 };
  }

  /**
   * Staff records with skills and availability, shifts with required skills, then the automatic
   * roster. Assignments go in through the database's triggers (times copied from the shift,
   * active_count incremented under its CHECK) and exclusion constraint, which double-check the
   * in-memory roster.
   */
  private async writeStaffing(
    manager: EntityManager,
    { eventId, roster, ids }: { eventId: string; roster: DemoRoster; ids: StaffingIds },
    progress: (step: string, amount?: number) => void,
  ) {
    const id = (map: Map<string, string>, code: string, what: string): string => {
      const found = map.get(code);
      if (!found) throw new Error(`Demo data refers to an unknown ${what} ${code}`);
      return found;
    };
    await insertRows(
      manager,
      StaffMemberEntity,
      roster.staff.map((p) => ({
        id: p.id,
        eventId,
        userId: ids.users.get(p.email) ?? null,
        organisationId: id(ids.organisationIds, p.organisationCode, 'organisation'),
        teamId: id(ids.teamIds, p.teamCode, 'team'),
        homeVenueId: id(ids.venueIds, p.homeVenueCode, 'venue'),
        displayName: p.displayName,
        email: p.email.toLowerCase(),
        phone: null,
        employmentType: EmploymentType[p.employmentType],
        languages: p.languages,
        accreditationZones: p.zones,
        accreditationStatus: AccreditationStatus[p.accreditationStatus],
        externalRef: p.externalRef,
      })),
      (n) => progress('staff members', n),
    );
    const staffSkills = roster.staff.flatMap((p) => p.skills.map((s) => ({ staffMemberId: p.id, skillId: id(ids.skillIds, s.code, 'skill'), level: s.level })));
    await insertRows(manager, StaffSkillEntity, staffSkills);
    const periods = roster.staff.flatMap((p) =>
      p.unavailable.map((u) => ({
        id: randomUUID(),
        staffMemberId: p.id,
        kind: AvailabilityKind.UNAVAILABLE,
        startsAt: u.startsAt,
        endsAt: u.endsAt,
        note: 'Demo: not available',
      })),
    );
    await insertRows(manager, AvailabilityPeriodEntity, periods);

    await insertRows(
      manager,
      ShiftEntity,
      roster.shifts.map((s) => ({
        id: s.id,
        eventId,
        venueId: id(ids.venueIds, s.venueCode, 'venue'),
        teamId: id(ids.teamIds, s.teamCode, 'team'),
        roleTitle: s.roleTitle,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        headcount: s.headcount,
        status: ShiftStatus[s.status],
        notes: null,
        createdById: null,
      })),
      (n) => progress('shifts', n),
    );
    const shiftSkills = roster.shifts.flatMap((s) =>
      s.requiredSkills.map((r) => ({ shiftId: s.id, skillId: id(ids.skillIds, r.code, 'skill'), minLevel: r.minLevel })),
    );
    await insertRows(manager, ShiftSkillEntity, shiftSkills);

    await insertRows(
      manager,
      AssignmentEntity,
      roster.assignments.map((a) => {
        const shift = roster.shifts[a.shift];
        return {
          id: randomUUID(),
          eventId,
          shiftId: shift.id,
          staffMemberId: roster.staff[a.staff].id,
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
          status: AssignmentStatus[a.status],
          source: AssignmentSource.AUTO,
          assignedById: null,
          checkedInAt: a.checkedInAt,
          checkedOutAt: a.checkedOutAt,
          // Badge scans at the venue (assignments.check_in_method, from the Attendance migration).
          checkInMethod: a.checkedInAt ? 'BADGE' : null,
        };
      }),
      (n) => progress('assignments', n),
    );
    const places = roster.stats.places;
    return {
      staffMembers: roster.staff.length,
      staffSkills: staffSkills.length,
      availabilityPeriods: periods.length,
      shifts: roster.shifts.length,
      draftShifts: roster.shifts.filter((s) => s.status === 'DRAFT').length,
      places,
      publishedPlaces: roster.stats.publishedPlaces,
      assignments: roster.assignments.length,
      confirmed: roster.assignments.filter((a) => a.status === 'CONFIRMED').length,
      checkedIn: roster.assignments.filter((a) => a.checkedInAt).length,
      fillRate: places ? Math.round((roster.assignments.length / places) * 1000) / 1000 : 0,
    };
  }

  /** Inserts the rows whose code is missing and returns the id of every code, with how many were new. */
  private async upsertByCode<T extends { code: string }>(
    manager: EntityManager,
    entity: EntityTarget<ObjectLiteral>,
    rows: T[],
  ): Promise<Map<string, string> & { created: number }> {
    const codes = rows.map((r) => r.code);
    const repository = manager.getRepository(entity);
    const before = new Set((await repository.find({ select: { code: true }, where: { code: In(codes) } })).map((r) => r.code as string));
    const missing = rows.filter((r) => !before.has(r.code));
    if (missing.length) await manager.createQueryBuilder().insert().into(entity).values(missing).orIgnore().updateEntity(false).execute();
    const all = await repository.find({ select: { id: true, code: true }, where: { code: In(codes) } });
    return Object.assign(new Map(all.map((r) => [r.code as string, r.id as string])), { created: missing.length });
  }
}

interface StaffingIds {
  users: Map<string, string>;
  organisationIds: Map<string, string>;
  skillIds: Map<string, string>;
  venueIds: Map<string, string>;
  teamIds: Map<string, string>;
}

/** Multi-row INSERTs of at most 1,000 rows: few round trips, and well under PostgreSQL's 65,535 parameters. */
async function insertRows(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[], onChunk?: (rows: number) => void): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await manager.createQueryBuilder().insert().into(entity).values(chunk).updateEntity(false).execute();
    onChunk?.(chunk.length);
  }
}

function demoEmailCondition(alias?: string): string {
  const column = alias ? `${alias}.email` : 'email';
  return DEMO_EMAIL_DOMAINS.map((_, i) => `${column} LIKE :demoDomain${i}`).join(' OR ');
}

function demoEmailParams(): Record<string, string> {
  return Object.fromEntries(DEMO_EMAIL_DOMAINS.map((domain, i) => [`demoDomain${i}`, `%@${domain}`]));
}
