import { z } from 'zod';

/**
 * The environment, validated once at start. Nothing else in Tandem reads `process.env`: every
 * module receives the frozen `Env` it needs.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  TANDEM_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PUBLIC_URL: z
    .url({ message: 'must be an absolute http(s) URL such as https://tandem.example.com' })
    .optional(),
  TANDEM_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.com:587')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Tandem <tandem@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TANDEM_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  /**
   * How often the reminder and digest sweep runs; 0 turns it off (e.g. when cron runs `tandem
   * send-reminders`). Fractions are allowed (0.5 is every 30 s).
   */
  TANDEM_REMINDERS_EVERY_MINUTES: z.coerce.number().min(0).max(1_440).default(10),
  /** Hosts whose calendar feeds may be fetched over plain http (e.g. `127.0.0.1` for tests); https otherwise. */
  TANDEM_CALENDAR_FEED_HTTP_HOSTS: z.string().default(''),
  /** Hosts in the private network that chat webhooks may reach (comma-separated); none otherwise. */
  TANDEM_WEBHOOK_PRIVATE_HOSTS: z.string().default(''),
  /**
   * Email domains an organization may sign in through its own OpenID Connect provider
   * (comma-separated). Tandem cannot tell whether an organization owns a domain, so the operator
   * lists them; none by default.
   */
  TANDEM_SSO_DOMAINS: z.string().default(''),
  /** API requests worked on at once; by default 4 on the embedded database, 20 on PostgreSQL. */
  TANDEM_MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(1_000).optional(),
  /**
   * How long a server serves a meeting page it built, at most (0 turns the cache off); by default
   * 60 on the embedded database, 5 on PostgreSQL (see app.ts). At most a minute, since a change
   * made through another server that is not a participant's (a series handed to another leader)
   * waits this long there.
   */
  TANDEM_PAGE_CACHE_SECONDS: z.coerce.number().min(0).max(60).optional(),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export type Env = Readonly<z.infer<typeof EnvSchema>> & {
  /** The secret used for signing and encryption; generated into the data folder when unset. */
  readonly secretSource: 'env' | 'generated';
};

export type EnvInput = z.input<typeof EnvSchema>;

export class EnvError extends Error {
  readonly issues: Array<{ variable: string; message: string }>;
  constructor(issues: Array<{ variable: string; message: string }>) {
    super(issues.map((issue) => `${issue.variable}: ${issue.message}`).join('\n'));
    this.name = 'EnvError';
    this.issues = issues;
  }
}

/** Parses an environment; empty strings count as unset, so `DATABASE_URL=` falls back to the embedded database. */
export function parseEnv(source: Record<string, string | undefined>): Omit<Env, 'secretSource'> {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '?'),
        message: issue.message,
      })),
    );
  }
  return Object.freeze(result.data);
}

function withoutEmpty(source: Record<string, string | undefined>) {
  return Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
}

/** Reads the process environment or exits with status 2 naming each bad variable. */
export function loadEnvOrExit(defaults: Record<string, string> = {}): Omit<Env, 'secretSource'> {
  try {
    return parseEnv({ ...defaults, ...withoutEmpty(process.env) });
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write('tandem: the environment is not valid:\n');
      for (const issue of error.issues) process.stderr.write(`  ${issue.variable}: ${issue.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
