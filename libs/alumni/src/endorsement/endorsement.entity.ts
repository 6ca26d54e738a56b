import { EventEntity } from '@baton/events';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { EndorsementRelation } from '../common/alumni-enums';
import { AlumniProfileSkillEntity } from '../profile/profile-sections.entity';
import { AlumniProfileEntity } from '../profile/profile.entity';

export interface EndorsementContext {
  eventName: string;
  /** Shifts worked together, or covered as coordinator. */
  shifts: number;
  /** Where, most shifts first. */
  venues: Array<{ name: string; shifts: number }>;
}

/**
 * A member vouching for a colleague's skill, allowed only when the roster shows they worked
 * together; the context is kept as it was found. The skill must be the endorsee's own (composite
 * foreign key), and nobody endorses themself or the same skill twice.
 */
@Entity('alumni_endorsements')
@Unique('alumni_endorsements_once_key', ['endorserId', 'profileSkillId'])
@Index('alumni_endorsements_endorsee_idx', ['endorseeId', 'createdAt'])
@Index('alumni_endorsements_endorser_idx', ['endorserId'])
@Check('alumni_endorsements_self_check', `"endorser_id" <> "endorsee_id"`)
@Check('alumni_endorsements_comment_check', `char_length("comment") <= 500`)
export class AlumniEndorsementEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) endorserId: string;
  @ManyToOne(() => AlumniProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endorser_id', foreignKeyConstraintName: 'alumni_endorsements_endorser_fk' })
  endorser?: AlumniProfileEntity;
  @Column({ type: 'uuid' }) endorseeId: string;
  @ManyToOne(() => AlumniProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endorsee_id', foreignKeyConstraintName: 'alumni_endorsements_endorsee_fk' })
  endorsee?: AlumniProfileEntity;
  @Column({ type: 'uuid' }) profileSkillId: string;
  @ManyToOne(() => AlumniProfileSkillEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'profile_skill_id', referencedColumnName: 'id', foreignKeyConstraintName: 'alumni_endorsements_skill_fk' },
    { name: 'endorsee_id', referencedColumnName: 'userId', foreignKeyConstraintName: 'alumni_endorsements_skill_fk' },
  ])
  profileSkill?: AlumniProfileSkillEntity;
  @Column({ type: 'enum', enum: EndorsementRelation, enumName: 'alumni_endorsement_relation' }) relation: EndorsementRelation;
  @Column({ type: 'uuid', nullable: true }) eventId: string | null;
  @ManyToOne(() => EventEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'alumni_endorsements_event_fk' })
  event?: EventEntity;
  @Column({ type: 'jsonb' }) context: EndorsementContext;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  /** Set by the endorsee: the endorsement no longer shows to anyone else. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) hiddenAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
