import { Injectable } from '@nestjs/common';
import { hashToken } from '@baton/core';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** A row that stands for a secret handed out once: only its hash is stored. */
export interface TokenRow extends ObjectLiteral {
  tokenHash: string;
}

/**
 * The one way a presented token finds its row (password resets, invitations, refresh tokens).
 * The row is locked FOR UPDATE because every caller then spends or rotates it: two requests with
 * the same token must queue, so only the first can use it.
 */
@Injectable()
export class TokenRowRepository {
  async lockByToken<T extends TokenRow>(
    manager: EntityManager,
    entity: EntityTarget<T>,
    token: string,
    options: { unusedOnly?: boolean } = {},
  ): Promise<T | null> {
    const query = manager
      .getRepository(entity)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.tokenHash = :hash', { hash: hashToken(token) });
    if (options.unusedOnly) query.andWhere('t.usedAt IS NULL');
    return query.getOne();
  }
}
