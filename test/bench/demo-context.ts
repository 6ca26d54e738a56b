import { DemoData, DemoSeedResult, gatherDemoData, seedDemo } from './database';
import type { BenchContext } from './scenarios';
import { DEMO, log, Settings } from './settings';
import { buildAssignPairs, login, mapLimit } from './setup-calls';
import type { StartedApi } from './servers';

export interface DemoContext {
  data: DemoData;
  seeded: DemoSeedResult;
  /** Everything but the baseline's URL, which is known once the baseline runs. */
  ctx: Omit<BenchContext, 'baselineUrl'>;
  validPairs: number;
}

/** The demo through Baton's own CLI, the samples the scenarios ask for, and the tokens they send. */
export async function prepareDemo(settings: Settings, databaseUrl: string, { apiUrl, apiEnv }: StartedApi): Promise<DemoContext> {
  const names = settings.scenarios.map((s) => s.name);
  // Into the migrated database, with the API's env but no port.
  const seeded = await seedDemo(settings.scale, { ...apiEnv, PORT: undefined, HOST: undefined, LOG_LEVEL: 'warn' });
  log(`seeded the demo at scale ${settings.scale} in ${seeded.seconds.toFixed(1)}s`);
  const data = await gatherDemoData(databaseUrl, {
    eventCode: DEMO.eventCode,
    adminEmail: DEMO.admin,
    sampleSize: 500,
    candidateShifts: 200,
    assignShifts: 450,
    overlapPairs: 100,
    staffAccounts: 50,
  });
  log(
    `${data.eventCode} ${data.startsOn}..${data.endsOn} (${data.timeZone}): ${data.counts.users} users, ${data.counts.staffMembers} staff records, ` +
      `${data.counts.shifts} shifts, ${data.counts.assignments} assignments`,
  );
  if (data.staffEmails.length < 50) log(`only ${data.staffEmails.length} staff accounts have assignments in the next 14 days`);

  const accessToken = await login(apiUrl, DEMO.admin, DEMO.password);
  const coordinatorToken = await login(apiUrl, DEMO.coordinator, DEMO.password);
  const wants = (name: string) => names.includes(name);
  const staffTokens = wants('my-shifts') ? await mapLimit(data.staffEmails, 2, (email) => login(apiUrl, email, DEMO.password)) : [];
  log(`signed in as ${DEMO.admin}, ${DEMO.coordinator} and ${staffTokens.length} staff accounts (one login each, tokens reused)`);

  const pairsStarted = Date.now();
  const assignPairs = wants('assign-mix') ? await buildAssignPairs(apiUrl, coordinatorToken, data.assignShiftIds, data.overlapPairs, 300) : [];
  const validPairs = assignPairs.filter((p) => p.expect === 'valid').length;
  log(
    `assign-mix: ${validPairs} valid pairs from replacementCandidates on ${data.assignShiftIds.length} open shifts + ` +
      `${assignPairs.length - validPairs} overlapping pairs (${((Date.now() - pairsStarted) / 1000).toFixed(1)}s)`,
  );
  const ctx = {
    apiUrl,
    accessToken,
    adminUserId: data.adminUserId,
    eventId: data.eventId,
    sampleUserIds: data.sampleUserIds,
    coordinatorToken,
    candidateShiftIds: data.candidateShiftIds,
    eventWindow: { from: data.windowFrom, to: data.windowTo },
    venueDay: data.venueDay,
    venueIds: data.venueIds,
    staffTokens,
    assignPairs,
  };
  return { data, seeded, ctx, validPairs };
}
