import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { GamesRecordStatus } from '../games-record-status';

@InputType({ description: 'Narrows the records of an event' })
export class GamesRecordFilter {
  @Field(() => GamesRecordStatus, { nullable: true, description: 'Only records in this status' })
  @IsOptional()
  @IsEnum(GamesRecordStatus)
  status?: GamesRecordStatus;
  @Field(() => ID, { nullable: true, description: 'Only the records of this staff record' })
  @IsOptional()
  @IsUUID()
  staffMemberId?: string;
}
