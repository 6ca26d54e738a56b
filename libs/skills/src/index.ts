/** The platform-wide skill catalogue. */
export { SkillsModule } from './skills.module';
export { SkillEntity } from './skill/skill.entity';
export { SkillService, type SkillSummary } from './skill/skill.service';
