import type { ValueTransformer } from 'typeorm';
import { EnvelopeCipher } from './envelope-cipher';

/**
 * TypeORM transformers run outside dependency injection, so the cipher they use is installed
 * once at boot by CryptoModule. One process, one key ring: a second app in the same process
 * (tests) installs its own, which is also the one its configuration holds.
 */
let installed: EnvelopeCipher | undefined;

export function installColumnCipher(cipher: EnvelopeCipher): void {
  installed = cipher;
}

export function columnCipher(): EnvelopeCipher {
  if (!installed) throw new Error('No column cipher: CryptoModule must be loaded before a sealed column is read or written');
  return installed;
}

/**
 * A text column stored sealed (envelope-encrypted) and read in clear by the entity: the database
 * alone never reveals it. `context` is bound into the envelope (a value copied into another
 * column does not open). The column cannot be searched or sorted in SQL: keep such fields out of
 * WHERE and ORDER BY (add a keyed hash column if a lookup is ever needed).
 */
export function sealedText(context: string): ValueTransformer {
  return {
    // Find operators and nulls pass through untouched; only plain strings are sealed.
    to: (value: unknown) => (typeof value === 'string' ? columnCipher().seal(value, context) : value),
    from: (value: unknown) => (typeof value === 'string' ? columnCipher().openText(value, context) : value),
  };
}

/** Opens a sealed value read with raw SQL (the transformer only runs for entities). */
export function openSealed(value: string | null, context: string): string | null {
  return value === null ? null : columnCipher().openText(value, context);
}
