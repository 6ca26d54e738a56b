import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { Clock, ConflictError, NotFoundError } from '@baton/core';
import { EnvelopeCipher } from '@baton/crypto';
import { TransactionRunner } from '@baton/database';
import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SigningKeyEntity, SigningKeyStatus } from './signing-key.entity';

export const SIGNING_ALGORITHM = 'EdDSA';

/** A public key as published in the JWKS (never a private member). */
export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: typeof SIGNING_ALGORITHM;
  use: 'sig';
}

export interface SigningKey {
  id: string;
  kid: string;
  privateKey: KeyObject;
}

/** Keys made within the same second (tests, a rotation right after the first key) still list the current one first. */
const CURRENT_FIRST = `CASE k.status WHEN 'CURRENT' THEN 0 ELSE 1 END`;

const envelopeContext = (id: string) => `credential-signing-key:${id}`;

/**
 * The issuer's key ring: Ed25519 keys created on first use, rotated on demand, revoked when
 * compromised. Which keys are published follows from what they signed (see published()).
 */
@Injectable()
export class KeyRingService {
  /** Decrypted private keys by key id: a key never changes once created, so the cache never goes stale. */
  private readonly privateKeys = new Map<string, KeyObject>();
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly cipher: EnvelopeCipher,
    private readonly config: BatonConfig,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The current key, created if there is none yet, locked FOR SHARE until the caller's transaction
   * ends: a rotation waits for the credentials being signed, so none is signed by a key retired
   * meanwhile.
   */
  async currentForSigning(manager: EntityManager, actorUserId: string | null): Promise<SigningKey> {
    let current = await this.lockCurrent(manager, 'pessimistic_read');
    if (!current) {
      await this.insertKey(manager, actorUserId, 'signing_key.created');
      current = await this.lockCurrent(manager, 'pessimistic_read');
    }
    if (!current) throw new Error('No current signing key after creating one');
    return { id: current.id, kid: current.kid, privateKey: this.privateKeyOf(current) };
  }

  /** Retires the current key (it keeps verifying what it signed) and makes a new one current. */
  rotate(actor: Actor): Promise<SigningKeyEntity> {
    return this.transactions.run(async ({ manager }) => {
      const current = await this.lockCurrent(manager, 'pessimistic_write');
      if (current) await this.retire(manager, current);
      const created = await this.insertKey(manager, actor.userId, 'signing_key.rotated', current?.kid);
      if (!created) throw new ConflictError('Another rotation made a new key at the same moment; list the keys and try again');
      return created;
    });
  }

