import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeConstraint } from '@baton/database';
import { RosteringModule } from '@baton/rostering';
import { AuthModule } from '@baton/auth';
import { CredentialSigner } from './games-record/credential-signer';
import { GamesRecordIssuer } from './games-record/games-record-issuer.service';
import { GamesRecordEntity } from './games-record/games-record.entity';
import { GamesRecordsByUserLoader } from './games-record/games-record.loader';
import { GamesRecordQueries } from './games-record/games-record.queries';
import { GamesRecordResolver } from './games-record/games-record.resolver';
import { GamesRecordService } from './games-record/games-record.service';
import { IssuerController } from './keys/issuer.controller';
import { KeyRingService } from './keys/key-ring.service';
import { SigningKeyEntity } from './keys/signing-key.entity';
import { SigningKeyResolver } from './keys/signing-key.resolver';
import { RecordVerificationService } from './verification/record-verification.service';
import { VerificationThrottle } from './verification/verification-throttle';
import { VerifyController } from './verification/verify.controller';
import { credentialsPermissions } from './credentials.permissions';

describeConstraint('games_records_one_current_per_staff', { field: 'staffMemberId', message: 'This staff record already has a current Games record' });
describeConstraint('games_records_event_fk', { field: 'eventId', message: 'No such event' });
describeConstraint('games_records_staff_fk', { field: 'staffMemberId', message: 'No such staff record' });
describeConstraint('games_records_certified_guard', { message: 'A Games record is never edited once issued: reissue it' });
describeConstraint('credential_signing_keys_one_current', { message: 'Another signing key became current at the same moment; try again' });

/** Verified Games records as Open Badges 3.0 credentials, the issuer's key ring, public verification. */
@Module({
  imports: [AuthModule.forFeature(credentialsPermissions), TypeOrmModule.forFeature([GamesRecordEntity, SigningKeyEntity]), RosteringModule],
  controllers: [IssuerController, VerifyController],
  providers: [
    KeyRingService,
    CredentialSigner,
    GamesRecordQueries,
    GamesRecordIssuer,
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
