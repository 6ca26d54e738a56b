import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import { Public } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { BatonError } from '@baton/core';
import { mapDatabaseError } from '@baton/database';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OidcSignInError } from './oidc-sign-in.errors';
import { IssuedSession, OidcSignInService } from './oidc-sign-in.service';
import { OidcSignInThrottle } from './oidc-sign-in.throttle';
import { renderRefusalPage } from './refusal-page';

const BATON_STATUS: Record<string, number> = { TOO_MANY_REQUESTS: 429, SERVICE_UNAVAILABLE: 503, CONFLICT: 409 };

/**
 * Partner sign-in over plain HTTP, as browsers follow it. Success answers the Baton session as JSON,
 * or — with OIDC_FRONTEND_URL — redirects there with the tokens in the URL fragment (fragments are
 * not sent to servers nor in Referer). A refusal is `{ error: <code>, message }` with a 4xx/5xx
 * status (a small HTML page for browsers, Accept: text/html), or the same code in the fragment (`#error=…`) of the front-end URL.
 */
@Controller('auth/oidc')
@Public()
export class OidcSignInController {
  private readonly logger = new Logger(OidcSignInController.name);

  constructor(
    private readonly signIn: OidcSignInService,
    private readonly throttle: OidcSignInThrottle,
    private readonly config: BatonConfig,
  ) {}

  @Get(':organisationCode/start')
  async start(@Param('organisationCode') organisationCode: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      await this.throttle.attempt(request.ip);
      const url = await this.signIn.start(organisationCode);
      reply.header('cache-control', 'no-store').redirect(url.href, 302);
    } catch (error) {
      this.refuse(request, reply, error);
    }
  }

  @Get('callback')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const query = new URLSearchParams(request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '');
      const userAgent = request.headers['user-agent'];
      const session = await this.signIn.callback(query, { ipAddress: request.ip, userAgent: typeof userAgent === 'string' ? userAgent : undefined });
      this.succeed(reply, session);
    } catch (error) {
      this.refuse(request, reply, error);
    }
  }

  private succeed(reply: FastifyReply, session: IssuedSession): void {
    reply.header('cache-control', 'no-store');
    const body = {
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt.toISOString(),
      refreshToken: session.refreshToken,
      refreshTokenExpiresAt: session.refreshTokenExpiresAt.toISOString(),
      userId: session.userId,
    };
    const frontend = this.config.oidc.frontendUrl;
    if (frontend) {
      reply.redirect(`${frontend}#${new URLSearchParams(body).toString()}`, 303);
      return;
    }
    reply.status(200).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
  }

  private refuse(request: FastifyRequest, reply: FastifyReply, caught: unknown): void {
    const baton = caught instanceof BatonError ? caught : mapDatabaseError(caught);
    const error =
      caught instanceof OidcSignInError
        ? { status: caught.status, code: caught.code as string, message: caught.message, details: caught.details }
        : baton && baton.code in BATON_STATUS
          ? { status: BATON_STATUS[baton.code], code: baton.code as string, message: baton.message, details: {} }
          : null;
    if (!error) {
      // A bug, not a refusal: logged in full, answered without internals.
      this.logger.error({ err: caught }, 'partner sign-in failed');
    } else {
      this.logger.log({ code: error.code }, 'partner sign-in refused');
    }
    const answer = error ?? { status: 500, code: 'OIDC_INTERNAL_ERROR', message: 'The sign-in could not be completed; try again later', details: {} };
    reply.header('cache-control', 'no-store');
    if (answer.code === 'TOO_MANY_REQUESTS' && caught instanceof BatonError) reply.header('retry-after', String(caught.details.retryAfterSeconds ?? 60));
    const frontend = this.config.oidc.frontendUrl;
    if (frontend) {
      reply.redirect(`${frontend}#${new URLSearchParams({ error: answer.code }).toString()}`, 303);
      return;
    }
    reply.status(answer.status).header('vary', 'Accept');
    if (String(request.headers.accept ?? '').includes('text/html')) {
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'")
        .send(renderRefusalPage(answer.code, answer.message));
      return;
    }
    reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify({ error: answer.code, message: answer.message, ...answer.details }));
  }
}
