import { SkillEntity } from '@baton/skills';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ShiftEntity } from './shift.entity';

@Entity('shift_required_skills')
@Check('shift_required_skills_level_check', `"min_level" BETWEEN 1 AND 4`)
export class ShiftSkillEntity {
  @PrimaryColumn({ type: 'uuid' }) shiftId: string;
  @ManyToOne(() => ShiftEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shift_id', foreignKeyConstraintName: 'shift_required_skills_shift_fk' })
  shift?: ShiftEntity;
  @PrimaryColumn({ type: 'uuid' }) skillId: string;
  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_id', foreignKeyConstraintName: 'shift_required_skills_skill_fk' })
  skill?: SkillEntity;
  @Column({ type: 'smallint' }) minLevel: number;
}
