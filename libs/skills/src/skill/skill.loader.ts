import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { LoaderFactory, pickInto } from '@baton/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { SkillObject } from './dto/skill.dto';
import { SkillEntity } from './skill.entity';
import { toSkillObject } from './skill.service';

/** Skills by id for graph edges. The catalogue is open to anyone signed in, as `skills` is. */
@Injectable()
export class SkillLoader implements LoaderFactory<string, SkillObject | null> {
  constructor(private readonly dataSource: DataSource) {}

  create(actor: Actor | undefined): DataLoader<string, SkillObject | null> {
    return new DataLoader(async (ids: readonly string[]) => {
      if (!actor) return ids.map(() => null);
      const rows = await this.dataSource.getRepository(SkillEntity).findBy({ id: In([...ids]) });
      return pickInto(ids, rows.map(toSkillObject), (s) => s.id);
    });
  }
}
