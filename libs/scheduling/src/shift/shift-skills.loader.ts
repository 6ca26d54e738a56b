import { Injectable } from '@nestjs/common';
import { groupInto, LoaderFactory } from '@baton/graphql';
import { SkillEntity } from '@baton/skills';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { RequiredSkillObject } from './dto/shift.dto';
import { ShiftSkillEntity } from './shift-skill.entity';

interface Row extends RequiredSkillObject {
  shiftId: string;
}

/** The required skills of every shift on a page, in one query. */
@Injectable()
export class ShiftSkillsLoader implements LoaderFactory<string, RequiredSkillObject[]> {
  constructor(private readonly dataSource: DataSource) {}

  create(): DataLoader<string, RequiredSkillObject[]> {
    return new DataLoader(async (shiftIds) => {
      const rows = await this.dataSource
        .getRepository(ShiftSkillEntity)
        .createQueryBuilder('rs')
        .innerJoin(SkillEntity, 'sk', 'sk.id = rs.skillId')
        .select(['rs.shiftId AS "shiftId"', 'rs.skillId AS "skillId"', 'sk.code AS "code"', 'sk.name AS "name"', 'rs.minLevel AS "minLevel"'])
        .where('rs.shiftId IN (:...ids)', { ids: [...shiftIds] })
        .orderBy('sk.code')
        .getRawMany<Row>();
      return groupInto(shiftIds, rows, (r) => r.shiftId).map((list) =>
        list.map(({ skillId, code, name, minLevel }) => ({ skillId, code, name, minLevel: Number(minLevel) })),
      );
    });
  }
}
