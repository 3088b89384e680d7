import { createHarness, type Harness } from './harness.ts';
import { startLarkOpenApi, type LarkOpenApi } from './lark-open-api.ts';
import { startLoopbackSmtp, type LoopbackSmtp } from './smtp.ts';

/** People of the fixture directory (test/fixtures/directory.json) whom delivery tests follow. */
export const STEEL_EMAIL = 'liuyang@hyplate.example.cn';
export const COORD_EMAIL = 'limin@edu-ln.example.cn';

/** A harness whose worker sends through a loopback SMTP server and the local Lark Open API, so every message is counted where it arrives. */
export interface HarnessWithChannels {
  readonly h: Harness;
  readonly smtp: LoopbackSmtp;
  readonly lark: LarkOpenApi;
  close(): Promise<void>;
}

export const createHarnessWithChannels = async (testFile: string): Promise<HarnessWithChannels> => {
  const [smtp, lark] = await Promise.all([startLoopbackSmtp(), startLarkOpenApi()]);
  const h = await createHarness(testFile, { SMTP_URL: smtp.url, LARK_APP_ID: lark.appId, LARK_APP_SECRET: lark.appSecret, LARK_DOMAIN: lark.baseUrl });
  await h.startWorker();
  return {
    h,
    smtp,
    lark,
    close: async () => {
      await h.close();
      await Promise.all([smtp.close(), lark.close()]);
    },
  };
};
