import { describe, expect, it } from 'vitest';
import { createLarkClient } from '../../lark/client.ts';
import { ConfigError } from '../../lib/config.ts';

const app = { LARK_APP_ID: 'cli_a1b2c3d4e5f60718', LARK_APP_SECRET: 'secret-secret-secret' };

describe('createLarkClient', () => {
  it('gives no client when no app is configured', () => {
    expect(createLarkClient({ LARK_APP_ID: undefined, LARK_APP_SECRET: undefined, LARK_DOMAIN: 'feishu' })).toBeNull();
  });

  it('names the missing half of the app credentials', () => {
    expect(() => createLarkClient({ ...app, LARK_APP_SECRET: undefined, LARK_DOMAIN: 'feishu' })).toThrow(ConfigError);
    expect(() => createLarkClient({ ...app, LARK_APP_SECRET: undefined, LARK_DOMAIN: 'feishu' })).toThrow(/LARK_APP_SECRET/);
    expect(() => createLarkClient({ ...app, LARK_APP_ID: undefined, LARK_DOMAIN: 'feishu' })).toThrow(/LARK_APP_ID/);
  });

  it('talks to Feishu, Lark or the base URL given', () => {
    expect(createLarkClient({ ...app, LARK_DOMAIN: 'feishu' })?.domain).toBe('https://open.feishu.cn');
    expect(createLarkClient({ ...app, LARK_DOMAIN: 'lark' })?.domain).toBe('https://open.larksuite.com');
    expect(createLarkClient({ ...app, LARK_DOMAIN: 'http://127.0.0.1:4010/' })?.domain).toBe('http://127.0.0.1:4010');
  });

  it('refuses a domain that is neither a name it knows nor a URL', () => {
    expect(() => createLarkClient({ ...app, LARK_DOMAIN: 'open.feishu.cn' })).toThrow(/LARK_DOMAIN.*feishu, lark or a base URL/);
  });
});
