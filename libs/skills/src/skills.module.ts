import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConstraintsModule } from '@baton/database';
import { AuthModule } from '@baton/auth';
import { SkillEntity } from './skill/skill.entity';
import { SkillResolver } from './skill/skill.resolver';
import { SkillLoader } from './skill/skill.loader';
import { SkillService } from './skill/skill.service';
import { skillsPermissions } from './skills.permissions';
import { SkillsPrivacyContributor } from './privacy/skills-privacy.contributor';
import { skillsConstraints } from './skills.constraints';

@Module({
  imports: [AuthModule.forFeature(skillsPermissions), ConstraintsModule.forFeature(skillsConstraints), TypeOrmModule.forFeature([SkillEntity])],
  providers: [SkillService, SkillsPrivacyContributor, SkillResolver, SkillLoader],
  exports: [SkillService, SkillLoader],
})
export class SkillsModule {}
