import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, Public } from '@baton/auth';
import { Connection, PageArgs, ParseIdPipe } from '@baton/graphql';
import { RecordVerificationService } from '../verification/record-verification.service';
import { VerificationThrottle } from '../verification/verification-throttle';
import { RecordVerificationObject } from '../verification/verification.types';
import { GamesRecordFilter } from './dto/games-record.args';
import { GamesRecordIssuanceObject, GamesRecordObject } from './dto/games-record.object';
import { GamesRecordIssuer } from './games-record-issuer.service';
import { GamesRecordService } from './games-record.service';
import { CredentialsPermission } from '../credentials.permissions';

const GamesRecordConnection = Connection(GamesRecordObject, 'GamesRecord');

@Resolver(() => GamesRecordObject)
export class GamesRecordResolver {
  constructor(
    private readonly records: GamesRecordService,
    private readonly issuer: GamesRecordIssuer,
    private readonly verification: RecordVerificationService,
    private readonly throttle: VerificationThrottle,
  ) {}

  @Query(() => [GamesRecordObject], {
    description:
      'Your verified Games records, one per event you worked (through every staff record linked to your account), newest first; replaced ones left out',
  })
  @Allow(CredentialsPermission.RECORDS_OWN)
  myGamesRecords(@CurrentActor() actor: Actor) {
    return this.records.mine(actor);
  }

  @Query(() => GamesRecordConnection, { description: 'The records of an event, in order of issue (organising committee)' })
  @Allow(CredentialsPermission.RECORDS_MANAGE)
  gamesRecords(
    @Args('eventId', { type: () => ID, description: 'The event' }, ParseIdPipe) eventId: string,
    @Args() page: PageArgs,
    @Args('filter', { type: () => GamesRecordFilter, nullable: true, description: 'Narrow by status or staff record' }) filter?: GamesRecordFilter,
  ) {
    return this.records.list(eventId, page, filter ?? {});
  }

  @Query(() => RecordVerificationObject, {
    description: 'Public, no sign-in: what the record with this verification code certifies, by whom, since when, and whether it still holds',
  })
  @Public()
  async verifyRecord(
    @Args('code', { description: 'The verification code (22 characters, as in the verification URL)' }) code: string,
    @Context('req') request: { ip?: string },
  ) {
    await this.throttle.attempt(request?.ip);
    return this.verification.verify(code);
  }

  @Mutation(() => GamesRecordIssuanceObject, {
    description:
      'Issues a signed record for each staff record of a closed event with worked time. Idempotent: existing records (valid or revoked) are left as they are',
  })
  @Allow(CredentialsPermission.RECORDS_MANAGE)
  issueGamesRecords(@CurrentActor() actor: Actor, @Args('eventId', { type: () => ID, description: 'A closed event' }, ParseIdPipe) eventId: string) {
    return this.issuer.issueForEvent(eventId, actor.userId);
  }

  @Mutation(() => GamesRecordObject, { description: 'Withdraws a record that was wrong; the reason is shown to anyone verifying it' })
  @Allow(CredentialsPermission.RECORDS_MANAGE)
  revokeGamesRecord(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The record' }, ParseIdPipe) id: string,
    @Args('reason', { description: 'Why, in up to 500 characters (public: no personal data)' }) reason: string,
  ) {
    return this.records.revoke(actor, id, reason);
  }

  @Mutation(() => GamesRecordObject, {
    description: 'Recomputes a record from the roster and attendance as they are now and issues it anew; the old record becomes SUPERSEDED',
  })
  @Allow(CredentialsPermission.RECORDS_MANAGE)
  async reissueGamesRecord(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The current record (valid or revoked)' }, ParseIdPipe) id: string,
    @Args('reason', { description: 'What was corrected, in up to 500 characters (audited)' }) reason: string,
  ) {
    const fresh = await this.issuer.reissue(actor, id, reason);
    return this.records.get(fresh.id);
  }

  @Mutation(() => GamesRecordObject, { description: 'Hides your record from your profile and CV, or shows it again; it cannot be edited' })
  @Allow(CredentialsPermission.RECORDS_OWN)
  setGamesRecordHidden(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'One of your records' }, ParseIdPipe) id: string,
    @Args('hidden', { description: 'true to hide, false to show' }) hidden: boolean,
  ) {
    return this.records.setHidden(actor, id, hidden);
  }
}
