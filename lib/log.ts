/** How the codebase takes a log: one line at a time. */
export type Log = (line: string) => void;

/** The settings (lib/config.ts) whose values are secrets wherever they appear in a line. */
const SECRET_SETTINGS = ['LARK_APP_SECRET', 'LARK_ENCRYPT_KEY', 'LARK_VERIFICATION_TOKEN', 'SMTP_PASSWORD', 'TEMPORAL_API_KEY'] as const;

/** Where the secret values come from: the parsed configuration, or the environment it is parsed from. */
export type SecretSource = Partial<Record<(typeof SECRET_SETTINGS)[number], string | undefined>>;

/** Shorter values are not masked literally (masking "ab" everywhere would garble every line); the patterns still apply. */
const MIN_SECRET_LENGTH = 4;
const MASK = '***';

/**
 * The secret values configured, longest first. The passwords inside DATABASE_URL and SMTP_URL are
 * masked by the URL pattern instead: taken literally, `postgres:postgres` would mask every "postgres".
 */
export const secretsOf = (source: SecretSource): string[] => {
  const values = SECRET_SETTINGS.map((name) => source[name]?.trim() ?? '').filter((value) => value.length >= MIN_SECRET_LENGTH);
  return [...new Set(values)].sort((a, b) => b.length - a.length);
};

/** Patterns of secrets whatever their value: URL passwords, bearer tokens, Lark access tokens, secret JSON fields. */
const SECRET_PATTERNS: readonly [RegExp, (match: string, ...groups: string[]) => string][] = [
  // scheme://user:password@host → scheme://user:***@host (the placeholder in "expected postgresql://user:password@host" stays)
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)([^\s/@]+)@/gi, (match, head = '', password) => (password === 'password' ? match : `${head}${MASK}@`)],
  [/\bBearer\s+[^\s"',;]+/gi, () => `Bearer ${MASK}`],
  // Lark tenant / user / app access tokens: t-…, u-…, a-… followed by a long run of letters and digits.
  [/\b([tua])-[A-Za-z0-9_]{16,}/g, (_match, prefix = '') => `${prefix}-${MASK}`],
  // "app_secret":"…", password=…
  [
    /("?\b(?:app_secret|password|pass|encrypt_key|tenant_access_token|app_access_token|access_token)"?\s*[:=]\s*"?)[^"\s,&}]+/gi,
    (_match, key = '') => `${key}${MASK}`,
  ],
];

/** The line with every known secret value and every secret-looking pattern replaced by `***`. */
export const maskSecrets = (line: string, secrets: readonly string[] = []): string => {
  let masked = line;
  for (const secret of secrets) masked = masked.replaceAll(secret, MASK);
  for (const [pattern, replacement] of SECRET_PATTERNS) masked = masked.replace(pattern, replacement);
  return masked;
};

export interface Logger {
  /** Progress and where things are (standard output). */
  readonly info: Log;
  /** Something went wrong but the process goes on (standard error). */
  readonly warn: Log;
  /** A failure (standard error). */
  readonly error: Log;
}

export interface LogOptions {
  /** Put before every line, e.g. `bot:`. */
  readonly prefix?: string;
  /** The configuration whose secret values are masked, besides those in the environment (which the configuration is read from). */
  readonly secrets?: SecretSource;
  /** Where the masked lines go; the console unless told (tests). */
  readonly write?: (stream: 'stdout' | 'stderr', line: string) => void;
}

const toConsole = (stream: 'stdout' | 'stderr', line: string): void => {
  if (stream === 'stdout') console.log(line);
  else console.error(line);
};

/**
 * The service's one logger: every line goes out with the configured secrets (the Lark app secret,
 * encrypt key and verification token, the SMTP password, the Temporal API key) and anything that
 * looks like one (a password inside a URL, a bearer or Lark access token) replaced by `***`.
 * Each level is a `(line) => void`, so `log.info` is what the code's `log` options take.
 */
export const createLog = (options: LogOptions = {}): Logger => {
  const secrets = [...new Set([...secretsOf(options.secrets ?? {}), ...secretsOf(process.env)])].sort((x, y) => y.length - x.length);
  const write = options.write ?? toConsole;
  const prefix = options.prefix ? `${options.prefix} ` : '';
  const to =
    (stream: 'stdout' | 'stderr'): Log =>
    (line) =>
      write(stream, maskSecrets(`${prefix}${line}`, secrets));
  return { info: to('stdout'), warn: to('stderr'), error: to('stderr') };
};
