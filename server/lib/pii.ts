import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * PIPL: resident ID and card numbers are encrypted at rest with AES-256-GCM; an HMAC (a second key
 * derived from the same secret) stands beside them for exact lookup and uniqueness. The key never
 * enters the database.
 */
export class Pii {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  /** Seals the audit chain (server/lib/audit.ts): a third key from the same secret, kept the same way. */
  readonly auditKey: Buffer;

  constructor(secret: Buffer) {
    this.encKey = createHmac('sha256', secret).update('enc').digest();
    this.macKey = createHmac('sha256', secret).update('mac').digest();
    this.auditKey = createHmac('sha256', secret).update('audit-seal').digest();
  }

  static fromKeyFile(dataDir: string, hexKey?: string): Pii {
    if (hexKey) return new Pii(Buffer.from(hexKey, 'hex'));
    const file = path.join(dataDir, 'pii.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    }
    return new Pii(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex'));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
  }

  decrypt(stored: string): string {
    const [v, iv, tag, body] = stored.split(':');
    if (v !== 'v1') throw new Error('unknown PII format');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  hash(plain: string): string {
    return createHmac('sha256', this.macKey).update(plain).digest('hex');
  }

  /** A phone's keyed hash, apart from ID and card hashes by its prefix. */
  phoneHash(phone: string): string {
    return this.hash(`phone:${phone}`);
  }
}
