import { describe, expect, it } from 'vitest';
import { createLog, maskSecrets, secretsOf } from '../../lib/log.ts';

const config = {
  LARK_APP_SECRET: 'lark-app-secret-0123456789',
  LARK_ENCRYPT_KEY: 'encrypt-key-abcdef',
  LARK_VERIFICATION_TOKEN: 'verify-token-xyz',
  SMTP_PASSWORD: 's3cr3t-mail',
  DATABASE_URL: 'postgresql://app:db-pass@db.internal:5432/qxwq',
};

const captured = (options: Parameters<typeof createLog>[0] = {}) => {
  const lines: { stream: string; line: string }[] = [];
  const log = createLog({ ...options, write: (stream, line) => lines.push({ stream, line }) });
  return { log, lines };
};

describe('the logger', () => {
  it('masks every configured secret wherever it appears', () => {
    const { log, lines } = captured({ secrets: config });
    log.info(`app secret ${config.LARK_APP_SECRET}, key=${config.LARK_ENCRYPT_KEY} token ${config.LARK_VERIFICATION_TOKEN}; smtp ${config.SMTP_PASSWORD}`);
    expect(lines).toEqual([{ stream: 'stdout', line: 'app secret ***, key=*** token ***; smtp ***' }]);
  });

  it('masks passwords inside URLs, bearer headers and Lark access tokens, whatever their value', () => {
    const masked = maskSecrets(
      'db postgresql://postgres:postgres@127.0.0.1:54329/postgres?sslmode=disable mail smtp://mailer:p%40ss@smtp.example.cn:587 ' +
        'Authorization: Bearer t-g1044ghJRUIJJ5ELPPHUZUPBCCJZGMB2 token t-0123456789abcdef0123456789abcdef01234567 {"app_secret":"whatever"}',
    );
    expect(masked).toBe(
      'db postgresql://postgres:***@127.0.0.1:54329/postgres?sslmode=disable mail smtp://mailer:***@smtp.example.cn:587 ' +
        'Authorization: Bearer *** token t-*** {"app_secret":"***"}',
    );
  });

  it('leaves ordinary lines, addresses and placeholders as they are', () => {
    const lines = [
      'bot: webhook http://127.0.0.1:3000/lark/events, card callbacks http://127.0.0.1:3000/lark/cards',
      'email to liuyang@hyplate.example.cn written to /tmp/outbox/0a1b2c3d4e5f60718293a4b5c6d7e8f9.eml',
      'invalid configuration: DATABASE_URL: expected postgresql://user:password@host:port/database',
      'submitted P-2026-000123 (t-shirt sizing, a-b testing)',
    ];
    for (const line of lines) expect(maskSecrets(line, secretsOf(config))).toBe(line);
  });

  it('writes warnings and errors to standard error, with the prefix, and ignores secrets too short to mask', () => {
    const { log, lines } = captured({ secrets: { SMTP_PASSWORD: 'ab' }, prefix: 'bot:' });
    log.warn('a slow answer');
    log.error('a failure, about ab');
    expect(lines).toEqual([
      { stream: 'stderr', line: 'bot: a slow answer' },
      { stream: 'stderr', line: 'bot: a failure, about ab' },
    ]);
  });
});
