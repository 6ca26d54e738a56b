import { Module } from '@nestjs/common';
import { AlumniModule } from '@baton/alumni';
import { AuditModule } from '@baton/audit';
import { AuthModule } from '@baton/auth';
import { BatonConfigModule } from '@baton/config';
import { CoreModule } from '@baton/core';
import { CredentialsModule } from '@baton/credentials';
import { CryptoModule } from '@baton/crypto';
import { DatabaseModule } from '@baton/database';
import { EventsModule } from '@baton/events';
import { IdentityActorLoader, IdentityActorModule, IdentityModule } from '@baton/identity';
import { OrganisationsModule } from '@baton/organisations';
import { OutboxModule } from '@baton/outbox';
import { PubSubModule } from '@baton/pubsub';
import { RosteringModule } from '@baton/rostering';
import { SchedulingModule } from '@baton/scheduling';
import { SkillsModule } from '@baton/skills';
import { StaffModule } from '@baton/staff';

/** Everything but HTTP: the API and the CLI (migrations, seed) share it. */
@Module({
  imports: [
    BatonConfigModule.forRoot(),
    CoreModule,
    CryptoModule,
    DatabaseModule,
    PubSubModule,
    AuthModule.forRoot({ actorLoader: IdentityActorLoader, imports: [IdentityActorModule] }),
    AuditModule,
    OutboxModule,
    IdentityModule,
    EventsModule,
    OrganisationsModule,
    SkillsModule,
    StaffModule,
    SchedulingModule,
    RosteringModule,
    CredentialsModule,
    AlumniModule,
  ],
})
export class DomainModule {}
