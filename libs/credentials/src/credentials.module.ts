import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConstraintsModule } from '@baton/database';
import { EventsModule } from '@baton/events';
import { RosteringModule } from '@baton/rostering';
import { AuthModule } from '@baton/auth';
import { CredentialSigner } from './games-record/credential-signer';
import { GamesRecordIssuer } from './games-record/games-record-issuer.service';
import { GamesRecordEntity } from './games-record/games-record.entity';
import { GamesRecordsByUserLoader } from './games-record/games-record.loader';
import { GamesRecordQueries } from './games-record/games-record.queries';
import { GamesRecordResolver } from './games-record/games-record.resolver';
import { GamesRecordService } from './games-record/games-record.service';
import { IssueForEventJob } from './games-record/issue-for-event.job';
import { IssuerController } from './keys/issuer.controller';
import { KeyRingService } from './keys/key-ring.service';
import { SigningKeyEntity } from './keys/signing-key.entity';
import { SigningKeyResolver } from './keys/signing-key.resolver';
import { RecordVerificationService } from './verification/record-verification.service';
import { VerificationThrottle } from './verification/verification-throttle';
import { VerifyController } from './verification/verify.controller';
import { credentialsPermissions } from './credentials.permissions';
import { CredentialsPrivacyContributor } from './privacy/credentials-privacy.contributor';
import { credentialsConstraints } from './credentials.constraints';

/** Verified Games records as Open Badges 3.0 credentials, the issuer's key ring, public verification. */
@Module({
  imports: [
    AuthModule.forFeature(credentialsPermissions),
    ConstraintsModule.forFeature(credentialsConstraints),
    TypeOrmModule.forFeature([GamesRecordEntity, SigningKeyEntity]),
    EventsModule,
    RosteringModule,
  ],
  controllers: [IssuerController, VerifyController],
  providers: [
    KeyRingService,
    CredentialsPrivacyContributor,
    CredentialSigner,
    GamesRecordQueries,
    GamesRecordIssuer,
    IssueForEventJob,
    GamesRecordService,
    GamesRecordsByUserLoader,
    RecordVerificationService,
    VerificationThrottle,
    GamesRecordResolver,
    SigningKeyResolver,
  ],
  exports: [GamesRecordService, GamesRecordIssuer, GamesRecordsByUserLoader, KeyRingService],
})
export class CredentialsModule {}
