import { OrganisationEntity } from '@baton/organisations';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A sign-in on its way through the provider: what the callback needs to finish it (PKCE verifier,
 * nonce). Kept server-side rather than in a cookie so that one use is a database fact: the callback
 * marks it used in the same statement that finds it.
 */
@Entity('oidc_sign_in_requests')
@Unique('oidc_sign_in_requests_state_key', ['stateHash'])
@Index('oidc_sign_in_requests_expires_idx', ['expiresAt'])
export class OidcSignInRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** SHA-256 of the state: a leaked table cannot be used to complete someone's sign-in. */
  @Column({ type: 'text' }) stateHash: string;
  @Column({ type: 'uuid' }) organisationId: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'oidc_sign_in_requests_organisation_fk' })
  organisation?: OrganisationEntity;
  /** The PKCE code verifier, sealed (libs/crypto) with the request's state hash as context. */
  @Column({ type: 'text' }) codeVerifierEnvelope: string;
  @Column({ type: 'text' }) nonce: string;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
