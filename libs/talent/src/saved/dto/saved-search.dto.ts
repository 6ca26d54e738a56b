import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsCleanText, NormaliseText } from '@baton/alumni';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { TalentSearchFilter } from '../../search/dto/talent-search.input';

@InputType('SavedTalentSearchInput', { description: 'A talent search to keep, with alerts of new matches' })
export class SavedTalentSearchInput {
  @Field({ description: 'A name for it; 1 to 100 characters' }) @NormaliseText() @IsCleanText({ max: 100 }) name: string;
  @Field(() => TalentSearchFilter, { description: 'The filters, as for talentSearch' })
  @ValidateNested()
  @Type(() => TalentSearchFilter)
  filter: TalentSearchFilter;
  @Field(() => Boolean, { nullable: true, description: 'Send a digest of new matches through the outbox; default true' })
  @IsOptional()
  @IsBoolean()
  alertsEnabled?: boolean | null;
}

@ObjectType('SavedTalentSearch', { description: 'A saved talent search' })
export class SavedTalentSearchObject {
  @Field(() => ID, { description: 'Identifier' }) id: string;
  @Field({ description: 'Its name' }) name: string;
  @Field(() => GraphQLJSONObject, { description: 'The filters, as given to talentSearch' }) filter: Record<string, unknown>;
  @Field({ description: 'Whether digests of new matches are sent' }) alertsEnabled: boolean;
  @Field({ description: 'When it was saved' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the last digest was sent' }) lastAlertAt: Date | null;
}
