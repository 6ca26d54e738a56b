// Usage: node test/bench/cpu-profile-summary.js <file.cpuprofile> [rows]. Self time by package, file and function, and inclusive time per request stage, over the seconds under load only.
/* eslint-disable no-console -- a command-line report */
/* global console */
// Self time per package / file / function from a V8 .cpuprofile.
const fs = require('fs');
const file = process.argv[2];
const top = Number(process.argv[3] || 25);
const p = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parentOf = new Map();
for (const n of p.nodes) for (const c of n.children || []) parentOf.set(c, n.id);
const onStack = (id, test) => {
  for (let cur = id; cur !== undefined; cur = parentOf.get(cur)) if (test(byId.get(cur))) return true;
  return false;
};
// Only the seconds under load: where GraphQL requests were being processed (not boot, seed, logins).
const isGql = (n) => /requestPipeline|graphql\/execution/.test(n.callFrame.url);
const times = [];
let t = p.startTime;
for (let i = 0; i < p.samples.length; i++) {
  t += p.timeDeltas[i] || 0;
  times.push(t);
}
const bucket = (x) => Math.floor((x - p.startTime) / 1e6);
const gqlPerSecond = new Map();
const gqlCache = new Map();
for (let i = 0; i < p.samples.length; i++) {
  const id = p.samples[i];
  if (!gqlCache.has(id)) gqlCache.set(id, onStack(id, isGql));
  if (gqlCache.get(id)) gqlPerSecond.set(bucket(times[i]), (gqlPerSecond.get(bucket(times[i])) || 0) + 1);
}
const peak = Math.max(...gqlPerSecond.values());
const hot = new Set([...gqlPerSecond].filter(([, c]) => c >= peak * 0.5).map(([b]) => b));
console.log(`load window: ${hot.size} s of ${bucket(times[times.length - 1])} s (seconds with >= 50% of the peak GraphQL sample density)`);
const self = new Map();
for (let i = 0; i < p.samples.length; i++) if (hot.has(bucket(times[i]))) self.set(p.samples[i], (self.get(p.samples[i]) || 0) + (p.timeDeltas[i] || 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
function pkg(url) {
  if (!url) return '(native/vm)';
  const m = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const b = url.match(/\/(apps|libs)\/([^/]+)/);
  if (b) return `baton/${b[1]}/${b[2]}`;
  return url.replace(/^file:\/\//, '').slice(-50);
}
const agg = (keyf) => {
  const m = new Map();
  for (const [id, t] of self) {
    const n = byId.get(id);
    const k = keyf(n);
    m.set(k, (m.get(k) || 0) + t);
  }
  return [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
};
const show = (title, rows) => {
  console.log(`\n## ${title} (total ${(total / 1e6).toFixed(1)} s sampled)`);
  for (const [k, t] of rows) console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${(t / 1e3).toFixed(0).padStart(7)} ms  ${k}`);
};
show(
  'by package',
  agg((n) => pkg(n.callFrame.url)),
);
show(
  'by file',
  agg((n) => (n.callFrame.url || '(native)').replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(apps|libs)\//, '$1/')),
);
show(
  'by function',
  agg((n) => `${n.callFrame.functionName || '(anon)'} ${pkg(n.callFrame.url)}:${n.callFrame.lineNumber}`),
);
// Inclusive time of well-known stages: a node's samples count for a stage if any ancestor matches.
const parent = parentOf;
const stages = [
  ['passport/JWT', (n) => /passport|jsonwebtoken|jws|jwa/.test(n.callFrame.url)],
  ['actor load (identity-actor.loader)', (n) => /identity-actor\.loader/.test(n.callFrame.url)],
  ['typeorm + pg', (n) => /node_modules\/(typeorm|pg|pg-protocol|pg-pool)\//.test(n.callFrame.url)],
  ['graphql-armor', (n) => /graphql-armor/.test(n.callFrame.url)],
  ['graphql validate', (n) => n.callFrame.functionName === 'validate' && /graphql\/validation/.test(n.callFrame.url)],
  ['graphql parse', (n) => n.callFrame.functionName === 'parse' && /graphql\/language/.test(n.callFrame.url)],
  ['graphql execute', (n) => /graphql\/execution\/execute/.test(n.callFrame.url)],
  ['apollo server', (n) => /@apollo\/server/.test(n.callFrame.url)],
  ['metrics plugin + prom-client', (n) => /metrics\.plugin|prom-client/.test(n.callFrame.url)],
  ['input guard plugin', (n) => /input-guard\.plugin|variable-problems/.test(n.callFrame.url)],
  ['pino / logging', (n) => /pino|sonic-boom|fastify\/lib\/logger/.test(n.callFrame.url)],
  ['JSON.stringify', (n) => n.callFrame.functionName === 'stringify'],
  ['class-validator/transformer', (n) => /class-validator|class-transformer/.test(n.callFrame.url)],
  ['nest core (guards, pipes, context)', (n) => /@nestjs\/(core|common|graphql)\//.test(n.callFrame.url)],
  ['fastify', (n) => /node_modules\/(fastify|@fastify|find-my-way|light-my-request|avvio)\//.test(n.callFrame.url)],
  ['garbage collector', (n) => n.callFrame.functionName === '(garbage collector)'],
  ['idle', (n) => n.callFrame.functionName === '(idle)'],
];
console.log('\n## inclusive by stage (a sample counts once per stage if any frame on its stack matches)');
const busy = total - (self.get(p.nodes.find((n) => n.callFrame.functionName === '(idle)')?.id) || 0);
for (const [name, test] of stages) {
  let t = 0;
  for (const [id, s] of self) {
    let cur = id;
    while (cur !== undefined) {
      if (test(byId.get(cur))) {
        t += s;
        break;
      }
      cur = parent.get(cur);
    }
  }
  console.log(`${((100 * t) / busy).toFixed(1).padStart(5)}% of busy  ${(t / 1e3).toFixed(0).padStart(7)} ms  ${name}`);
}
console.log(`busy ${(busy / 1e3).toFixed(0)} ms`);
