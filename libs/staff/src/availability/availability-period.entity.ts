import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffMemberEntity } from '../staff-member/staff-member.entity';

export enum AvailabilityKind {
  /** Cannot work: a hard fact (exam, other job, travel). */
  UNAVAILABLE = 'UNAVAILABLE',
  PREFERRED = 'PREFERRED',
  UNDESIRED = 'UNDESIRED',
}

@Entity('availability_periods')
@Index('availability_periods_staff_idx', ['staffMemberId', 'startsAt'])
@Check('availability_periods_order_check', `"ends_at" > "starts_at"`)
export class AvailabilityPeriodEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) staffMemberId: string;
  @ManyToOne(() => StaffMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_member_id', foreignKeyConstraintName: 'availability_periods_staff_fk' })
  staffMember?: StaffMemberEntity;
  @Column({ type: 'enum', enum: AvailabilityKind, enumName: 'availability_kind' }) kind: AvailabilityKind;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
