import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AssignmentEntity, AssignmentStatus } from './assignment.entity';

/** Every status change of an assignment, oldest first: who, when, from what to what, why. */
@Entity('assignment_history')
@Index('assignment_history_assignment_idx', ['assignmentId', 'at'])
export class AssignmentHistoryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) assignmentId: string;
  @ManyToOne(() => AssignmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'assignment_history_assignment_fk' })
  assignment?: AssignmentEntity;
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) at: Date;
  @Column({ type: 'uuid', nullable: true }) actorUserId: string | null;
  @Column({ type: 'enum', enum: AssignmentStatus, enumName: 'assignment_status', nullable: true }) fromStatus: AssignmentStatus | null;
  @Column({ type: 'enum', enum: AssignmentStatus, enumName: 'assignment_status' }) toStatus: AssignmentStatus;
  @Column({ type: 'text', nullable: true }) note: string | null;
}
