import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccreditationStatus, EmploymentType } from '../staff-member.entity';

registerEnumType(EmploymentType, {
  name: 'EmploymentType',
  description: 'How a person works the Games; the working-time rules follow from it (setWorkRules)',
  valuesMap: {
    EMPLOYEE: { description: "An employee (of the committee or of a partner, whose staff remain its employees): the labour code's limits" },
    CONTRACTOR: { description: 'A contractor' },
    VOLUNTEER: { description: "A volunteer: the volunteers' charter limits" },
  },
});
registerEnumType(AccreditationStatus, {
  name: 'AccreditationStatus',
  description: 'Whether the accreditation (badge) lets the person into the venues',
  valuesMap: {
    PENDING: { description: 'Requested, not yet granted' },
    VALID: { description: 'Granted: the zones in accreditationZones apply' },
    SUSPENDED: { description: 'Withdrawn for now' },
  },
});

@ObjectType('StaffContact', { description: 'Personal data: only the person, admins and coordinators whose scope covers them see it' })
export class StaffContactObject {
  @Field(() => String, { nullable: true, description: 'Work email, lower case' }) email: string | null;
  @Field(() => String, { nullable: true, description: 'Phone number as given, e.g. +33 6 12 34 56 78' }) phone: string | null;
}

@ObjectType('StaffMemberSkill', { description: 'A skill a person holds, with its level' })
export class StaffMemberSkillObject {
  @Field(() => ID, { description: 'The skill of the catalogue' }) skillId: string;
  @Field({ description: 'Skill code' }) code: string;
  @Field({ description: 'Skill name' }) name: string;
  @Field(() => Int, { description: '1 = basic, 2 = autonomous, 3 = expert, 4 = can lead' }) level: number;
}

/** `skills` is a field resolver (batched by StaffSkillsLoader), so it is not declared here. */
@ObjectType('StaffMember', {
  description: "A person working one event, for one organisation. Seen by those who may read the event's staff directory and by the person themself",
})
export class StaffMemberObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field(() => ID, { description: 'The event this record belongs to' }) eventId: string;
  @Field(() => ID, { nullable: true, description: 'The account of this person, once invited and linked' }) userId: string | null;
  @Field(() => ID, { description: 'The employer or programme that sends this person' }) organisationId: string;
  @Field(() => ID, { nullable: true, description: 'Their team; null until placed' }) teamId: string | null;
  @Field(() => ID, { nullable: true, description: 'Their home venue; null for a roving person' }) homeVenueId: string | null;
  @Field({ description: 'Name shown on rosters' }) displayName: string;
  @Field(() => EmploymentType, { description: 'Employee, contractor or volunteer: decides the working-time rules' }) employmentType: EmploymentType;
  @Field(() => [String], { description: 'ISO 639-1 codes' }) languages: string[];
  @Field(() => [String], { description: 'Accreditation zones this person may enter (a venue lists the zones it needs)' }) accreditationZones: string[];
  @Field(() => AccreditationStatus, { description: 'Whether the accreditation is valid' }) accreditationStatus: AccreditationStatus;
  @Field(() => String, { nullable: true, description: "The key of this person in the partner's or the committee's own files" }) externalRef: string | null;
  @Field(() => StaffContactObject, {
    nullable: true,
    description: 'Null unless you are this person, an admin, or a coordinator whose venues and teams cover them',
  })
  contact: StaffContactObject | null;
}
