import path from 'node:path'
import { z } from 'zod'

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined))

/** A comma-separated list of ICE server URLs, each with one of the given schemes. */
const iceUrlList = (schemes: string[], example: string) =>
  z
    .string()
    .default('')
    .transform((value) => value.split(',').map((url) => url.trim()).filter(Boolean))
    .superRefine((urls, ctx) => {
      for (const url of urls.filter((url) => !schemes.some((scheme) => url.startsWith(scheme)) || /\s/.test(url))) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${url}" must start with ${schemes.join(' or ')}, like ${example}` })
      }
    })

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: optionalString,
    MEILI_URL: optionalString,
    MEILI_MASTER_KEY: optionalString,
    MEILI_BINARY: optionalString,
    MEILI_INDEX_PREFIX: z.string().regex(/^[a-z0-9_]*$/, 'lower-case letters, digits and _ only').default('gtac_'),
    // Set on every node of a scale-out: socket.io rooms then span the nodes through Redis pub/sub.
    REDIS_URL: optionalString.pipe(z.string().url().regex(/^rediss?:\/\/[^/?#]+/, 'a redis:// or rediss:// URL such as redis://redis.example:6379').optional()),
    // Nodes sharing a prefix share rooms: installations (or test runs) on one Redis each take their own.
    REDIS_CHANNEL_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only').default('gtac'),
    SESSION_SECRET: optionalString,
    SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
    DEMO_CASE_COUNT: z.coerce.number().int().min(0).default(320),
    UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
    SLOW_QUERY_MS: z.coerce.number().int().min(0).default(200),
    SLA_RESPONSE_HOURS: z.coerce.number().positive().max(24 * 30).default(2),
    SLA_RESOLUTION_DAYS: z.coerce.number().positive().max(365).default(3),
    SLA_BUSINESS_HOURS: optionalString.pipe(z.string().regex(/^\d{1,2}:\d{2}-\d{1,2}:\d{2}$/, 'like 08:30-17:30').optional()),
    SLA_BUSINESS_DAYS: z.string().regex(/^[1-7](-[1-7])?(,[1-7](-[1-7])?)*$/, 'ISO weekdays like 1-5 or 1,2,3,4,5,6').default('1-5'),
    SLA_TIMEZONE: z
      .string()
      .default('Asia/Shanghai')
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: zone })
          return true
        } catch {
          return false
        }
      }, 'an IANA time zone such as Asia/Shanghai'),
    // Loopback and LAN calls need no STUN; public deployments list theirs.
    STUN_URLS: iceUrlList(['stun:'], 'stun:stun.example:3478'),
    TURN_URLS: iceUrlList(['turn:', 'turns:'], 'turn:turn.example:3478?transport=udp'),
    TURN_SECRET: optionalString,
    TURN_CREDENTIAL_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(3600),
    ICE_TRANSPORT_POLICY: z.enum(['all', 'relay']).default('all'),
    // Daily e-mail digests go out through this server (e.g. smtp://user:pass@mail.example:587); without it they wait in EmailOutbox.
    SMTP_URL: optionalString.pipe(z.string().regex(/^smtps?:\/\/[^/?#]+/, 'an smtp:// or smtps:// URL such as smtp://user:password@mail.example:587').optional()),
    SMTP_FROM: z.string().default('GTAC Portal <no-reply@gtac.local>'),
    /** The portal's address for links in e-mails. */
    PUBLIC_URL: z.string().url().default('http://localhost:3000'),
    // Field-issue signals: reports of one model + fault in the last window, against the windows before.
    FIELD_SIGNAL_WINDOW_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    FIELD_SIGNAL_BASELINE_WINDOWS: z.coerce.number().int().min(1).max(26).default(4),
    FIELD_SIGNAL_MIN_STATIONS: z.coerce.number().int().min(1).max(1000).default(3),
    FIELD_SIGNAL_MIN_REPORTS: z.coerce.number().int().min(1).max(10000).default(5),
    FIELD_SIGNAL_RATIO: z.coerce.number().min(1).max(100).default(3),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.MEILI_URL) !== Boolean(env.MEILI_MASTER_KEY)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['MEILI_URL'],
        message: 'MEILI_URL and MEILI_MASTER_KEY go together: set both to use an external Meilisearch, or neither',
      })
    }
    if ((env.TURN_URLS.length > 0) !== Boolean(env.TURN_SECRET)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [env.TURN_SECRET ? 'TURN_URLS' : 'TURN_SECRET'],
        message: "TURN_URLS and TURN_SECRET go together: set both (TURN_SECRET is coturn's static-auth-secret), or neither",
      })
    }
    if (env.ICE_TRANSPORT_POLICY === 'relay' && env.TURN_URLS.length === 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['ICE_TRANSPORT_POLICY'],
        message: 'ICE_TRANSPORT_POLICY=relay sends all media through TURN: set TURN_URLS and TURN_SECRET too',
      })
    }
  })

export type Env = z.infer<typeof envSchema> & { dataDir: string }

let cached: Env | undefined

/** Reads and validates the environment once; a bad value stops the process with a clear message. */
export function getEnv(): Env {
  if (cached) return cached
  const parsed = envSchema.safeParse(process.env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  cached = { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) }
  return cached
}

/** For the CLI and tests, which change the environment after the first read. */
export function resetEnvCache() {
  cached = undefined
}
