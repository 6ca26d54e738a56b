import { SavedSearchAlertsJob } from '@baton/talent';
import { CvSnapshotBuilder } from '@baton/opportunities';
import { parseArgs } from 'node:util';
import { INestApplicationContext } from '@nestjs/common';
import { GamesSnapshotService } from '@baton/alumni';
import { GamesRecordIssuer } from '@baton/credentials';
import { AuditService } from '@baton/audit';
import { BatonConfig } from '@baton/config';
import { Clock } from '@baton/core';
import { DatabaseEndpoint, TransactionRunner } from '@baton/database';
import { DemoGenerator, type DemoProgress } from '@baton/demo';
import { PasswordHasher } from '@baton/identity';
import { Presets, SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';

const USAGE = 'usage: npm run seed -- [--scale <n>] [--seed <n>] [--reset]';

interface SeedArgs {
  scale?: number;
  seed?: number;
  reset: boolean;
}

export function parseSeedArgs(argv: string[]): SeedArgs {
  // `npm run seed -- --scale 1` may hand us the `--` itself; parseArgs would treat what follows as positionals.
  const args = argv.filter((a) => a !== '--');
  const { values } = parseArgs({
    args,
    options: { scale: { type: 'string' }, seed: { type: 'string' }, reset: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  const number = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) throw new Error(`--${name} must be a number, not "${text}"\n${USAGE}`);
    return value;
  };
  return { scale: number('scale', values.scale), seed: number('seed', values.seed), reset: values.reset ?? false };
}

/**
 * `seed`: writes the Paris 2024 demo into the configured database (DATABASE_URL, or the
 * embedded one in BATON_DATA_DIR). The CLI context has no DemoModule, so the generator is
 * built here from the providers the domain modules already hold.
 */
export async function runSeedCommand(app: INestApplicationContext, argv: string[]): Promise<void> {
  let args: SeedArgs;
  try {
    args = parseSeedArgs(argv);
  } catch (error) {
    throw new Error(`${(error as Error).message.split('\n')[0]}\n${USAGE}`, { cause: error });
  }
  const dataSource = app.get(DataSource);
  if (await dataSource.showMigrations()) throw new Error('The database schema is not up to date: run `npm run migration:run` first.');

  const config = app.get(BatonConfig);
  const endpoint = app.get(DatabaseEndpoint);
  const generator = new DemoGenerator(
    app.get(TransactionRunner),
    app.get(PasswordHasher),
    app.get(Clock),
    app.get(AuditService),
    app.get(GamesSnapshotService),
    app.get(GamesRecordIssuer),
    app.get(CvSnapshotBuilder),
    app.get(SavedSearchAlertsJob),
  );
  const where = endpoint.kind === 'embedded' ? `the embedded database in ${config.database.dataDir}` : 'the PostgreSQL server (DATABASE_URL)';
  const plan = generator.plan(args);
  console.log(
    `Seeding the Paris 2024 demo (seed ${plan.seed}, scale ${plan.scale}: ${plan.staffCount} staff) into ${where}${args.reset ? ', after deleting the old demo data' : ''}`,
  );

  const bar = process.stdout.isTTY
    ? new SingleBar({ format: '  {bar} {percentage}% | {step} | {value}/{total}', hideCursor: true, etaBuffer: 1000 }, Presets.shades_classic)
    : undefined;
  let started = false;
  let lastTotal = 0;
  const onProgress = ({ step, done, total }: DemoProgress) => {
    if (!bar) {
      // No terminal (CI, a pipe): one line per step instead of a bar.
      if (step !== lastStep) console.log(`  … ${step}`);
      lastStep = step;
      return;
    }
    if (!started) {
      bar.start(total, 0, { step });
      started = true;
    } else if (total !== lastTotal) bar.setTotal(total);
    lastTotal = total;
    bar.update(done, { step });
  };
  let lastStep = '';

  let result;
  try {
    result = await generator.seed({ scale: args.scale, seed: args.seed, reset: args.reset, onProgress });
  } finally {
    if (started) bar?.stop();
  }
  if (!result) return;
  const c = result.counts;
  const rows: Array<[string, string]> = [
    ['event', `${result.eventCode}: ${result.dates.startsOn} to ${result.dates.endsOn}, opening ${result.dates.openingOn}`],
    ['organisations', `${c.organisations} (${c.organisationsCreated} new)`],
    ['venues', String(c.venues)],
    ['teams', String(c.teams)],
    ['skills', `${c.skills} (${c.skillsCreated} new)`],
    ['accounts', `${c.users} (${c.users - c.staff} demo logins + ${c.staff} staff)`],
    ['role grants', String(c.roleGrants)],
    ['staff records', `${c.staffMembers} (${c.staffSkills} skills, ${c.availabilityPeriods} unavailable periods)`],
    ['shifts', `${c.shifts} (${c.draftShifts} draft), ${c.places} places`],
    [
      'assignments',
      `${c.assignments} (fill ${(c.fillRate * 100).toFixed(1)} %, ${c.confirmed} confirmed, ${c.checkedIn} checked in); ` +
        `roster computed in ${(c.rosterMs / 1000).toFixed(1)} s with ${c.engineChecks} rule checks`,
    ],
    [
      'alumni',
      `test event ${c.alumni.testEventStaff} staff, ${c.alumni.testEventShifts} shifts, ${c.alumni.testEventAssignments} assignments; ` +
        `${c.alumni.alumni} members, ${c.alumni.endorsements} endorsements, ${c.alumni.verifiedRecords} signed Games records`,
    ],
  ];
  if (result.deleted) rows.unshift(['deleted first', `${result.deleted.events} event, ${result.deleted.users} accounts`]);
  console.log(rows.map(([label, value]) => `  ${label.padEnd(14)} ${value}`).join('\n'));
  console.log(`Done in ${(result.elapsedMs / 1000).toFixed(1)} s. Log in as admin@baton.demo with the password baton-demo-2024.`);
}
