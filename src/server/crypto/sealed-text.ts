import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors.ts';

const VERSION = 'v1';

/**
 * AES-256-GCM for text that must not be readable from a database dump (private notes). The key
 * is derived from the server secret with HKDF for this one purpose; each text gets a fresh
 * 96-bit IV, and the GCM tag makes tampering detectable.
 */
export interface TextSealer {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

export function createTextSealer(secret: string): TextSealer {
  const key = Buffer.from(hkdfSync('sha256', secret, 'tandem', 'private-notes/aes-256-gcm', 32));
  return {
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      // The context (meeting and author) is bound as associated data: a ciphertext moved to another row fails to open.
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        VERSION,
        iv.toString('base64'),
        cipher.getAuthTag().toString('base64'),
        body.toString('base64'),
      ].join('.');
    },
    open(sealed, context) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined)
        throw new AppError('INTERNAL', 'A sealed text has an unknown format.');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
          'utf8',
        );
      } catch (error) {
        throw new AppError('INTERNAL', 'A private note could not be decrypted: was TANDEM_SECRET changed?', {
          cause: error,
        });
      }
    },
  };
}
