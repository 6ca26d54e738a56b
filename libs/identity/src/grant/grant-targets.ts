import { BadInputError, FieldProblem } from '@baton/core';
import { EventEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { EntityManager } from 'typeorm';
import { GrantSpec } from './grant-spec';

/**
 * A grant may only narrow its own event: every venue and team it names must belong to that
 * event (a venue of another Games would silently grant nothing, or the wrong thing after a
 * copy). The friendly version of the grant_scope_in_event trigger, which holds the same line
 * under concurrency; each offending id is named with its position.
 */
export async function assertGrantTargets(manager: EntityManager, spec: GrantSpec, field: string): Promise<void> {
  const problems: FieldProblem[] = [];
  if (spec.eventId && !(await manager.getRepository(EventEntity).existsBy({ id: spec.eventId }))) {
    throw BadInputError.field(`${field}.eventId`, `No event ${spec.eventId}`, 'exists');
  }
  if (spec.organisationId && !(await manager.getRepository(OrganisationEntity).existsBy({ id: spec.organisationId }))) {
    throw BadInputError.field(`${field}.organisationId`, `No organisation ${spec.organisationId}`, 'exists');
  }
  for (const [table, key, noun] of [
    ['venues', 'venueIds', 'venue'],
    ['teams', 'teamIds', 'team'],
  ] as const) {
    const ids = spec[key];
    if (!ids.length) continue;
    const rows = await manager.query<Array<{ id: string }>>(`SELECT id FROM ${table} WHERE id = ANY ($1::uuid[]) AND event_id = $2`, [ids, spec.eventId]);
    const inEvent = new Set(rows.map((r) => r.id));
    ids.forEach((id, index) => {
      if (!inEvent.has(id))
        problems.push({ field: `${field}.${key}.${index}`, message: `${id} is not a ${noun} of event ${spec.eventId}`, constraint: 'sameEvent' });
    });
  }
  if (problems.length)
    throw new BadInputError(problems.length === 1 ? problems[0].message : `${problems.length} venues or teams are not in this event`, problems);
}
