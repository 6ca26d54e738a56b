import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ApplicationStage } from '../../common/opportunity-enums';
import '../../common/opportunity-enums.graphql';

@InputType({ description: 'An application: your CV is attached as it stands now (a frozen copy)' })
export class ApplyInput {
  @Field(() => ID, { description: 'An OPEN opportunity' }) @IsUUID() opportunityId: string;
  @Field(() => String, { nullable: true, description: 'A message to the organisation, at most 4,000 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  message?: string | null;
}

@InputType({ description: 'A move of an application to another stage' })
export class MoveApplicationInput {
  @Field(() => ApplicationStage, { description: 'The new stage; see applicationStageMoves' }) @IsEnum(ApplicationStage) stage: ApplicationStage;
  @Field(() => String, { nullable: true, description: 'Why, shared with the applicant; at most 2,000 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@ArgsType()
export class ApplicationStagesArgs {
  @Field(() => [ApplicationStage], { nullable: true, description: 'Only these stages' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsEnum(ApplicationStage, { each: true })
  stages?: ApplicationStage[];
}
