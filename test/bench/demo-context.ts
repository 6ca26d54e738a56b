import { DemoData, DemoSeedResult, gatherDemoData, seedDemo } from './database';
import type { BenchContext } from './scenarios';
import { DEMO, log, Settings } from './settings';
import { buildAssignPairs, graphql, login, mapLimit } from './setup-calls';
import { OPPORTUNITIES, OPPORTUNITY_FILTERS } from './talent-queries';
import { seedTalent } from './talent-seed';
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
  const wants = (name: string) => names.includes(name);
  const talent = wants('talent-search') || wants('opportunity-list');
  if (talent && (settings.talentProfiles || settings.opportunities)) {
    const t = await seedTalent(databaseUrl, settings.talentProfiles, settings.opportunities);
    log(
      `generated ${t.profiles} alumni profiles and ${t.opportunities} opportunities: rows ${t.seconds.insert.toFixed(1)}s, ` +
        `search documents ${t.seconds.documents.toFixed(1)}s (ANALYZE follows)`,
    );
  }
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
  const staffTokens = wants('my-shifts') ? await mapLimit(data.staffEmails, 2, (email) => login(apiUrl, email, DEMO.password)) : [];
  log(`signed in as ${DEMO.admin}, ${DEMO.coordinator} and ${staffTokens.length} staff accounts (one login each, tokens reused)`);

  const recruiterToken = talent ? await login(apiUrl, DEMO.recruiter, DEMO.password) : null;
  const alumnusToken = talent ? await login(apiUrl, DEMO.alumnus, DEMO.password) : null;
  if (wants('talent-search') && recruiterToken) {
    // The first search after a start loads the API's talent index (~20 s for 100k profiles): once here, not in a round.
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        await graphql(apiUrl, '{ talentSearch(first: 1) { totalCount } }', {}, recruiterToken);
        break;
      } catch (error) {
        if (attempt === 5) throw error;
      }
    }
    log(`talent search index loaded by the first search in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
  const opportunityCursors = wants('opportunity-list') && recruiterToken ? await firstPageCursors(apiUrl, recruiterToken) : [];

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
    recruiterToken,
    alumnusToken,
    opportunityCursors,
    assignPairs,
  };
  return { data, seeded, ctx, validPairs };
}

/** The endCursor of each opportunity-list filter's first page, so the scenario also asks for a second page. */
async function firstPageCursors(apiUrl: string, token: string): Promise<(string | null)[]> {
  return mapLimit(OPPORTUNITY_FILTERS, 2, async (f) => {
    const data = await graphql<{ opportunities: { pageInfo: { endCursor: string | null } } }>(apiUrl, OPPORTUNITIES, { f }, token);
    return data.opportunities.pageInfo.endCursor;
  });
}
