import { Injectable } from '@nestjs/common';
import { Clock } from '@baton/core';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../password/password-hasher';
import { UserEntity, UserStatus } from '../user/user.entity';

@Injectable()
export class CredentialsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  /** The user when the password matches an active account; null otherwise, in constant-ish time. */
  async verify(email: string, password: string): Promise<UserEntity | null> {
    if (typeof email !== 'string' || typeof password !== 'string' || password.length > 256) return null;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: email.trim().toLowerCase() });
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!ok || !user || user.status !== UserStatus.ACTIVE) return null;
    await this.dataSource.getRepository(UserEntity).update({ id: user.id }, { lastLoginAt: this.clock.now() });
    return user;
  }
}
