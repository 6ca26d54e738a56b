import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, AuthPermission, CurrentActor } from '@baton/auth';
import { Connection, GraphqlContext, PageArgs, ParseIdPipe } from '@baton/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { AccountDeletionService } from './erasure/account-deletion.service';
import { AccountDeletionObject, DeleteMyAccountInput, ErasureRequestObject, RequestErasureInput } from './erasure/dto/erasure.dto';
import { ErasureRequestStatus } from './erasure/erasure-request.entity';
import { ErasureRequestService } from './erasure/erasure-request.service';
import { DataExportService } from './export/data-export.service';
import { PrivacyPermission } from './privacy.permissions';

const ErasureRequestConnection = Connection(ErasureRequestObject, 'ErasureRequest');

/** Anyone signed in exports or deletes their own data; administrators run erasure requests. */
@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly exports: DataExportService,
    private readonly deletions: AccountDeletionService,
    private readonly requests: ErasureRequestService,
  ) {}

  @Query(() => GraphQLJSONObject, {
    description:
      'Everything Baton holds on you, one JSON document with a section per area (account, staff records, roster, alumni, Games records, messages, audit). Audited',
  })
  @Allow(AuthPermission.AUTHENTICATED)
  exportMyData(@CurrentActor() actor: Actor) {
    return this.exports.exportMine(actor);
  }

  @Mutation(() => AccountDeletionObject, {
    description:
      'Erase your account and personal data everywhere; staffing statistics stay under an anonymous name, your Games records are revoked, every session ends',
  })
  @Allow(AuthPermission.AUTHENTICATED)
  deleteMyAccount(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Your current password, as confirmation' }) input: DeleteMyAccountInput,
    @Context() context: GraphqlContext,
  ) {
    return this.deletions.deleteMine(actor, input.password, context.req?.ip ?? 'unknown');
  }

  @Mutation(() => ErasureRequestObject, { description: 'Record an erasure request for a person (admins); run it with executeErasure. Audited with ids only' })
  @Allow(PrivacyPermission.PRIVACY_MANAGE)
  requestErasure(@CurrentActor() actor: Actor, @Args('input', { description: 'Whom to erase and why' }) input: RequestErasureInput) {
    return this.requests.request(actor, input.userId, input.reason);
  }

  @Query(() => ErasureRequestConnection, { description: 'Erasure requests, oldest first (admins)' })
  @Allow(PrivacyPermission.PRIVACY_MANAGE)
  erasureRequests(
    @Args() page: PageArgs,
    @Args('status', { type: () => ErasureRequestStatus, nullable: true, description: 'Only the requests in this state' }) status?: ErasureRequestStatus,
  ) {
    return this.requests.list(page, status);
  }

  @Mutation(() => ErasureRequestObject, { description: 'Execute an erasure request now (admins): the same erasure as deleteMyAccount. Audited with ids only' })
  @Allow(PrivacyPermission.PRIVACY_MANAGE)
  executeErasure(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The erasure request' }, ParseIdPipe) id: string) {
    return this.requests.execute(actor, id);
  }
}
