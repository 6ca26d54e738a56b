import { EventEntity } from '@baton/events';
import { ShiftEntity } from '@baton/scheduling';
import { StaffMemberEntity } from '@baton/staff';
import { CheckInMethod } from '../attendance/check-in-method';
import { Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum AssignmentStatus {
  ASSIGNED = 'ASSIGNED',
  CONFIRMED = 'CONFIRMED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}

export enum AssignmentSource {
  MANUAL = 'MANUAL',
  SELF = 'SELF',
  SWAP = 'SWAP',
  AUTO = 'AUTO',
}

export const ACTIVE_STATUSES = [AssignmentStatus.ASSIGNED, AssignmentStatus.CONFIRMED] as const;

/**
 * A staff member on a shift. The shift's times are copied here so PostgreSQL itself can refuse
 * two overlapping active assignments of one person (exclusion constraint, btree_gist).
 */
@Entity('assignments')
@Exclusion(
  'assignments_no_overlap',
  `USING gist ("staff_member_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" IN ('ASSIGNED', 'CONFIRMED'))`,
)
// The same across a person's staff records (one per event), through the account copied in user_id.
@Exclusion(
  'assignments_person_no_overlap',
  `USING gist ("user_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" IN ('ASSIGNED', 'CONFIRMED') AND "user_id" IS NOT NULL)`,
)
@Index('assignments_one_active_per_shift', ['shiftId', 'staffMemberId'], { unique: true, where: `"status" IN ('ASSIGNED', 'CONFIRMED')` })
@Index('assignments_staff_starts_idx', ['staffMemberId', 'startsAt'])
@Index('assignments_shift_idx', ['shiftId', 'status'])
@Index('assignments_event_starts_idx', ['eventId', 'startsAt'])
// What the no-show sweep scans every minute: active, not checked in, not yet flagged.
@Index('assignments_awaiting_check_in_idx', ['startsAt'], {
  where: `"status" IN ('ASSIGNED', 'CONFIRMED') AND "checked_in_at" IS NULL AND "no_show_at" IS NULL`,
})
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'assignments_event_fk' })
  event?: EventEntity;
  @Column({ type: 'uuid' }) shiftId: string;
  @ManyToOne(() => ShiftEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shift_id', foreignKeyConstraintName: 'assignments_shift_fk' })
  shift?: ShiftEntity;
  @Column({ type: 'uuid' }) staffMemberId: string;
  @ManyToOne(() => StaffMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_member_id', foreignKeyConstraintName: 'assignments_staff_fk' })
  staffMember?: StaffMemberEntity;
  /**
   * The person (account) of the staff record, copied by a trigger on insert and whenever the
   * record is linked to an account; null while it has none. Never set by the application.
   */
  @Column({ type: 'uuid', nullable: true, insert: false, update: false }) userId: string | null;
  /** Copied from the shift (kept equal by a trigger) for the exclusion constraint. */
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'enum', enum: AssignmentStatus, enumName: 'assignment_status', default: AssignmentStatus.ASSIGNED }) status: AssignmentStatus;
  @Column({ type: 'enum', enum: AssignmentSource, enumName: 'assignment_source' }) source: AssignmentSource;
  @Column({ type: 'uuid', nullable: true }) assignedById: string | null;
  /** Configurable rules that were only warnings, or were overridden, when it was made. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) ruleNotes: Array<Record<string, unknown>>;
  @Column({ type: 'text', nullable: true }) overrideReason: string | null;
  @Column({ type: 'timestamptz', nullable: true }) checkedInAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) checkedOutAt: Date | null;
  /** How the check-in was recorded (attendance). */
  @Column({ type: 'enum', enum: CheckInMethod, enumName: 'check_in_method', nullable: true }) checkInMethod: CheckInMethod | null;
  /** When the no-show sweep flagged this assignment (set once; a later check-in keeps it). */
  @Column({ type: 'timestamptz', nullable: true }) noShowAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
