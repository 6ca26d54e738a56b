import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Role } from '@baton/auth';
import { Clock, ConflictError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { EventEntity, EventPhase, TeamEntity, VenueEntity, VenueKind } from '@baton/events';
import { PasswordHasher, RoleGrantEntity, UserEntity, UserStatus } from '@baton/identity';
import { OrganisationEntity, OrganisationKind } from '@baton/organisations';
import { SkillEntity } from '@baton/skills';
import { EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { DEMO_EMAIL_DOMAINS, DEMO_PASSWORD } from './demo-accounts';
import { buildDemoPlan, type DemoDates, type DemoPlan } from './demo-plan';
import { generateStaffIdentities } from './demo-staff';
import { loadParisVenues } from './venues-csv';

export interface DemoSeedOptions {
  /** Same seed, same people (default 2024). */
  seed?: number;
  /**
   * Multiplies the generated people: round(5,300 × scale) staff accounts with a STAFF grant
   * in the demo event (default 1, Paris scale; 0 gives only the one-per-role demo logins).
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
  staff: Array<{ email: string; displayName: string }>;
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
    const prepared: PreparedData = {
      plan,
      staff: await generateStaffIdentities(plan.seed, plan.staffCount),
      // One argon2id hash shared by every demo account: hashing 5,300 times would take minutes.
      passwordHash: await this.hasher.hash(DEMO_PASSWORD),
    };
    const result = await this.transactions.run(async ({ manager }) => {
      await manager.query(LOCK_SQL);
      if (options.onlyIfNoEvents && (await manager.getRepository(EventEntity).exists())) return null;
      const deleted = await this.clearOrRefuse(manager, plan, options.reset ?? false);
      return this.write(manager, prepared, deleted, options.onProgress);
    });
    if (result) result.elapsedMs = Math.round(performance.now() - started);
    return result;
  }

  private async clearOrRefuse(manager: EntityManager, plan: DemoPlan, reset: boolean): Promise<DemoSeedResult['deleted']> {
    if (!reset) {
      const event = await manager.getRepository(EventEntity).existsBy({ code: plan.event.code });
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
    // Venues, teams, grants and invitations of the event go with it (ON DELETE CASCADE);
    // grants, sessions and password resets of the demo accounts go with the accounts.
    const events = await manager.createQueryBuilder().delete().from(EventEntity).where('code = :code', { code: plan.event.code }).execute();
    const accounts = await manager.createQueryBuilder().delete().from(UserEntity).where(demoEmailCondition(), demoEmailParams()).execute();
    return { events: events.affected ?? 0, users: accounts.affected ?? 0 };
  }

  private async write(
    manager: EntityManager,
    { plan, staff, passwordHash }: PreparedData,
    deleted: DemoSeedResult['deleted'],
    onProgress?: (progress: DemoProgress) => void,
  ): Promise<DemoSeedResult> {
    const total = 5 + 2 * (plan.accounts.length + staff.length);
    let done = 0;
    const progress = (step: string, amount = 1) => {
      done += amount;
      onProgress?.({ step, done, total });
    };

    const eventId = randomUUID();
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

    const skillIds = await this.upsertByCode(manager, SkillEntity, plan.skills.map((s) => ({ ...s })));
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

    await insertRows(manager, TeamEntity, plan.teams.map((t) => ({ id: randomUUID(), eventId, code: t.code, name: t.name })));
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
