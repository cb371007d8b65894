import path from 'node:path';
import { z } from 'zod';

/** The only reader of process.env. */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** The address to listen on: 127.0.0.1 behind a reverse proxy on the same host. */
    HOST: z.string().min(1).default('0.0.0.0'),
    /**
     * The origin users reach the panel at (`https://subsidy.example.cn`), behind a proxy that rewrites
     * Host: state-changing requests must come from it exactly (server/lib/csrf.ts).
     */
    PUBLIC_ORIGIN: z
      .string()
      .url()
      .transform((u) => new URL(u).origin)
      .optional(),
    DATA_DIR: z.string().default('./data'),
    /** 64 hex chars; otherwise a key file is created in DATA_DIR with 0600 rights. */
    PII_KEY: z
      .string()
      .regex(/^[0-9a-f]{64}$/i)
      .optional(),
    SECURE_COOKIES: z.enum(['0', '1']).optional(),
    LOG_LEVEL: z.enum(['silent', 'info']).default('info'),
    /** `json` for a log collector; without it, JSON lines in production and readable lines otherwise. */
    LOG_FORMAT: z.enum(['json', 'text']).optional(),
    /** 1: serve the API only, no admin panel (reliability harnesses, API-only deployments). */
    API_ONLY: z.enum(['0', '1']).optional(),
    /** Audit rows older than this are copied to the verified archive (server/lib/archive.ts). */
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(180),
    /** The SMS gateway's webhook: without it messages stay in-app (server/resources/notifications/dispatch.ts). */
    SMS_WEBHOOK_URL: z.string().url().optional(),
    /** When non-urgent SMS wait, China time: `21-8` (default), `22-7`, or `off`. */
    SMS_QUIET_HOURS: z
      .string()
      .regex(/^(\d{1,2}-\d{1,2}|off)$/)
      .optional(),
    /** The key of the `X-Signature` HMAC; required with SMS_WEBHOOK_URL. */
    SMS_WEBHOOK_SECRET: z.string().min(16).optional(),
    /** How often the outbox and the digest are looked at, in ms. */
    NOTIFY_EVERY_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  })
  .refine((e) => !e.SMS_WEBHOOK_URL || e.SMS_WEBHOOK_SECRET, {
    message: 'SMS_WEBHOOK_SECRET is required with SMS_WEBHOOK_URL',
    path: ['SMS_WEBHOOK_SECRET'],
  });

export type Env = z.infer<typeof schema> & { dataDir: string; logFormat: 'json' | 'text' };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const env = schema.parse(source);
  const logFormat = env.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'text');
  return { ...env, dataDir: path.resolve(env.DATA_DIR), logFormat };
}
