import { DataSource } from 'typeorm';
import { TalentEngineService } from '../../libs/talent/src/search/engine/talent-engine.service';
import { TalentSearchService } from '../../libs/talent/src/search/talent-search.service';
import { TALENT_QUERIES as QUERIES } from './talent-queries';

/**
 * The talent search engine alone over a seeded database (talent-seed.ts): load time, memory, and
 * each bench query's time in the engine (with its one folding statement), as
 * `node -r @swc-node/register test/bench/talent-engine.ts <database url> [repetitions]`.
 */
async function main() {
  const dataSource = new DataSource({ type: 'postgres', url: process.argv[2], poolSize: 4 });
  await dataSource.initialize();
  const reps = Number(process.argv[3] ?? 20);
  const engine = new TalentEngineService(dataSource);
  const search = new TalentSearchService(dataSource, null as never, engine, null as never);
  const org = (await dataSource.query(`select id from organisations where code='ATLANTEC'`))[0].id;
  const uid = (await dataSource.query(`select id from users where email='recruiter@baton.demo'`))[0].id;
  const viewer = { kind: 'RECRUITER' as const, userId: uid, organisationId: org };
  const heapBefore = process.memoryUsage();
  const started = process.hrtime.bigint();
  await engine.fresh();
  const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
  global.gc?.();
  const heapAfter = process.memoryUsage();
  console.log(
    `loaded in ${loadMs.toFixed(0)} ms; heap ${(heapBefore.heapUsed / 2 ** 20).toFixed(0)} -> ${(heapAfter.heapUsed / 2 ** 20).toFixed(0)} MiB, ` +
      `array buffers ${(heapBefore.arrayBuffers / 2 ** 20).toFixed(0)} -> ${(heapAfter.arrayBuffers / 2 ** 20).toFixed(0)} MiB, rss ${(heapAfter.rss / 2 ** 20).toFixed(0)} MiB`,
  );
  const times: number[] = [];
  for (let k = 0; k < reps; k++) {
    for (const [i, f] of QUERIES.entries()) {
      const s = process.hrtime.bigint();
      const r = await search.hits(viewer, f as never, { first: 20, after: null, facets: true });
      times.push(Number(process.hrtime.bigint() - s) / 1e6);
      if (k === 0)
        console.log(
          i,
          'total',
          r.totalCount,
          r.hits
            .slice(0, 2)
            .map((h) => h.score.toFixed(2))
            .join(' '),
        );
    }
  }
  // The engine alone, the query already compiled (no statement).
  const pure: number[] = [];
  const compiled = await Promise.all(QUERIES.map((f) => (search as any).compile(f)));
  const ready = await engine.fresh();
  const v = { visibilities: ['PARTNERS' as const], organisationId: org, selfUserId: uid };
  for (let k = 0; k < reps; k++) {
    for (const q of compiled) {
      const s = process.hrtime.bigint();
      ready.search(v, q, { first: 20, after: null, facets: true });
      pure.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
  }
  pure.sort((a, b) => a - b);
  const qp = (p: number) => pure[Math.min(pure.length - 1, Math.ceil(p * pure.length) - 1)].toFixed(1);
  console.log(`engine only: n=${pure.length} p50=${qp(0.5)} p95=${qp(0.95)} max=${qp(1)} ms`);
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)].toFixed(1);
  console.log(`n=${times.length} p50=${q(0.5)} p95=${q(0.95)} max=${q(1)} ms`);
  await dataSource.destroy();
}
void main();
