import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A key-encryption key (KEK): kept outside the database (configuration, a KMS later). */
export interface KeyEncryptionKey {
  /** Short name stored beside each envelope, so the right KEK is found after a rotation. */
  id: string;
  /** 32 bytes (AES-256). */
  key: Buffer;
}

export const KEK_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** Decryption failed: unknown KEK, wrong key, or data altered. Never carries the data itself. */
export class EnvelopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

/**
 * Envelope encryption for secrets at rest: each value gets its own random data key (AES-256-GCM),
 * and only that data key is encrypted with the KEK. Rotating the KEK means re-wrapping 32-byte data
 * keys (`rewrap`), not re-encrypting every value, and a leaked database holds nothing usable.
 *
 * `context` is bound into both GCM tags (additional authenticated data): an envelope copied onto
 * another row (another key id, another person) fails to open instead of decrypting quietly.
 *
 * Hand-written on node:crypto on purpose: the envelope libraries on npm are KMS clients (AWS, GCP)
 * with a provider of their own; the primitive here is the platform's AES-GCM, nothing custom.
 *
 * Format: `v1:<kek id>:<base64url(iv | wrapped data key | tag)>:<base64url(iv | ciphertext | tag)>`.
 */
export class EnvelopeCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly current: KeyEncryptionKey;

  /** The first key encrypts; every key listed can decrypt (older ones stay until data is re-wrapped). */
  constructor(keys: readonly KeyEncryptionKey[]) {
    if (!keys.length) throw new Error('EnvelopeCipher needs at least one key-encryption key');
    const map = new Map<string, Buffer>();
    for (const k of keys) {
      if (!KEK_ID_PATTERN.test(k.id)) throw new Error(`Key-encryption key id "${k.id}" must be 1 to 32 letters, digits, - or _`);
      if (k.key.length !== KEY_BYTES) throw new Error(`Key-encryption key "${k.id}" must be ${KEY_BYTES} bytes, not ${k.key.length}`);
      if (map.has(k.id)) throw new Error(`Key-encryption key "${k.id}" is listed twice`);
      map.set(k.id, k.key);
    }
    this.keys = map;
    this.current = keys[0];
  }

  /** The id of the KEK new envelopes are sealed with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  seal(plaintext: Buffer | string, context: string): string {
    const dataKey = randomBytes(KEY_BYTES);
    try {
      const aad = this.aad(context);
      const body = gcmEncrypt(dataKey, typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext, aad);
      const wrapped = gcmEncrypt(this.current.key, dataKey, Buffer.concat([aad, Buffer.from(`:${this.current.id}`)]));
      return [VERSION, this.current.id, wrapped.toString('base64url'), body.toString('base64url')].join(':');
    } finally {
      dataKey.fill(0);
    }
  }

  open(envelope: string, context: string): Buffer {
    const { kekId, wrapped, body } = this.parse(envelope);
    const aad = this.aad(context);
    const dataKey = this.unwrap(kekId, wrapped, aad);
    try {
      return gcmDecrypt(dataKey, body, aad, () => new EnvelopeError(`The data could not be decrypted: it was altered or belongs to another context`));
    } finally {
      dataKey.fill(0);
    }
  }

  openText(envelope: string, context: string): string {
    return this.open(envelope, context).toString('utf8');
  }

  /** Whether this envelope is sealed with an older KEK and should be re-wrapped. */
  needsRewrap(envelope: string): boolean {
    return this.parse(envelope).kekId !== this.current.id;
  }

  /** The same value under the current KEK: only the data key is decrypted and encrypted again. */
  rewrap(envelope: string, context: string): string {
    const { kekId, wrapped, body } = this.parse(envelope);
    if (kekId === this.current.id) return envelope;
    const aad = this.aad(context);
    const dataKey = this.unwrap(kekId, wrapped, aad);
    try {
      // Proves the data key opens the body before the old wrapping is thrown away.
      gcmDecrypt(dataKey, body, aad, () => new EnvelopeError('The data could not be decrypted: it was altered or belongs to another context')).fill(0);
      const rewrapped = gcmEncrypt(this.current.key, dataKey, Buffer.concat([aad, Buffer.from(`:${this.current.id}`)]));
      return [VERSION, this.current.id, rewrapped.toString('base64url'), body.toString('base64url')].join(':');
    } finally {
      dataKey.fill(0);
    }
  }

  private unwrap(kekId: string, wrapped: Buffer, aad: Buffer): Buffer {
    const kek = this.keys.get(kekId);
    if (!kek) throw new EnvelopeError(`Key-encryption key "${kekId}" is not configured (DATA_ENCRYPTION_KEYS); it is needed to decrypt this data`);
    return gcmDecrypt(
      kek,
      wrapped,
      Buffer.concat([aad, Buffer.from(`:${kekId}`)]),
      () => new EnvelopeError(`The data key could not be decrypted with key-encryption key "${kekId}": wrong key, or the data was altered`),
    );
  }

  private parse(envelope: string): { kekId: string; wrapped: Buffer; body: Buffer } {
    const parts = typeof envelope === 'string' ? envelope.split(':') : [];
    const [version, kekId, wrapped, body] = parts;
    if (parts.length !== 4 || version !== VERSION || !KEK_ID_PATTERN.test(kekId) || !wrapped || !body) {
      throw new EnvelopeError('Not an envelope this version can read');
    }
    return { kekId, wrapped: Buffer.from(wrapped, 'base64url'), body: Buffer.from(body, 'base64url') };
  }

  private aad(context: string): Buffer {
    return Buffer.from(`baton-envelope:${VERSION}:${context}`, 'utf8');
  }
}

function gcmEncrypt(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]);
}

function gcmDecrypt(key: Buffer, sealed: Buffer, aad: Buffer, failure: () => EnvelopeError): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw failure();
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const ciphertext = sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw failure();
  }
}
