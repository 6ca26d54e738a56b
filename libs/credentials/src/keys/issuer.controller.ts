import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { Public } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { NotFoundError } from '@baton/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OB_CONTEXT } from '../games-record/credential-builder';
import { sendPublic, sendPublicError } from '../http/public-reply';
import { KeyRingService } from './key-ring.service';

/** Five minutes: a verifier meeting an unknown kid (after a rotation) refetches at once anyway. */
const KEYS_MAX_AGE_SECONDS = 300;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The issuer's public side: its JWKS, each key by its kid URL, and its Open Badges Profile. */
@Controller()
@Public()
export class IssuerController {
  constructor(
    private readonly keys: KeyRingService,
    private readonly config: BatonConfig,
  ) {}

  @Get('.well-known/jwks.json')
  async jwks(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const keys = (await this.keys.published()).map((k) => this.keys.toPublicJwk(k));
      sendPublic(request, reply, JSON.stringify({ keys }), { type: 'application/jwk-set+json', maxAgeSeconds: KEYS_MAX_AGE_SECONDS });
    } catch (error) {
      sendPublicError(reply, error);
    }
  }

  /** What a credential's `kid` dereferences to (OB 3.0 §8.2: a URI resolving to the public JWK). */
  @Get('issuer/keys/:id')
  async key(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const key = UUID.test(id) ? (await this.keys.published()).find((k) => k.id === id) : undefined;
      if (!key) throw new NotFoundError('Signing key');
      sendPublic(request, reply, JSON.stringify(this.keys.toPublicJwk(key)), { type: 'application/jwk+json', maxAgeSeconds: KEYS_MAX_AGE_SECONDS });
    } catch (error) {
      sendPublicError(reply, error);
    }
  }

  /** The issuer's Profile, which credentials' `issuer.id` names. */
  @Get('issuer')
  profile(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const publicUrl = this.config.http.publicUrl;
    const profile = { '@context': [...OB_CONTEXT], id: `${publicUrl}/issuer`, type: ['Profile'], name: this.config.credentials.issuerName, url: publicUrl };
    sendPublic(request, reply, JSON.stringify(profile), { type: 'application/json; charset=utf-8', maxAgeSeconds: KEYS_MAX_AGE_SECONDS });
  }
}
