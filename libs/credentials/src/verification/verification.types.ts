import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@baton/graphql';

export enum VerificationStatus {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
  SUPERSEDED = 'SUPERSEDED',
  INVALID = 'INVALID',
}

registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: 'The answer of a verification',
  valuesMap: {
    VALID: { description: 'Signed by the issuer, unchanged since, neither revoked nor replaced' },
    REVOKED: { description: 'Withdrawn by the issuer (see revokedAt and revocationReason)' },
    SUPERSEDED: { description: 'Replaced by a reissued record (see supersededByCode)' },
    INVALID: { description: 'The signature or the stored record does not hold: do not trust it (see problems)' },
  },
});

@ObjectType('CredentialIssuer', { description: 'Who signed a credential (an Open Badges Profile)' })
export class CredentialIssuerObject {
  @Field({ description: 'The issuer’s id (a URL), the JWT iss claim' }) id: string;
  @Field({ description: 'The issuer’s name' }) name: string;
}

@ObjectType('CertifiedFacts', { description: 'What a verified Games record certifies' })
export class CertifiedFactsObject {
  @Field({ description: 'The person, by name' }) subjectName: string;
  @Field({ description: 'The event worked' }) eventName: string;
  @Field({ description: 'Code of the event' }) eventCode: string;
  @Field({ description: 'The organisation the person worked for' }) organisationName: string;
  @Field(() => [String], { description: 'Teams, the most worked first' }) teams: string[];
  @Field(() => [String], { description: 'Venues, the most worked first' }) venues: string[];
  @Field(() => [String], { description: 'Role titles, the most worked first' }) roles: string[];
  @Field(() => LocalDateScalar, { description: 'First day worked (local date at the venue)' }) firstDay: string;
  @Field(() => LocalDateScalar, { description: 'Last day worked (local date at the venue)' }) lastDay: string;
  @Field(() => Int, { description: 'Shifts worked' }) shiftsWorked: number;
  @Field(() => Float, { description: 'Hours of checked-in time within the scheduled shifts' }) hoursWorked: number;
  @Field({ description: 'How the hours were counted' }) hoursRule: string;
}

@ObjectType('RecordVerification', {
  description: 'The public answer for a verification code: what was certified, by whom, when, and whether it still holds. Nothing else about the person.',
})
export class RecordVerificationObject {
  @Field({ description: 'The code verified' }) code: string;
  @Field(() => VerificationStatus, { description: 'VALID, REVOKED, SUPERSEDED or INVALID' }) status: VerificationStatus;
  @Field({ description: 'When this answer was computed' }) checkedAt: Date;
  @Field({ description: 'The stored VC-JWT verifies with the issuer key it names, and that key is not revoked' }) signatureValid: boolean;
  @Field({ description: 'The signed credential states exactly the figures stored for this record' }) matchesRecord: boolean;
  @Field(() => [String], { description: 'What failed, in words; empty when everything holds' }) problems: string[];
  @Field(() => CredentialIssuerObject, { description: 'Who certified it' }) issuer: CredentialIssuerObject;
  @Field({ description: 'When it was issued (validFrom)' }) issuedAt: Date;
  @Field({ description: 'The kid of the signing key, as in the JWKS' }) keyId: string;
  @Field({ description: 'The credential id (urn:uuid), the JWT jti' }) credentialId: string;
  @Field(() => Date, { nullable: true, description: 'When it was revoked' }) revokedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was revoked' }) revocationReason: string | null;
  @Field(() => String, { nullable: true, description: 'Code of the record that replaced this one' }) supersededByCode: string | null;
  @Field(() => String, { nullable: true, description: 'Verification page of the record that replaced this one' }) supersededByUrl: string | null;
  @Field({ description: 'The public verification page of this code' }) verificationUrl: string;
  @Field({ description: 'Where the issuer’s public keys are published (JWKS)' }) jwksUrl: string;
  @Field(() => CertifiedFactsObject, { nullable: true, description: 'What was certified; null when the record is INVALID or its personal data was erased' })
  facts: CertifiedFactsObject | null;
  @Field(() => String, {
    nullable: true,
    description: 'The signed credential (VC-JWT) to check independently against the JWKS; null when the record is INVALID or erased',
  })
  credentialJwt: string | null;
}
