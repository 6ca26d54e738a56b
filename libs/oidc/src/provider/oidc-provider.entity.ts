import { OrganisationEntity } from '@baton/organisations';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * An organisation's identity provider: one per organisation. The client secret is stored only as
 * an envelope (libs/crypto) bound to the organisation, and is never read back over the API.
 */
@Entity('oidc_providers')
@Check('oidc_providers_domains_check', `cardinality("allowed_email_domains") > 0`)
export class OidcProviderEntity {
  @PrimaryColumn({ type: 'uuid' }) organisationId: string;
  @OneToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'oidc_providers_organisation_fk' })
  organisation?: OrganisationEntity;
  @Column({ type: 'text' }) issuerUrl: string;
  @Column({ type: 'text' }) clientId: string;
  @Column({ type: 'text' }) clientSecretEnvelope: string;
  /** Lower-case domains; an email's domain must be one of them exactly. */
  @Column({ type: 'text', array: true }) allowedEmailDomains: string[];
  @Column({ type: 'boolean' }) enabled: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
