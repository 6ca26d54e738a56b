import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { BadInputError } from '@baton/core';
import { cleanReason } from '../games-record/text-input';
import { SigningKeyObject } from './dto/signing-key.object';
import { KeyRingService } from './key-ring.service';
import { SigningKeyEntity } from './signing-key.entity';
import { CredentialsPermission } from '../credentials.permissions';

const toObject = (k: SigningKeyEntity, counts: { signed: number; valid: number; published: boolean }): SigningKeyObject => ({
  kid: k.kid,
  status: k.status,
  algorithm: k.algorithm,
  createdAt: k.createdAt,
  retiredAt: k.retiredAt,
  revokedAt: k.revokedAt,
  revocationReason: k.revocationReason,
  published: counts.published,
  credentialsSigned: counts.signed,
  credentialsValid: counts.valid,
});

@Resolver(() => SigningKeyObject)
export class SigningKeyResolver {
  constructor(private readonly keys: KeyRingService) {}

  @Query(() => [SigningKeyObject], { description: 'The issuer’s signing keys, newest first (organising committee)' })
  @Allow(CredentialsPermission.RECORDS_MANAGE)
  async signingKeys() {
    return (await this.keys.list()).map((k) => toObject(k, k));
  }

  @Mutation(() => SigningKeyObject, { description: 'Makes a new current signing key; the old one keeps verifying what it signed' })
  @Allow(CredentialsPermission.RECORDS_MANAGE)
  async rotateSigningKey(@CurrentActor() actor: Actor) {
    const created = await this.keys.rotate(actor);
    return this.describe(created.kid);
  }

  @Mutation(() => SigningKeyObject, {
    description: 'Withdraws a compromised key: it leaves the JWKS, what it signed fails verification until reissued; a new key becomes current if needed',
  })
  @Allow(CredentialsPermission.RECORDS_MANAGE)
  async revokeSigningKey(
    @CurrentActor() actor: Actor,
    @Args('kid', { description: 'The key, by its kid' }) kid: string,
    @Args('reason', { description: 'Why, in up to 500 characters' }) reason: string,
  ) {
    if (kid.length > 500) throw BadInputError.field('kid', 'Not a kid of this issuer', 'maxLength');
    await this.keys.revoke(actor, kid, cleanReason(reason));
    return this.describe(kid);
  }

  private async describe(kid: string): Promise<SigningKeyObject> {
    const key = (await this.keys.list()).find((k) => k.kid === kid)!;
    return toObject(key, key);
  }
}
