import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createOrganisation } from './events';

/**
 * A staff member assigned to a shift, in plain SQL (the rostering lib owns assignments): the
 * database's triggers copy the shift's times and keep the shift's assigned count. Without a staff
 * member, a new one of a new organisation.
 */
export async function assignToShift(dataSource: DataSource, shift: { id: string; eventId: string }, staffMemberId?: string): Promise<string> {
  let id = staffMemberId;
  if (!id) {
    const organisation = await createOrganisation(dataSource);
    const [row] = await dataSource.query(
      `INSERT INTO staff_members (event_id, organisation_id, display_name, employment_type) VALUES ($1, $2, $3, 'EMPLOYEE') RETURNING id`,
      [shift.eventId, organisation.id, `Staff ${randomBytes(2).toString('hex').toUpperCase()}`],
    );
    id = row.id as string;
  }
  await dataSource.query(
    `INSERT INTO assignments (event_id, shift_id, staff_member_id, starts_at, ends_at, source) VALUES ($1, $2, $3, now(), now(), 'MANUAL')`,
    [shift.eventId, shift.id, id],
  );
  return id;
}
