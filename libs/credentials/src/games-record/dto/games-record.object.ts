import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@baton/graphql';
import { GamesRecordStatus } from '../games-record-status';

registerEnumType(GamesRecordStatus, {
  name: 'GamesRecordStatus',
  description: 'Where a verified Games record stands',
  valuesMap: {
    VALID: { description: 'Issued and standing' },
    REVOKED: { description: 'Withdrawn by the organising committee, with a public reason' },
    SUPERSEDED: { description: 'Replaced by a reissued record (see supersededByCode)' },
  },
});

@ObjectType('GamesRecord', {
  description:
    'A verified record of one person’s work at one event, computed from the roster and attendance and signed by the organising committee ' +
    'as an Open Badges 3.0 credential. Its subject cannot edit it, only hide it from their profile.',
})
export class GamesRecordObject {
  @Field(() => ID, { description: 'Internal id of the record (for the mutations); never part of the credential' }) id: string;
  @Field({ description: 'The public verification code: anyone may check the record with it, at verificationUrl or verifyRecord' }) code: string;
  @Field({ description: 'The public verification page of this record (built on PUBLIC_URL)' }) verificationUrl: string;
  @Field(() => GamesRecordStatus, { description: 'VALID, REVOKED or SUPERSEDED' }) status: GamesRecordStatus;
  @Field(() => ID, { description: 'The event worked' }) eventId: string;
  @Field({ description: 'Code of the event, as certified' }) eventCode: string;
  @Field({ description: 'Name of the event, as certified' }) eventName: string;
  @Field(() => ID, { nullable: true, description: 'The staff record the figures come from; null once that staff record was deleted' })
  staffMemberId: string | null;
  @Field(() => String, { nullable: true, description: 'The person’s name as certified; null after erasure' }) subjectName: string | null;
  @Field({ description: 'The organisation the person worked for' }) organisationName: string;
  @Field(() => [String], { description: 'Teams of the shifts worked, the most worked first' }) teams: string[];
  @Field(() => [String], { description: 'Venues of the shifts worked, the most worked first' }) venues: string[];
  @Field(() => [String], { description: 'Role titles of the shifts worked, the most worked first' }) roles: string[];
  @Field(() => LocalDateScalar, { description: 'First day worked, as a local date in that shift’s venue time zone' }) firstDay: string;
  @Field(() => LocalDateScalar, { description: 'Last day worked, as a local date in that shift’s venue time zone' }) lastDay: string;
  @Field(() => Int, { description: 'Shifts with checked-in time inside them' }) shiftsWorked: number;
  @Field(() => Int, {
    description: 'Checked-in minutes within the scheduled shifts; a missing check-out counts until the scheduled end, no-shows count nothing',
  })
  workedMinutes: number;
  @Field(() => Float, { description: 'Worked minutes in hours, two decimals (as the credential states it)' }) hoursWorked: number;
  @Field({ description: 'When it was issued and signed (the credential’s validFrom)' }) issuedAt: Date;
  @Field({ description: 'The JOSE kid of the signing key (a URL of the public key)' }) keyId: string;
  @Field(() => String, {
    nullable: true,
    description: 'The signed OpenBadgeCredential as a VC-JWT (compact JWS, EdDSA), to keep in a wallet or send to a verifier; null after erasure',
  })
  credentialJwt: string | null;
  @Field({ description: 'Hidden by its subject from their profile and CV (it still verifies for whoever holds the code)' }) hidden: boolean;
  @Field(() => Date, { nullable: true, description: 'When it was revoked' }) revokedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was revoked (public)' }) revocationReason: string | null;
  @Field(() => Date, { nullable: true, description: 'When a reissued record replaced it' }) supersededAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Verification code of the record that replaced it' }) supersededByCode: string | null;
}

@ObjectType('GamesRecordIssuance', { description: 'What issuing the records of a closed event did' })
export class GamesRecordIssuanceObject {
  @Field(() => ID, { description: 'The event' }) eventId: string;
  @Field(() => Int, { description: 'Records issued now' }) issued: number;
  @Field(() => Int, { description: 'Staff records that already had a record (valid or revoked): left as they are' }) alreadyIssued: number;
  @Field(() => Int, { description: 'Staff records with check-ins but no worked time (cancelled, outside the shift): no record' })
  withoutWorkedShifts: number;
}
