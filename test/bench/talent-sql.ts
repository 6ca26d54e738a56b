import { Client } from 'pg';
import { TALENT_QUERIES as QUERIES } from './talent-queries';
import { compileSearch } from '../utils/talent-search-reference.sql';
async function main() {
  const c = new Client({ connectionString: process.argv[2] });
  await c.connect();
  // As the service does, per transaction (talent-search.service.ts).
  await c.query('SET jit = off');
  const org = (await c.query(`select id from organisations where code='ATLANTEC'`)).rows[0].id;
  const uid = (await c.query(`select id from users where email='recruiter@baton.demo'`)).rows[0].id;
  const viewer: any = { kind: 'RECRUITER', userId: uid, organisationId: org };
  const mode = process.argv[3] ?? 'time';
  const reps = Number(process.argv[4] ?? 5);
  const times: number[] = [];
  for (const [i, f] of QUERIES.entries()) {
    const { sql, values } = compileSearch(viewer, f as any, { first: 20, after: null, facets: true });
    if (mode === 'explain' && i === Number(process.argv[5] ?? 0)) {
      const r = await c.query('EXPLAIN (ANALYZE, BUFFERS) ' + sql, values);
      console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
      const res = await c.query(sql, values);
      console.log(JSON.stringify(res.rows[0]).slice(0, 600));
      continue;
    }
    for (let k = 0; k < reps; k++) {
      const s = process.hrtime.bigint();
      const r = await c.query(sql, values);
      times.push(Number(process.hrtime.bigint() - s) / 1e6);
      if (k === 0) console.log(i, 'total', r.rows[0].total, JSON.stringify(r.rows[0].page).slice(0, 100));
    }
  }
  if (times.length) {
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)].toFixed(1);
    console.log(`n=${times.length} p50=${q(0.5)} p95=${q(0.95)} max=${q(1)} ms`);
  }
  await c.end();
}
main();
