import { AlumniPermission } from '@baton/alumni';
import { TalentPermission } from '../talent.permissions';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { Loaders, LoaderRegistry, ParseIdPipe } from '@baton/graphql';
import { BadInputError } from '@baton/core';
import { ContactRequestInput, ContactRequestObject } from './dto/contact.dto';
import { ContactService } from './contact.service';

const LIST_DESCRIPTION = 'How many, newest first; 1 to 200, default 50';

@Resolver(() => ContactRequestObject)
export class ContactResolver {
  constructor(private readonly contacts: ContactService) {}

  @Mutation(() => ContactRequestObject, {
    description:
      'Recruiters: ask an alumnus you may see for their contact details (one pending request per organisation and person; a daily limit per recruiter; expires after 30 days)',
  })
  @Allow(TalentPermission.TALENT_SEARCH)
  requestContact(@CurrentActor() actor: Actor, @Args('input', { description: 'Whom and why' }) input: ContactRequestInput, @Loaders() loaders: LoaderRegistry) {
    return this.contacts.request(actor, input, loaders);
  }

  @Mutation(() => ContactRequestObject, { description: 'Alumni: accept or decline a contact request made to you' })
  @Allow(AlumniPermission.ALUMNI_PROFILE)
  respondToContactRequest(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The request' }, ParseIdPipe) id: string,
    @Args('accept', { description: 'True accepts (the organisation then sees your contact details), false declines' }) accept: boolean,
  ) {
    return this.contacts.respond(actor, id, accept);
  }

  @Mutation(() => ContactRequestObject, {
    description:
      'Alumni: take back a contact request you accepted: that organisation no longer sees your contact details (its recruiter is told). Revoking twice changes nothing',
  })
  @Allow(AlumniPermission.ALUMNI_PROFILE)
  revokeContact(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The accepted request' }, ParseIdPipe) id: string) {
    return this.contacts.revoke(actor, id);
  }

  @Query(() => [ContactRequestObject], { description: 'Alumni: contact requests made to you, newest first' })
  @Allow(AlumniPermission.ALUMNI_PROFILE)
  myContactRequests(
    @CurrentActor() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
    @Args('first', { type: () => Int, nullable: true, description: LIST_DESCRIPTION }) first?: number,
  ) {
    return this.contacts.list(actor, 'received', loaders, clamp(first));
  }

  @Query(() => [ContactRequestObject], { description: 'Recruiters: contact requests sent by your organisation, newest first' })
  @Allow(TalentPermission.TALENT_SEARCH)
  sentContactRequests(
    @CurrentActor() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
    @Args('first', { type: () => Int, nullable: true, description: LIST_DESCRIPTION }) first?: number,
  ) {
    return this.contacts.list(actor, 'sent', loaders, clamp(first));
  }
}

function clamp(first: number | undefined | null): number {
  if (first === undefined || first === null) return 50;
  if (first < 1 || first > 200) throw BadInputError.field('first', 'Between 1 and 200', 'range');
  return first;
}
