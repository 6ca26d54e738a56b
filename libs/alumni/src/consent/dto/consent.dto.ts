import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { ConsentPurpose } from '../../common/alumni-enums';
import { IsCleanText, NormaliseText } from '../../common/text-rules';

registerEnumType(ConsentPurpose, {
  name: 'AlumniConsentPurpose',
  description: 'What a consent is for',
  valuesMap: { ALUMNI_NETWORK: { description: 'Being a member of the alumni network, with a profile others see as its visibility allows' } },
});

@ObjectType('AlumniConsentText', { description: 'A version of the text people agree to when they join' })
export class AlumniConsentTextObject {
  @Field(() => ID, { description: 'Identifier, given to joinAlumniNetwork' }) id: string;
  @Field(() => ConsentPurpose, { description: 'What it is for' }) purpose: ConsentPurpose;
  @Field(() => Int, { description: 'Version number, from 1' }) version: number;
  @Field({ description: 'Title' }) title: string;
  @Field({ description: 'The full text' }) body: string;
  @Field({ description: 'When it was published' }) publishedAt: Date;
  @Field({ description: 'The version people agree to now (the latest)' }) current: boolean;
}

@ObjectType('AlumniConsent', { description: 'Your consent: what you agreed to and when' })
export class AlumniConsentObject {
  @Field(() => ID, { description: 'Identifier' }) id: string;
  @Field(() => ConsentPurpose, { description: 'What it is for' }) purpose: ConsentPurpose;
  @Field(() => ID, { description: 'The text agreed to' }) consentTextId: string;
  @Field(() => Int, { description: 'Its version' }) version: number;
  @Field({ description: 'When you agreed' }) givenAt: Date;
  @Field(() => Date, { nullable: true, description: 'When you withdrew it; null while it holds' }) withdrawnAt: Date | null;
}

@ObjectType('AlumniMembership', { description: 'Where you stand with the alumni network' })
export class AlumniMembershipObject {
  @Field({ description: 'Your consent is active: you are a member' }) member: boolean;
  @Field({ description: 'You may join (you worked a closed event, were invited, or were a member before)' }) mayJoin: boolean;
  @Field(() => [String], { description: 'Names of the closed events you were invited after' }) invitedAfter: string[];
  @Field(() => [AlumniConsentObject], { description: 'Your consents, newest first' }) consents: AlumniConsentObject[];
}

@InputType({ description: 'Joining the alumni network' })
export class JoinAlumniNetworkInput {
  @Field(() => ID, { description: 'The current consent text you read and agree to (alumniConsentTexts)' }) @IsUUID() consentTextId: string;
}

@InputType({ description: 'A new version of the consent text' })
export class PublishConsentTextInput {
  @Field({ description: 'At most 200 characters' }) @NormaliseText() @IsCleanText({ max: 200 }) title: string;
  @Field({ description: 'The full text, at most 20,000 characters' }) @NormaliseText() @IsCleanText({ max: 20000, multiline: true }) body: string;
}
