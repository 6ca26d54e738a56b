import { UserEntity } from '@baton/identity';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { ApplicationStage, StageMover } from '../common/opportunity-enums';
import { OpportunityEntity } from '../opportunity/opportunity.entity';
import type { CvSnapshot } from './cv-snapshot';

/**
 * The allowed moves between stages, as data: the trigger on applications and the foreign key of
 * the history both read it, so no code path (nor a hand-written UPDATE) can make another move.
 */
@Entity('application_stage_moves')
export class ApplicationStageMoveEntity {
  @PrimaryColumn({ type: 'enum', enum: ApplicationStage, enumName: 'application_stage' }) fromStage: ApplicationStage;
  @PrimaryColumn({ type: 'enum', enum: ApplicationStage, enumName: 'application_stage' }) toStage: ApplicationStage;
  @Column({ type: 'enum', enum: StageMover, enumName: 'application_stage_mover' }) mover: StageMover;
}

/**
 * One person's application to one opportunity (unique), with the CV as it stood when they applied:
 * the organisation reads this snapshot, never the live profile.
 */
@Entity('applications')
@Unique('applications_once_key', ['opportunityId', 'applicantId'])
@Index('applications_applicant_idx', ['applicantId', 'createdAt'])
@Index('applications_opportunity_stage_idx', ['opportunityId', 'stage'])
@Check('applications_message_check', `char_length("message") <= 4000`)
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) opportunityId: string;
  @ManyToOne(() => OpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunity_id', foreignKeyConstraintName: 'applications_opportunity_fk' })
  opportunity?: OpportunityEntity;
  @Column({ type: 'uuid' }) applicantId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicant_id', foreignKeyConstraintName: 'applications_applicant_fk' })
  applicant?: UserEntity;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ type: 'jsonb' }) cvSnapshot: CvSnapshot;
  @Column({ type: 'enum', enum: ApplicationStage, enumName: 'application_stage', default: ApplicationStage.SUBMITTED }) stage: ApplicationStage;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}

/** Every stage an application went through: who, when, why. The first row (from null) is the submission. */
@Entity('application_history')
@Index('application_history_application_idx', ['applicationId', 'at'])
@ForeignKey(() => ApplicationStageMoveEntity, ['fromStage', 'toStage'] as const, ['fromStage', 'toStage'] as const, { name: 'application_history_move_fk' })
@Check('application_history_first_check', `"from_stage" IS NOT NULL OR "to_stage" = 'SUBMITTED'`)
@Check('application_history_note_check', `char_length("note") <= 2000`)
export class ApplicationHistoryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) applicationId: string;
  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_history_application_fk' })
  application?: ApplicationEntity;
  @Column({ type: 'enum', enum: ApplicationStage, enumName: 'application_stage', nullable: true }) fromStage: ApplicationStage | null;
  @Column({ type: 'enum', enum: ApplicationStage, enumName: 'application_stage' }) toStage: ApplicationStage;
  @Column({ type: 'uuid', nullable: true }) actorUserId: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_user_id', foreignKeyConstraintName: 'application_history_actor_fk' })
  actor?: UserEntity;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'timestamptz', precision: 3 }) at: Date;
}
