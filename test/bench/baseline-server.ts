/**
 * The reference the ratios are divided by: the least a Node server can do for one primary-key
 * lookup on the same database, with the same pool size as the API (DB_POOL_SIZE default 10);
 * and, for nested-roster, the same roster JSON as the API built by one hand-written statement.
 * Started by run.ts as its own process: DATABASE_URL, PORT, POOL_SIZE.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { NESTED_ROSTER_SQL } from './nested-roster-sql';

const databaseUrl = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
const poolSize = Number(process.env.POOL_SIZE ?? 10);
if (!databaseUrl || !Number.isInteger(port) || port <= 0) {
  process.stderr.write('baseline-server: DATABASE_URL and PORT are required (started by run.ts)\n');
  process.exit(1);
}

const pool = new Pool({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
// Without a listener, a dropped idle connection would crash the process (see STACK.md).
pool.on('error', (error) => process.stderr.write(`baseline-server: idle client error: ${error.message}\n`));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const app = Fastify({ logger: false });

app.get('/health', async () => ({ status: 'ok' }));

app.get<{ Params: { id: string } }>('/user/:id', async (request, reply) => {
  const { id } = request.params;
  if (!UUID.test(id)) return reply.code(400).send({ error: 'bad id' });
  // Unnamed statement, as TypeORM sends them: no prepared-statement advantage over the API.
  const { rows } = await pool.query('SELECT id, email, display_name FROM users WHERE id = $1', [id]);
  if (!rows[0]) return reply.code(404).send({ error: 'not found' });
  return rows[0];
});

// The second reference (nested-roster): the whole JSON body built by PostgreSQL, sent as it comes.
app.get<{ Params: { eventId: string; venueId: string } }>('/roster/:eventId/:venueId', async (request, reply) => {
  const { eventId, venueId } = request.params;
  if (!UUID.test(eventId) || !UUID.test(venueId)) return reply.code(400).send({ error: 'bad id' });
  const { rows } = await pool.query<{ body: string }>(NESTED_ROSTER_SQL, [eventId, venueId]);
  return reply.type('application/json').send(rows[0].body);
});

async function shutdown(): Promise<void> {
  const force = setTimeout(() => process.exit(0), 3_000);
  force.unref();
  await app.close().catch(() => undefined);
  await pool.end().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

app.listen({ port, host: '127.0.0.1' }).catch((error: Error) => {
  process.stderr.write(`baseline-server: ${error.message}\n`);
  process.exit(1);
});
