import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { Public } from '@baton/auth';
import { NotFoundError } from '@baton/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { statusUrl } from '../games-record/credential-builder';
import { GamesRecordEntity } from '../games-record/games-record.entity';
import { sendPublic, sendPublicError } from '../http/public-reply';
import { CODE_PATTERN, RecordVerificationService } from './record-verification.service';
import { renderVerificationPage } from './verification-page';
import { VerificationThrottle } from './verification-throttle';

/** Status may change (revocation): verifiers and caches see it within a minute. */
const MAX_AGE_SECONDS = 60;

/** Public verification over plain HTTP, no login: what a link on a CV opens. */
@Controller('verify')
@Public()
export class VerifyController {
  constructor(
    private readonly verification: RecordVerificationService,
    private readonly throttle: VerificationThrottle,
    private readonly dataSource: DataSource,
  ) {}

  /** JSON by default; a small HTML page for browsers (Accept: text/html). */
  @Get(':code')
  async verify(@Param('code') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      await this.throttle.attempt(request.ip);
      const answer = await this.verification.verify(code);
      const html = String(request.headers.accept ?? '').includes('text/html');
      sendPublic(request, reply, html ? renderVerificationPage(answer) : JSON.stringify(answer), {
        type: html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
        maxAgeSeconds: MAX_AGE_SECONDS,
        vary: 'Accept',
      });
    } catch (error) {
      sendPublicError(reply, error);
    }
  }

  /**
   * The credential's `credentialStatus` (type 1EdTechRevocationList): the revocation list of this
   * one credential, empty while it stands. A superseded credential is listed as revoked: it was.
   */
  @Get(':code/revocations')
  async revocations(@Param('code') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      await this.throttle.attempt(request.ip);
      const row = CODE_PATTERN.test(code)
        ? await this.dataSource.getRepository(GamesRecordEntity).findOne({
            select: { id: true, code: true, credentialId: true, publicUrl: true, issuerId: true, revokedAt: true, revocationReason: true, supersededAt: true },
            where: { code },
          })
        : null;
      if (!row) throw new NotFoundError('Games record');
      const reason = row.supersededAt ? 'Superseded by a reissued record' : row.revocationReason;
      const body = {
        id: statusUrl(row.publicUrl, row.code),
        issuer: row.issuerId,
        revokedCredentials: row.supersededAt || row.revokedAt ? [{ id: `urn:uuid:${row.credentialId}`, revocationReason: reason }] : [],
      };
      sendPublic(request, reply, JSON.stringify(body), { type: 'application/json; charset=utf-8', maxAgeSeconds: MAX_AGE_SECONDS });
    } catch (error) {
      sendPublicError(reply, error);
    }
  }
}