  /**
   * Withdraws a key (compromised): it leaves the JWKS at once and what it signed fails
   * verification until reissued. Revoking the current key makes a new one current.
   */
  revoke(actor: Actor, kid: string, reason: string): Promise<SigningKeyEntity> {
    return this.transactions.run(async ({ manager }) => {
      const repository = manager.getRepository(SigningKeyEntity);
      const key = await repository.createQueryBuilder('k').setLock('pessimistic_write').where('k.kid = :kid', { kid }).getOne();
      if (!key) throw new NotFoundError('Signing key', kid);
      if (key.status === SigningKeyStatus.REVOKED) return key;
      const wasCurrent = key.status === SigningKeyStatus.CURRENT;
      const before = { status: key.status };
      key.status = SigningKeyStatus.REVOKED;
      key.revokedAt = this.clock.now();
      key.revocationReason = reason;
      await repository.update({ id: key.id }, { status: key.status, revokedAt: key.revokedAt, revocationReason: reason });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'signing_key.revoked',
        entityType: 'signing_key',
        entityId: key.id,
        before,
        after: { status: key.status, kid: key.kid },
        reason,
      });
      if (wasCurrent) await this.insertKey(manager, actor.userId, 'signing_key.created', key.kid);
      this.privateKeys.delete(key.id);
      return key;
    });
  }

  /**
   * Keys in the JWKS: the current one, and each retired key while something it signed is still
   * valid (neither revoked nor superseded). A key whose credentials are all withdrawn drops out, so
   * a verifier holding only the JWKS sees those tokens fail; revoked keys are never published.
   */
  async published(manager: EntityManager = this.dataSource.manager): Promise<SigningKeyEntity[]> {
    return manager
      .getRepository(SigningKeyEntity)
      .createQueryBuilder('k')
      .where(`k.status = :current`, { current: SigningKeyStatus.CURRENT })
      .orWhere(`k.status = :retired AND EXISTS (SELECT 1 FROM games_records r WHERE r.key_id = k.id AND r.revoked_at IS NULL AND r.superseded_at IS NULL)`, {
        retired: SigningKeyStatus.RETIRED,
      })
      .orderBy(CURRENT_FIRST)
      .addOrderBy('k.createdAt', 'DESC')
      .addOrderBy('k.id', 'ASC')
      .getMany();
  }

  /** Every key, newest first, with how many credentials each signed and how many are still valid. */
  async list(): Promise<Array<SigningKeyEntity & { signed: number; valid: number; published: boolean }>> {
    const [keys, counts, published] = await Promise.all([
      this.dataSource
        .getRepository(SigningKeyEntity)
        .createQueryBuilder('k')
        .orderBy(CURRENT_FIRST)
        .addOrderBy('k.createdAt', 'DESC')
        .addOrderBy('k.id')
        .getMany(),
      this.dataSource.query<Array<{ key_id: string; signed: number; valid: number }>>(
        `SELECT key_id, count(*)::int AS signed, count(*) FILTER (WHERE revoked_at IS NULL AND superseded_at IS NULL)::int AS valid FROM games_records GROUP BY key_id`,
      ),
      this.published(),
    ]);
    const byKey = new Map(counts.map((c) => [c.key_id, c]));
    const publishedIds = new Set(published.map((k) => k.id));
    return keys.map((k) => Object.assign(k, { signed: byKey.get(k.id)?.signed ?? 0, valid: byKey.get(k.id)?.valid ?? 0, published: publishedIds.has(k.id) }));
  }

  toPublicJwk(key: Pick<SigningKeyEntity, 'kid' | 'publicJwk'>): PublicJwk {
    // Built field by field: whatever else the column might hold, only public members leave.
    return { kty: 'OKP', crv: 'Ed25519', x: key.publicJwk.x, kid: key.kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  }

  publicKeyOf(key: Pick<SigningKeyEntity, 'id' | 'publicJwk'>): KeyObject {
    let publicKey = this.publicKeys.get(key.id);
    if (!publicKey) {
      publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicJwk.x }, format: 'jwk' });
      this.publicKeys.set(key.id, publicKey);
    }
    return publicKey;
  }

  kidFor(id: string): string {
    return `${this.config.http.publicUrl}/issuer/keys/${id}`;
  }

  private lockCurrent(manager: EntityManager, lock: 'pessimistic_read' | 'pessimistic_write'): Promise<SigningKeyEntity | null> {
    return manager
      .getRepository(SigningKeyEntity)
      .createQueryBuilder('k')
      .setLock(lock)
      .where('k.status = :status', { status: SigningKeyStatus.CURRENT })
      .getOne();
  }

  private async retire(manager: EntityManager, key: SigningKeyEntity): Promise<void> {
    await manager.getRepository(SigningKeyEntity).update({ id: key.id }, { status: SigningKeyStatus.RETIRED, retiredAt: this.clock.now() });
  }

  /**
   * A new current key. Two transactions creating the first key at once: the partial unique index
   * keeps one, the other's insert does nothing and it uses the winner's (null here).
   */
  private async insertKey(manager: EntityManager, actorUserId: string | null, action: string, previousKid?: string): Promise<SigningKeyEntity | null> {
    const id = randomUUID();
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const jwk = publicKey.export({ format: 'jwk' });
    const envelope = this.cipher.seal(privateKey.export({ format: 'der', type: 'pkcs8' }), envelopeContext(id));
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO credential_signing_keys (id, kid, algorithm, public_jwk, private_key_envelope, status, created_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, 'CURRENT', $6)
       ON CONFLICT (status) WHERE status = 'CURRENT' DO NOTHING RETURNING id`,
      [id, this.kidFor(id), SIGNING_ALGORITHM, JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }), envelope, this.clock.now()],
    );
    if (!rows.length) return null;
    this.privateKeys.set(id, privateKey);
    await this.audit.record(manager, {
      actorUserId,
      action,
      entityType: 'signing_key',
      entityId: id,
      after: { kid: this.kidFor(id), status: SigningKeyStatus.CURRENT, kekId: this.cipher.currentKeyId, ...(previousKid ? { previousKid } : {}) },
    });
    return manager.getRepository(SigningKeyEntity).findOneByOrFail({ id });
  }

  private privateKeyOf(key: SigningKeyEntity): KeyObject {
    let privateKey = this.privateKeys.get(key.id);
    if (!privateKey) {
      const der = this.cipher.open(key.privateKeyEnvelope, envelopeContext(key.id));
      try {
        privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
      } finally {
        der.fill(0);
      }
      this.privateKeys.set(key.id, privateKey);
    }
    return privateKey;
  }
}
