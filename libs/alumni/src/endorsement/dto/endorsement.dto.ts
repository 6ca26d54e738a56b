import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { EndorsementRelation } from '../../common/alumni-enums';
import { IsCleanText, NormaliseText } from '../../common/text-rules';

registerEnumType(EndorsementRelation, {
  name: 'AlumniEndorsementRelation',
  description: 'How the roster shows the two people worked together',
  valuesMap: {
    SHARED_SHIFTS: { description: 'Both attended the same shifts' },
    ENDORSER_COORDINATED: { description: 'The endorser coordinated shifts the endorsee attended' },
    ENDORSEE_COORDINATED: { description: 'The endorsee coordinated shifts the endorser attended' },
  },
});

@ObjectType('AlumniEndorser', { description: 'Who endorsed' })
export class AlumniEndorserObject {
  @Field(() => ID, { description: 'Their account' }) userId: string;
  @Field({ description: 'Name in the network' }) displayName: string;
  @Field({ description: 'You may open their profile' }) profileVisible: boolean;
}

@ObjectType('AlumniEndorsedSkill', { description: 'The skill endorsed' })
export class AlumniEndorsedSkillObject {
  @Field(() => ID, { description: 'The skill on the profile (AlumniSkill.id)' }) id: string;
  @Field({ description: 'Name of the skill' }) name: string;
}

@ObjectType('AlumniEndorsementVenue', { description: 'Where the two worked together' })
export class AlumniEndorsementVenueObject {
  @Field({ description: 'Venue name' }) name: string;
  @Field(() => Int, { description: 'Shifts there' }) shifts: number;
}

@ObjectType('AlumniEndorsement', { description: 'A colleague vouching for a skill, with how Baton knows they worked together' })
export class AlumniEndorsementObject {
  @Field(() => ID, { description: 'Identifier' }) id: string;
  @Field(() => ID, { description: 'The person endorsed' }) endorseeId: string;
  @Field(() => AlumniEndorsedSkillObject, { description: 'The skill' }) skill: AlumniEndorsedSkillObject;
  @Field(() => AlumniEndorserObject, { description: 'The colleague' }) endorser: AlumniEndorserObject;
  @Field(() => EndorsementRelation, { description: 'How they worked together' }) relation: EndorsementRelation;
  @Field({ description: 'The event they worked together most' }) eventName: string;
  @Field(() => Int, { description: 'Shifts together (or coordinated) in that event' }) shifts: number;
  @Field(() => [AlumniEndorsementVenueObject], { description: 'Where, most shifts first' }) venues: AlumniEndorsementVenueObject[];
  @Field({ description: 'In words, e.g. "Worked 6 shifts together at Stade de France, Paris 2024"' }) summary: string;
  @Field(() => String, { nullable: true, description: 'What the colleague wrote' }) comment: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Hidden by the endorsee (only they see this field)' }) hidden: boolean | null;
  @Field({ description: 'When' }) createdAt: Date;
}

@InputType({ description: "Endorsing a colleague's skill" })
export class EndorseAlumniSkillInput {
  @Field(() => ID, { description: 'The colleague (their userId)' }) @IsUUID() userId: string;
  @Field(() => ID, { description: 'The skill on their profile (AlumniSkill.id)' }) @IsUUID() skillId: string;
  @Field(() => String, { nullable: true, description: 'A few words, at most 500 characters' })
  @NormaliseText()
  @IsOptional()
  @IsCleanText({ max: 500, multiline: true })
  comment?: string | null;
}
