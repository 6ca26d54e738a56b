import { EntityManager } from 'typeorm';
import { GamesRecordEntity } from './games-record.entity';

/** Column, SQL type, and how the entity holds it. */
const COLUMNS: ReadonlyArray<[string, string, keyof GamesRecordEntity]> = [
  ['id', 'uuid', 'id'],
  ['event_id', 'uuid', 'eventId'],
  ['staff_member_id', 'uuid', 'staffMemberId'],
  ['code', 'text', 'code'],
  ['credential_id', 'uuid', 'credentialId'],
  ['subject_id', 'uuid', 'subjectId'],
  ['key_id', 'uuid', 'keyId'],
  ['public_url', 'text', 'publicUrl'],
  ['issuer_id', 'text', 'issuerId'],
  ['issuer_name', 'text', 'issuerName'],
  ['issued_at', 'timestamptz', 'issuedAt'],
  ['subject_name', 'text', 'subjectName'],
  ['event_code', 'text', 'eventCode'],
  ['event_name', 'text', 'eventName'],
  ['organisation_name', 'text', 'organisationName'],
  ['team_names', 'text[]', 'teamNames'],
  ['venue_names', 'text[]', 'venueNames'],
  ['role_titles', 'text[]', 'roleTitles'],
  ['first_day', 'date', 'firstDay'],
  ['last_day', 'date', 'lastDay'],
  ['shifts_worked', 'integer', 'shiftsWorked'],
  ['worked_minutes', 'integer', 'workedMinutes'],
  ['credential_jwt', 'text', 'credentialJwt'],
];

/**
 * New records in one statement whatever their number: the rows travel as one JSON parameter
 * (jsonb_to_recordset). TypeORM's multi-row insert builds one parameter per value and slowed
 * down quadratically (about 6 s for a Paris-size event against 1 s here). `skipExisting` leaves
 * out a staff record that got its current record meanwhile (a concurrent run) instead of failing.
 * Returns the ids inserted.
 */
export async function insertRecords(manager: EntityManager, rows: readonly GamesRecordEntity[], skipExisting: boolean): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(COLUMNS.map(([column, , field]) => [column, row[field]]))));
  const names = COLUMNS.map(([column]) => column).join(', ');
  const inserted = await manager.query<Array<{ id: string }>>(
    `INSERT INTO games_records (${names})
     SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS.map(([column, type]) => `${column} ${type}`).join(', ')})
     ${skipExisting ? `ON CONFLICT (staff_member_id) WHERE superseded_at IS NULL DO NOTHING` : ''}
     RETURNING id`,
    [json],
  );
  return new Set(inserted.map((r) => r.id));
}
