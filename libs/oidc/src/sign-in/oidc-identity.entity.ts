import { UserEntity } from '@baton/identity';
import { OrganisationEntity } from '@baton/organisations';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A person at a provider, linked to a Baton account. The key is (issuer, subject), as OpenID
 * Connect defines identity: an email can be reassigned at the company, a subject cannot.
 */
@Entity('oidc_identities')
@Unique('oidc_identities_subject_key', ['issuer', 'subject'])
@Index('oidc_identities_user_idx', ['userId'])
export class OidcIdentityEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) issuer: string;
  @Column({ type: 'text' }) subject: string;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'oidc_identities_user_fk' })
  user?: UserEntity;
  @Column({ type: 'uuid' }) organisationId: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'oidc_identities_organisation_fk' })
  organisation?: OrganisationEntity;
  /** The email the provider vouched for at the last sign-in. */
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'timestamptz' }) lastSignInAt: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
