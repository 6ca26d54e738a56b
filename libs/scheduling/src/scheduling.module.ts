import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ShiftSkillEntity } from './shift/shift-skill.entity';
import { ShiftEntity } from './shift/shift.entity';
import { WorkRuleSetEntity } from './work-rules/work-rule-set.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ShiftEntity, ShiftSkillEntity, WorkRuleSetEntity])],
  providers: [],
  exports: [],
})
export class SchedulingModule {}
