import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsCleanText, NormaliseText } from '@baton/alumni';
import { IsUUID } from 'class-validator';
import { ContactRequestStatus } from '../contact-request.entity';

registerEnumType(ContactRequestStatus, {
  name: 'ContactRequestStatus',
  description: 'Where a contact request stands',
  valuesMap: {
    PENDING: { description: 'Waiting for the alumnus' },
    ACCEPTED: { description: 'Accepted: the organisation sees the contact details, until the alumnus takes it back (revokedAt)' },
    DECLINED: { description: 'Declined by the alumnus (or the organisation was blocked)' },
    EXPIRED: { description: 'Not answered within the allowed days' },
  },
});

@InputType('ContactRequestInput', { description: 'Ask an alumnus for their contact details' })
export class ContactRequestInput {
  @Field(() => ID, { description: 'The alumnus' }) @IsUUID() alumnusId: string;
  @Field({ description: 'Why you would like to get in touch; 1 to 2000 characters' })
  @NormaliseText()
  @IsCleanText({ max: 2000, multiline: true })
  message: string;
}

@ObjectType('ContactRequest', { description: 'A recruiter’s request to contact an alumnus' })
export class ContactRequestObject {
  @Field(() => ID, { description: 'Identifier' }) id: string;
  @Field(() => ID, { description: 'The organisation asking' }) organisationId: string;
  @Field({ description: 'Name of the organisation asking' }) organisationName: string;
  @Field(() => ID, { description: 'The alumnus asked' }) alumnusId: string;
  @Field({ description: 'The alumnus’ name in the network' }) alumnusName: string;
  @Field({ description: 'The recruiter’s message' }) message: string;
  @Field(() => ContactRequestStatus, { description: 'Where it stands; a pending request past its expiry reads EXPIRED' }) status: ContactRequestStatus;
  @Field({ description: 'When it was sent' }) createdAt: Date;
  @Field({ description: 'When it expires if not answered' }) expiresAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was answered or expired' }) answeredAt: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When the alumnus took the acceptance back (revokeContact, or by blocking the organisation): the contact details are hidden again',
  })
  revokedAt: Date | null;
}

@ObjectType('AlumniContact', { description: 'How to reach an alumnus: shown to themself, and to an organisation whose contact request they accepted' })
export class AlumniContactObject {
  @Field({ description: 'E-mail address of the account' }) email: string;
  @Field(() => String, { nullable: true, description: 'Phone number, when one is on a staff record' }) phone: string | null;
}
