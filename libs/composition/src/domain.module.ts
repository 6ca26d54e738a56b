import { DynamicModule, Module } from '@nestjs/common';
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
import { OpportunitiesModule } from '@baton/opportunities';
import { migrations } from '@baton/migrations';
import { OidcModule } from '@baton/oidc';
import { OrganisationsModule } from '@baton/organisations';
import { OutboxModule } from '@baton/outbox';
import { PrivacyModule } from '@baton/privacy';
import { PubSubModule } from '@baton/pubsub';
import { QueueModule, type ProcessRole } from '@baton/queue';
import { RosteringModule } from '@baton/rostering';
import { SchedulingModule } from '@baton/scheduling';
import { SkillsModule } from '@baton/skills';
import { StaffModule } from '@baton/staff';
import { TalentModule } from '@baton/talent';

export type { ProcessRole };

/**
 * Everything but the edge: the API (HTTP), the worker (jobs) and the CLI (migrations, seed)
 * share it. `role` tells the job queue which process this is, so `JOBS` decides whether it runs jobs.
 */
@Module({})
export class DomainModule {
  /** `config` overrides environment variables for this process only (BatonConfigModule.forRoot). */
  static forRoot(options: { role: ProcessRole; config?: Record<string, string> }): DynamicModule {
    return {
      module: DomainModule,
      imports: [
        BatonConfigModule.forRoot(options.config),
        CoreModule,
        CryptoModule,
        DatabaseModule.forRoot({ migrations }),
        QueueModule.forRoot({ role: options.role }),
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
        OpportunitiesModule,
        OidcModule,
        PrivacyModule,
        TalentModule,
      ],
    };
  }
}
