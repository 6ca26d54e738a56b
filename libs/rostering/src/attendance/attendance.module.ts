import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentHistoryEntity } from '../assignment/assignment-history.entity';
import { AssignmentEntity } from '../assignment/assignment.entity';
import { AttendanceResolver } from './attendance.resolver';
import { AttendanceService } from './attendance.service';
import { NoShowSweeper } from './no-show-sweeper.service';

/** Check-in and check-out, the derived attendance of an assignment, the no-show sweep and staffing alerts. */
@Module({
  imports: [TypeOrmModule.forFeature([AssignmentEntity, AssignmentHistoryEntity])],
  providers: [AttendanceService, NoShowSweeper, AttendanceResolver],
  exports: [AttendanceService, NoShowSweeper],
})
export class AttendanceModule {}
