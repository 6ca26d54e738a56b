import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export enum SigningKeyStatus {
  /** Signs new credentials; exactly one at a time. */
  CURRENT = 'CURRENT',
  /** Rotated out: signs nothing new, still verifies what it signed. */
  RETIRED = 'RETIRED',
  /** Compromised or withdrawn: what it signed no longer verifies. */
  REVOKED = 'REVOKED',
}

/**
 * The issuer's Ed25519 key ring. The private key is stored only as an envelope sealed with a
 * key-encryption key from the configuration (libs/crypto): the database never holds it in clear,
 * and a CHECK refuses anything that is not an envelope. The public JWK must never hold `d`.
 */
@Entity('credential_signing_keys')
@Unique('credential_signing_keys_kid_key', ['kid'])
@Index('credential_signing_keys_one_current', ['status'], { unique: true, where: `"status" = 'CURRENT'` })
@Check('credential_signing_keys_algorithm_check', `"algorithm" = 'EdDSA'`)
@Check('credential_signing_keys_public_only_check', `NOT ("public_jwk" ? 'd') AND "public_jwk" ->> 'kty' = 'OKP' AND "public_jwk" ->> 'crv' = 'Ed25519'`)
@Check('credential_signing_keys_envelope_check', `"private_key_envelope" ~ '^v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$'`)
@Check(
  'credential_signing_keys_status_check',
  `("status" = 'CURRENT' AND "retired_at" IS NULL AND "revoked_at" IS NULL) OR ("status" = 'RETIRED' AND "retired_at" IS NOT NULL AND "revoked_at" IS NULL) OR ("status" = 'REVOKED' AND "revoked_at" IS NOT NULL AND "revocation_reason" IS NOT NULL)`,
)
export class SigningKeyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** The JOSE `kid`: a URL that dereferences to this public key, fixed at creation (tokens carry it). */
  @Column({ type: 'text' }) kid: string;
  @Column({ type: 'text', default: 'EdDSA' }) algorithm: string;
  /** Public part only: { kty: 'OKP', crv: 'Ed25519', x }. */
  @Column({ type: 'jsonb' }) publicJwk: { kty: string; crv: string; x: string };
  /** PKCS#8 private key, sealed (EnvelopeCipher, context `credential-signing-key:<id>`). */
  @Column({ type: 'text' }) privateKeyEnvelope: string;
  @Column({ type: 'enum', enum: SigningKeyStatus, enumName: 'signing_key_status', default: SigningKeyStatus.CURRENT }) status: SigningKeyStatus;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) retiredAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'text', nullable: true }) revocationReason: string | null;
}
