/** The platform-wide skill catalogue. */
export { SkillsModule } from './skills.module';
export { SkillEntity } from './skill/skill.entity';
export { SkillService, type SkillSummary } from './skill/skill.service';
export { SkillObject } from './skill/dto/skill.dto';
/** DataLoader factory: skills by id, for graph edges. */
export { SkillLoader } from './skill/skill.loader';
export { SkillsPermission, skillsPermissions } from './skills.permissions';
