import { randomBytes } from 'node:crypto';
import { EnvelopeCipher, EnvelopeError } from './envelope-cipher';

const kek = (id: string) => ({ id, key: randomBytes(32) });
const flip = (envelope: string, part: 2 | 3, at = 20) => {
  const parts = envelope.split(':');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[at % bytes.length] ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join(':');
};

describe('EnvelopeCipher', () => {
  const k1 = kek('k1');
  const cipher = new EnvelopeCipher([k1]);

  it('round-trips text and bytes, with a fresh data key and IV every time', () => {
    const a = cipher.seal('-----BEGIN PRIVATE KEY----- é 🔑', 'signing-key:a');
    const b = cipher.seal('-----BEGIN PRIVATE KEY----- é 🔑', 'signing-key:a');
    expect(a).not.toEqual(b);
    expect(a).toMatch(/^v1:k1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('PRIVATE');
    expect(cipher.openText(a, 'signing-key:a')).toBe('-----BEGIN PRIVATE KEY----- é 🔑');
    const bytes = randomBytes(48);
    expect(cipher.open(cipher.seal(bytes, 'x'), 'x').equals(bytes)).toBe(true);
  });

  it('refuses a tampered body, a tampered wrapped key, a truncated or foreign envelope', () => {
    const sealed = cipher.seal('secret', 'ctx');
    expect(() => cipher.open(flip(sealed, 3), 'ctx')).toThrow(EnvelopeError);
    expect(() => cipher.open(flip(sealed, 3, 0), 'ctx')).toThrow(/altered/);
    expect(() => cipher.open(flip(sealed, 2), 'ctx')).toThrow(/wrong key, or the data was altered/);
    expect(() => cipher.open(sealed.slice(0, sealed.length - 6), 'ctx')).toThrow(EnvelopeError);
    expect(() => cipher.open('-----BEGIN PRIVATE KEY-----', 'ctx')).toThrow(/Not an envelope/);
    expect(() => cipher.open(sealed.replace(/^v1/, 'v2'), 'ctx')).toThrow(/Not an envelope/);
  });

  it('binds the context: an envelope moved to another row does not open', () => {
    const sealed = cipher.seal('secret', 'signing-key:one');
    expect(() => cipher.open(sealed, 'signing-key:two')).toThrow(EnvelopeError);
  });

  it('after a KEK rotation, old envelopes still open; rewrap moves them to the new key without touching the data', () => {
    const old = cipher.seal('kept', 'ctx');
    const k2 = kek('k2');
    const rotated = new EnvelopeCipher([k2, k1]);
    expect(rotated.currentKeyId).toBe('k2');
    expect(rotated.openText(old, 'ctx')).toBe('kept');
    expect(rotated.needsRewrap(old)).toBe(true);
    const moved = rotated.rewrap(old, 'ctx');
    expect(moved.split(':')[1]).toBe('k2');
    expect(moved.split(':')[3]).toBe(old.split(':')[3]);
    expect(rotated.needsRewrap(moved)).toBe(false);
    expect(rotated.rewrap(moved, 'ctx')).toBe(moved);
    // Once k1 is gone, only the re-wrapped envelope opens.
    const withoutOld = new EnvelopeCipher([k2]);
    expect(withoutOld.openText(moved, 'ctx')).toBe('kept');
    expect(() => withoutOld.open(old, 'ctx')).toThrow(/"k1" is not configured/);
    expect(() => rotated.rewrap(old, 'other')).toThrow(EnvelopeError);
  });

  it('with the wrong key under the right id, says so clearly', () => {
    const impostor = new EnvelopeCipher([kek('k1')]);
    const sealed = cipher.seal('secret', 'ctx');
    expect(() => impostor.open(sealed, 'ctx')).toThrow('The data key could not be decrypted with key-encryption key "k1": wrong key, or the data was altered');
  });

  it('refuses bad key rings at construction', () => {
    expect(() => new EnvelopeCipher([])).toThrow(/at least one/);
    expect(() => new EnvelopeCipher([{ id: 'short', key: randomBytes(16) }])).toThrow(/32 bytes/);
    expect(() => new EnvelopeCipher([k1, k1])).toThrow(/twice/);
    expect(() => new EnvelopeCipher([{ id: 'has:colon', key: randomBytes(32) }])).toThrow(/letters, digits/);
  });
});
