import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { BadInputError } from '@baton/core';
import { requestedFields, responseShape, SerialisedField } from '@baton/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { PreparedReads } from '@baton/database';
import { DataSource } from 'typeorm';
import { AssignmentObject } from './dto/assignment.dto';
import { toAssignmentObject } from './assignment.mapper';
import { AssignmentEntity } from './assignment.entity';
import { myShiftsStatement, myShiftsText } from './shaped/my-shifts.sql';

const MAX_WINDOW_DAYS = 62;
const MAX_ROWS = 500;

/** A staff member's own roster, across the events where they work. */
@Injectable()
export class MyShiftsService {
  /** Off: every list takes the entity and DataLoader path (the comparison tests, or an operator in doubt). */
  shapeInSql = true;
  /** Off: shaped lists come as objects graphql-js completes, never as text (the comparison tests). */
  writeText = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly prepared: PreparedReads,
  ) {}

  /**
   * With `info` (what the client asked under myShifts), the list and its shifts come as JSON
   * from one statement, so graphql-js passes objects through instead of resolving `shift` through
   * a loader, field by field. With `field` too (an HTTP request), as the JSON text of the answer
   * itself: graphql-js completes an empty stand-in and the text replaces it in the response.
   */
  async list(
    actor: Actor,
    from: Date,
    to: Date,
    includeInactive: boolean,
    info?: GraphQLResolveInfo,
    field?: SerialisedField | null,
  ): Promise<AssignmentObject[]> {
    if (to <= from) throw BadInputError.field('to', 'The window must end after it starts', 'order');
    if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * 86_400_000)
      throw BadInputError.field('to', `The window is at most ${MAX_WINDOW_DAYS} days`, 'maxWindow');
    const window = { userId: actor.userId, from, to, includeInactive, limit: MAX_ROWS };
    const shape = this.shapeInSql && this.writeText && field && info ? responseShape(info) : null;
    const text = shape && myShiftsText(shape, window);
    if (field && text) {
      // The statement staff refresh most at a shift change: planned once per connection.
      const [{ rows }] = await this.prepared.query<[{ rows: string }]>(text.sql, text.params);
      field.replay(rows);
      return [];
    }
    const shaped = this.shapeInSql && info && myShiftsStatement(requestedFields(info), window);
    if (shaped) {
      const [{ rows }] = await this.dataSource.query<[{ rows: AssignmentObject[] }]>(shaped.sql, shaped.params);
      return rows;
    }
    const query = this.dataSource
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .innerJoin('staff_members', 'm', 'm.id = a.staff_member_id')
      .where('m.user_id = :user', { user: actor.userId })
      .andWhere('a.startsAt < :to AND a.endsAt > :from', { from, to })
      // The id breaks ties (two shifts starting together), as in the SQL-shaped list.
      .orderBy('a.startsAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(MAX_ROWS);
    if (!includeInactive) query.andWhere(`a.status IN ('ASSIGNED', 'CONFIRMED')`);
    return (await query.getMany()).map(toAssignmentObject);
  }
}
