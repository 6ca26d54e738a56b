/** Cryptography at rest: envelope encryption (AES-256-GCM data keys under configured key-encryption keys). */
export { CryptoModule } from './crypto.module';
/** `seal(plaintext, context)` / `open(envelope, context)`; `rewrap` moves an envelope to the current key-encryption key. */
export { EnvelopeCipher, EnvelopeError, KEK_ID_PATTERN, type KeyEncryptionKey } from './envelope-cipher';
/** Sealed entity columns (`transformer: sealedText(context)`), and opening values read with raw SQL. */
export { sealedText, openSealed, columnCipher, installColumnCipher } from './sealed-column';
