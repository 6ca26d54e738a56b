import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentHistoryEntity } from '../assignment/assignment-history.entity';
import { AssignmentEntity } from '../assignment/assignment.entity';
import { AssignmentRepository } from '../assignment/assignment.repository';
import { AttendanceResolver } from './attendance.resolver';
import { AttendanceService } from './attendance.service';
import { NoShowSweeper } from './no-show-sweeper.service';

/** Check-in and check-out, the derived attendance of an assignment, the no-show sweep and staffing alerts. */
@Module({
  imports: [TypeOrmModule.forFeature([AssignmentEntity, AssignmentHistoryEntity])],
  providers: [AssignmentRepository, AttendanceService, NoShowSweeper, AttendanceResolver],
  exports: [AssignmentRepository, AttendanceService, NoShowSweeper],
})
export class AttendanceModule {}
