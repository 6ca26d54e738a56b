import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConstraintsModule } from '@baton/database';
import { AuthModule } from '@baton/auth';
import { OrganisationEntity } from './organisation/organisation.entity';
import { OrganisationResolver } from './organisation/organisation.resolver';
import { OrganisationLoader } from './organisation/organisation.loader';
import { OrganisationService } from './organisation/organisation.service';
import { organisationsPermissions } from './organisations.permissions';
import { OrganisationsPrivacyContributor } from './privacy/organisations-privacy.contributor';
import { organisationsConstraints } from './organisations.constraints';

@Module({
  imports: [
    AuthModule.forFeature(organisationsPermissions),
    ConstraintsModule.forFeature(organisationsConstraints),
    TypeOrmModule.forFeature([OrganisationEntity]),
  ],
  providers: [OrganisationService, OrganisationsPrivacyContributor, OrganisationResolver, OrganisationLoader],
  exports: [OrganisationService, OrganisationLoader],
})
export class OrganisationsModule {}
