import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { BatonConfig } from '@baton/config';
import { Clock, hashToken, randomToken, UnauthenticatedError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { UserEntity, UserStatus } from '../user/user.entity';
import { TokenRowRepository } from '../token/token-row.repository';
import { RefreshTokenEntity } from './refresh-token.entity';

export interface ClientInfo {
  ipAddress?: string;
  userAgent?: string;
}

export interface IssuedSession {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  userId: string;
}

/**
 * Short-lived JWT access tokens and rotating opaque refresh tokens. Every refresh replaces the
 * token; a replaced token presented again means it was stolen, so its whole family dies.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: BatonConfig,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
    private readonly dataSource: DataSource,
    private readonly tokenRows: TokenRowRepository,
  ) {}

  async issue(manager: EntityManager, userId: string, client: ClientInfo, familyId: string = randomUUID()): Promise<IssuedSession> {
    const now = this.clock.now();
    const refreshToken = randomToken();
    const refreshTokenExpiresAt = new Date(now.getTime() + this.config.auth.refreshTtlSeconds * 1000);
    await manager.getRepository(RefreshTokenEntity).insert({
      userId,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshTokenExpiresAt,
      ipAddress: client.ipAddress ?? null,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.config.auth.accessTtlSeconds;
    const accessToken = await this.jwt.signAsync({ sub: userId, fam: familyId, typ: 'access', iat, exp });
    return { accessToken, accessTokenExpiresAt: new Date(exp * 1000), refreshToken, refreshTokenExpiresAt, userId };
  }

  async refresh(token: string, client: ClientInfo): Promise<IssuedSession> {
    const outcome = await this.transactions.run(async ({ manager }) => {
      const tokens = manager.getRepository(RefreshTokenEntity);
      const current = await this.tokenRows.lockByToken(manager, RefreshTokenEntity, token);
      if (!current) return { error: 'UNKNOWN' as const };
      if (current.revokedAt) return { error: 'REVOKED' as const };
      if (current.rotatedAt) {
        await this.revokeFamily(manager, current.familyId, 'REUSE_DETECTED');
        return { error: 'REUSED' as const };
      }
      if (current.expiresAt <= this.clock.now()) return { error: 'EXPIRED' as const };
      const user = await manager.getRepository(UserEntity).findOneBy({ id: current.userId });
      if (!user || user.status !== UserStatus.ACTIVE) return { error: 'REVOKED' as const };
      await tokens.update({ id: current.id }, { rotatedAt: this.clock.now() });
      return { session: await this.issue(manager, current.userId, client, current.familyId) };
    });
    if ('session' in outcome && outcome.session) return outcome.session;
    const messages = {
      UNKNOWN: 'This refresh token is not valid',
      REVOKED: 'This session has ended; sign in again',
      REUSED: 'This refresh token was already used; the session has been ended for safety. Sign in again',
      EXPIRED: 'This session has expired; sign in again',
    } as const;
    const reason = (outcome as { error: keyof typeof messages }).error;
    throw new UnauthenticatedError(messages[reason], { reason: `REFRESH_TOKEN_${reason}` });
  }

  async revokeFamily(manager: EntityManager, familyId: string, reason: string): Promise<void> {
    await manager.getRepository(RefreshTokenEntity).update({ familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokedReason: reason });
  }

  async revokeAllForUser(manager: EntityManager, userId: string, reason: string, exceptFamilyId?: string): Promise<void> {
    await manager
      .getRepository(RefreshTokenEntity)
      .update(
        { userId, revokedAt: IsNull(), ...(exceptFamilyId ? { familyId: Not(exceptFamilyId) } : {}) },
        { revokedAt: this.clock.now(), revokedReason: reason },
      );
  }

  async logout(familyId: string): Promise<void> {
    await this.revokeFamily(this.dataSource.manager, familyId, 'LOGOUT');
  }
}
