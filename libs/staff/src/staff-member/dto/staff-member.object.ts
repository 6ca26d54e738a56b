import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccreditationStatus, EmploymentType } from '../staff-member.entity';

registerEnumType(EmploymentType, { name: 'EmploymentType' });
registerEnumType(AccreditationStatus, { name: 'AccreditationStatus' });

@ObjectType('StaffContact', { description: 'Personal data: only the person, admins and coordinators whose scope covers them see it' })
export class StaffContactObject {
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
}

@ObjectType('StaffMemberSkill')
export class StaffMemberSkillObject {
  @Field(() => ID) skillId: string;
  @Field() code: string;
  @Field() name: string;
  @Field(() => Int, { description: '1 = basic, 2 = autonomous, 3 = expert, 4 = can lead' }) level: number;
}

/** `skills` is a field resolver (batched by StaffSkillsLoader), so it is not declared here. */
@ObjectType('StaffMember')
export class StaffMemberObject {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field(() => ID, { nullable: true, description: 'The account of this person, once invited and linked' }) userId: string | null;
  @Field(() => ID) organisationId: string;
  @Field(() => ID, { nullable: true }) teamId: string | null;
  @Field(() => ID, { nullable: true }) homeVenueId: string | null;
  @Field() displayName: string;
  @Field(() => EmploymentType) employmentType: EmploymentType;
  @Field(() => [String], { description: 'ISO 639-1 codes' }) languages: string[];
  @Field(() => [String]) accreditationZones: string[];
  @Field(() => AccreditationStatus) accreditationStatus: AccreditationStatus;
  @Field(() => String, { nullable: true }) externalRef: string | null;
  @Field(() => StaffContactObject, {
    nullable: true,
    description: 'Null unless you are this person, an admin, or a coordinator whose venues and teams cover them',
  })
  contact: StaffContactObject | null;
}
