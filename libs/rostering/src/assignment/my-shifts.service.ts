import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { BadInputError } from '@baton/core';
import { DataSource } from 'typeorm';
import { AssignmentObject } from './dto/assignment.dto';
import { toAssignmentObject } from './assignment.mapper';
import { AssignmentEntity } from './assignment.entity';

const MAX_WINDOW_DAYS = 62;

/** A staff member's own roster, across the events where they work. */
@Injectable()
export class MyShiftsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, from: Date, to: Date, includeInactive: boolean): Promise<AssignmentObject[]> {
    if (to <= from) throw BadInputError.field('to', 'The window must end after it starts', 'order');
    if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * 86_400_000)
      throw BadInputError.field('to', `The window is at most ${MAX_WINDOW_DAYS} days`, 'maxWindow');
    const query = this.dataSource
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .innerJoin('staff_members', 'm', 'm.id = a.staff_member_id')
      .where('m.user_id = :user', { user: actor.userId })
      .andWhere('a.startsAt < :to AND a.endsAt > :from', { from, to })
      .orderBy('a.startsAt', 'ASC')
      .limit(500);
    if (!includeInactive) query.andWhere(`a.status IN ('ASSIGNED', 'CONFIRMED')`);
    return (await query.getMany()).map(toAssignmentObject);
  }
}
