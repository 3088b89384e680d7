import * as lark from '@larksuiteoapi/node-sdk';
import { ConfigError, type Config } from '../lib/config.ts';
import { createLog, maskSecrets } from '../lib/log.ts';

export type LarkAppConfig = Pick<Config, 'LARK_APP_ID' | 'LARK_APP_SECRET' | 'LARK_DOMAIN'>;

export interface LarkClientOptions {
  /** Where the SDK's own error lines go, with secrets removed; the service's masked log unless told. */
  readonly log?: (line: string) => void;
  /** Per-request timeout: the SDK's HTTP instance has none, and a hung send would hold its activity slot. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** `feishu` → open.feishu.cn, `lark` → open.larksuite.com, else the base URL given (a local server in tests). */
export const larkDomain = (domain: string): lark.Domain | string => {
  if (domain === 'feishu') return lark.Domain.Feishu;
  if (domain === 'lark') return lark.Domain.Lark;
  if (!/^https?:\/\/[^/\s]+/.test(domain)) {
    throw new ConfigError(`invalid configuration: LARK_DOMAIN: expected feishu, lark or a base URL such as https://open.feishu.cn, got "${domain}"`);
  }
  return domain.replace(/\/+$/, '');
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const pathOf = (url: unknown): string => {
  if (typeof url !== 'string') return '';
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
};

/**
 * One line for what the SDK logs: its errors carry the axios request (whose body holds the app
 * secret when the token request fails), so only the message, route, HTTP status and Lark code are kept.
 */
const describeLogged = (item: unknown): string => {
  if (typeof item === 'string') return item;
  if (Array.isArray(item)) return item.map(describeLogged).join(' ');
  if (!isRecord(item)) return String(item);
  const parts: string[] = [];
  if (typeof item.message === 'string') parts.push(item.message);
  const request = isRecord(item.config) ? item.config : undefined;
  if (request && typeof request.method === 'string') parts.push(`${request.method.toUpperCase()} ${pathOf(request.url)}`);
  const response = isRecord(item.response) ? item.response : undefined;
  if (response && typeof response.status === 'number') parts.push(`HTTP ${response.status}`);
  const body = response && isRecord(response.data) ? response.data : item;
  if ('code' in body && 'msg' in body) parts.push(`code ${String(body.code)}: ${String(body.msg)}`);
  return parts.length > 0 ? parts.join(' ') : '[object]';
};

/**
 * The SDK's logger, one line a message through ours: objects are described, never printed whole
 * (an axios error holds the request, and with it the app secret), and the secrets are masked.
 * The SDK's own `loggerLevel` decides which levels reach it.
 */
export const larkSdkLogger = (log: (line: string) => void, secrets: readonly (string | undefined)[] = []): lark.Logger => {
  const known = secrets.filter((secret): secret is string => Boolean(secret));
  const write =
    (level: string) =>
    (...message: unknown[]): void =>
      log(maskSecrets(`lark sdk ${level}: ${describeLogged(message)}`, known));
  return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug'), trace: write('trace') };
};

/** The SDK's own HTTP instance (its interceptor unwraps response bodies), with a timeout on every request. */
const httpWithTimeout = (timeout: number): lark.HttpInstance => {
  // Typed as axios, but its response interceptor already unwraps bodies, as HttpInstance promises.
  const http = lark.defaultHttpInstance as unknown as lark.HttpInstance;
  type Options<D> = lark.HttpRequestOptions<D>;
  return {
    request: <T, R, D>(options: Options<D>) => http.request<T, R, D>({ timeout, ...options }),
    get: <T, R, D>(url: string, options?: Options<D>) => http.get<T, R, D>(url, { timeout, ...options }),
    delete: <T, R, D>(url: string, options?: Options<D>) => http.delete<T, R, D>(url, { timeout, ...options }),
    head: <T, R, D>(url: string, options?: Options<D>) => http.head<T, R, D>(url, { timeout, ...options }),
    options: <T, R, D>(url: string, options?: Options<D>) => http.options<T, R, D>(url, { timeout, ...options }),
    post: <T, R, D>(url: string, data?: D, options?: Options<D>) => http.post<T, R, D>(url, data, { timeout, ...options }),
    put: <T, R, D>(url: string, data?: D, options?: Options<D>) => http.put<T, R, D>(url, data, { timeout, ...options }),
    patch: <T, R, D>(url: string, data?: D, options?: Options<D>) => http.patch<T, R, D>(url, data, { timeout, ...options }),
  };
};

/**
 * The Lark SDK client for LARK_APP_ID / LARK_APP_SECRET on LARK_DOMAIN, or `null` when no app is
 * configured. The SDK fetches and caches the tenant token itself; its logging is reduced to errors,
 * without secrets.
 */
export const createLarkClient = (config: LarkAppConfig, options: LarkClientOptions = {}): lark.Client | null => {
  const { LARK_APP_ID: appId, LARK_APP_SECRET: appSecret } = config;
  if (!appId && !appSecret) return null;
  if (!appId || !appSecret) {
    throw new ConfigError(
      `invalid configuration: ${appId ? 'LARK_APP_SECRET' : 'LARK_APP_ID'}: required when ${appId ? 'LARK_APP_ID' : 'LARK_APP_SECRET'} is set`,
    );
  }
  return new lark.Client({
    appId,
    appSecret,
    appType: lark.AppType.SelfBuild,
    domain: larkDomain(config.LARK_DOMAIN),
    loggerLevel: lark.LoggerLevel.error,
    logger: larkSdkLogger(options.log ?? createLog({ secrets: { LARK_APP_SECRET: appSecret } }).error, [appSecret]),
    httpInstance: httpWithTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  });
};
