import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentHistoryEntity } from './assignment/assignment-history.entity';
import { AssignmentEntity } from './assignment/assignment.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AssignmentEntity, AssignmentHistoryEntity])],
  providers: [],
  exports: [],
})
export class RosteringModule {}
