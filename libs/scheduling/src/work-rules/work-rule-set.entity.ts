import { EventEntity } from '@baton/events';
import { EmploymentType } from '@baton/staff';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, Check } from 'typeorm';

/**
 * How a configurable rule applies. A const object rather than a TypeScript enum: the rule engine
 * (rostering) and its property tests speak plain string literals, and one type serves both.
 */
export const RuleMode = { BLOCK: 'BLOCK', WARN: 'WARN', OFF: 'OFF' } as const;
export type RuleMode = (typeof RuleMode)[keyof typeof RuleMode];

/**
 * Working-time and eligibility rules of one event for one employment type. Missing rows fall
 * back to the defaults of the brief (French labour code for employees, the volunteers' charter).
 */
@Entity('work_rule_sets')
@Unique('work_rule_sets_event_type_key', ['eventId', 'employmentType'])
@Check(
  'work_rule_sets_values_check',
  `"min_rest_minutes" BETWEEN 0 AND 2880 AND "max_daily_minutes" BETWEEN 60 AND 1440 AND "max_weekly_minutes" BETWEEN 60 AND 10080`,
)
export class WorkRuleSetEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'work_rule_sets_event_fk' })
  event?: EventEntity;
  @Column({ type: 'enum', enum: EmploymentType, enumName: 'employment_type' }) employmentType: EmploymentType;
  @Column({ type: 'int' }) minRestMinutes: number;
  @Column({ type: 'int' }) maxDailyMinutes: number;
  @Column({ type: 'int' }) maxWeeklyMinutes: number;
  @Column({ type: 'enum', enum: RuleMode, enumName: 'rule_mode', default: RuleMode.BLOCK }) restMode: RuleMode;
  @Column({ type: 'enum', enum: RuleMode, enumName: 'rule_mode', default: RuleMode.BLOCK }) dailyMode: RuleMode;
  @Column({ type: 'enum', enum: RuleMode, enumName: 'rule_mode', default: RuleMode.BLOCK }) weeklyMode: RuleMode;
  @Column({ type: 'enum', enum: RuleMode, enumName: 'rule_mode', default: RuleMode.BLOCK }) skillsMode: RuleMode;
  @Column({ type: 'enum', enum: RuleMode, enumName: 'rule_mode', default: RuleMode.BLOCK }) accreditationMode: RuleMode;
  @Column({ type: 'enum', enum: RuleMode, enumName: 'rule_mode', default: RuleMode.BLOCK }) availabilityMode: RuleMode;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
