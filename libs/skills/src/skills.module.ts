import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeConstraint } from '@baton/database';
import { AuthModule } from '@baton/auth';
import { SkillEntity } from './skill/skill.entity';
import { SkillResolver } from './skill/skill.resolver';
import { SkillLoader } from './skill/skill.loader';
import { SkillService } from './skill/skill.service';
import { skillsPermissions } from './skills.permissions';

describeConstraint('skills_code_key', { field: 'code', message: 'A skill with this code already exists' });

@Module({
  imports: [AuthModule.forFeature(skillsPermissions), TypeOrmModule.forFeature([SkillEntity])],
  providers: [SkillService, SkillResolver, SkillLoader],
  exports: [SkillService, SkillLoader],
})
export class SkillsModule {}
