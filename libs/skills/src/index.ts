/** The platform-wide skill catalogue. */
export { SkillsModule } from './skills.module';
export { SkillEntity } from './skill/skill.entity';
export { SkillService } from './skill/skill.service';
