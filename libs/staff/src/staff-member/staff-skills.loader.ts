import { Injectable } from '@nestjs/common';
import { groupInto, LoaderFactory } from '@baton/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { StaffMemberSkillObject } from './dto/staff-member.object';

interface SkillRow {
  staff_member_id: string;
  skill_id: string;
  code: string;
  name: string;
  level: number;
}

/** The skills of every staff member on a page in one statement, by skill code. */
@Injectable()
export class StaffSkillsLoader implements LoaderFactory<string, StaffMemberSkillObject[]> {
  constructor(private readonly dataSource: DataSource) {}

  create(): DataLoader<string, StaffMemberSkillObject[]> {
    return new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.dataSource.query<SkillRow[]>(
        `SELECT k.staff_member_id, k.skill_id, s.code, s.name, k.level
           FROM staff_member_skills k JOIN skills s ON s.id = k.skill_id
          WHERE k.staff_member_id = ANY($1::uuid[])
          ORDER BY s.code`,
        [ids],
      );
      return groupInto(ids, rows, (r) => r.staff_member_id).map((list) =>
        list.map((r) => ({ skillId: r.skill_id, code: r.code, name: r.name, level: Number(r.level) })),
      );
    });
  }
}
