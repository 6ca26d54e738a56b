import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConstraintsModule } from '@baton/database';
import { CredentialsModule } from '@baton/credentials';
import { EventsModule } from '@baton/events';
import { IdentityModule } from '@baton/identity';
import { OrganisationsModule } from '@baton/organisations';
import { RosteringModule } from '@baton/rostering';
import { SkillsModule } from '@baton/skills';
import { StaffModule } from '@baton/staff';
import { AuthModule } from '@baton/auth';
import { ALUMNI_ENTITIES } from './alumni.entities';
import { ConsentResolver } from './consent/consent.resolver';
import { ConsentService } from './consent/consent.service';
import { DirectoryService } from './directory/directory.service';
import { EndorsementResolver } from './endorsement/endorsement.resolver';
import { EndorsementService } from './endorsement/endorsement.service';
import { AlumniInvitationService } from './invitation/alumni-invitation.service';
import { JsonResumeService } from './json-resume/json-resume.service';
import { AlumniPrivacyService } from './privacy/alumni-privacy.service';
import { GamesSnapshotService } from './profile/games-snapshot.service';
import { ProfileFieldsResolver } from './profile/profile-fields.resolver';
import { ProfileQueryService } from './profile/profile-query.service';
import {
  MembershipLoader,
  ProfileByUserLoader,
  ProfileEducationLoader,
  ProfileExperiencesLoader,
  ProfileGamesLoader,
  ProfileLanguagesLoader,
  ProfileLinksLoader,
  ProfileSkillsLoader,
} from './profile/profile.loaders';
import { ProfileRecordsLoader } from './profile/profile-records.loader';
import { ProfileResolver } from './profile/profile.resolver';
import { ProfileService } from './profile/profile.service';
import { alumniPermissions } from './alumni.permissions';
import { alumniConstraints } from './alumni.constraints';

@Module({
  imports: [
    AuthModule.forFeature(alumniPermissions),
    ConstraintsModule.forFeature(alumniConstraints),
    TypeOrmModule.forFeature(ALUMNI_ENTITIES),
    CredentialsModule,
    OrganisationsModule,
    EventsModule,
    IdentityModule,
    StaffModule,
    RosteringModule,
    SkillsModule,
  ],
  providers: [
    ConsentService,
    AlumniInvitationService,
    GamesSnapshotService,
    ProfileService,
    ProfileQueryService,
    DirectoryService,
    JsonResumeService,
    EndorsementService,
    AlumniPrivacyService,
    ProfileByUserLoader,
    ProfileSkillsLoader,
    ProfileLanguagesLoader,
    ProfileExperiencesLoader,
    ProfileEducationLoader,
    ProfileLinksLoader,
    ProfileGamesLoader,
    ProfileRecordsLoader,
    MembershipLoader,
    ConsentResolver,
    ProfileResolver,
    ProfileFieldsResolver,
    EndorsementResolver,
  ],
  exports: [AlumniPrivacyService, GamesSnapshotService, AlumniInvitationService, ProfileQueryService],
})
export class AlumniModule {}
