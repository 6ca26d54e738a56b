import { Injectable } from '@nestjs/common';
import { BadInputError } from '@baton/core';
import * as argon2 from 'argon2';

/** OWASP ASVS minimum for argon2id: 19 MiB, 2 passes, 1 lane (~32 ms a hash on this machine type). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * A hash computed once at boot, so an unknown email costs the same time as a wrong password
 * and login timing does not reveal which emails have accounts.
 */
let decoy: Promise<string> | undefined;

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) {
      decoy ??= argon2.hash('decoy-password-for-timing', OPTIONS);
      await argon2.verify(await decoy, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }

  /** Length over composition rules (NIST 800-63B); very long inputs are refused before hashing. */
  assertAcceptable(password: string, field = 'password'): void {
    if (password.length < 10) throw BadInputError.field(field, 'A password needs at least 10 characters', 'minLength');
    if (password.length > 256) throw BadInputError.field(field, 'A password may have at most 256 characters', 'maxLength');
  }
}
