import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeConstraint } from '@baton/database';
import { AuthModule } from '@baton/auth';
import { OrganisationEntity } from './organisation/organisation.entity';
import { OrganisationResolver } from './organisation/organisation.resolver';
import { OrganisationLoader } from './organisation/organisation.loader';
import { OrganisationService } from './organisation/organisation.service';
import { organisationsPermissions } from './organisations.permissions';

describeConstraint('organisations_code_key', { field: 'code', message: 'An organisation with this code already exists' });

@Module({
  imports: [AuthModule.forFeature(organisationsPermissions), TypeOrmModule.forFeature([OrganisationEntity])],
  providers: [OrganisationService, OrganisationResolver, OrganisationLoader],
  exports: [OrganisationService, OrganisationLoader],
})
export class OrganisationsModule {}
