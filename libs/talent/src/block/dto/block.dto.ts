import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('OrganisationBlock', { description: 'An organisation you blocked: its recruiters see nothing of you' })
export class OrganisationBlockObject {
  @Field(() => ID, { description: 'The organisation' }) organisationId: string;
  @Field({ description: 'Its name' }) organisationName: string;
  @Field({ description: 'When you blocked it' }) createdAt: Date;
}
