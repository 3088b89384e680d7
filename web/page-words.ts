/** What the action pages say besides the notifications' own words, in Chinese and English. */
import type { Language } from '../notifications/content.ts';

export interface PageWords {
  readonly platform: string;
  readonly awaited: string;
  readonly nothingAwaited: string;
  readonly expired: string;
  readonly forged: string;
  readonly notFound: string;
  readonly done: (what: string) => string;
  readonly refused: string;
  readonly fixFields: string;
  readonly csrf: string;
  readonly tooLarge: string;
  readonly badRequest: string;
  readonly failed: string;
  readonly proposed: string;
  readonly whyMatched: string;
  readonly you: string;
}

const zh: PageWords = {
  platform: '千校万企协同创新平台',
  awaited: '待您处理',
  nothingAwaited: '这项事务已不需要您处理，以下是当前状态。',
  expired: '此链接已过期，以下是当前状态。如仍需处理，请使用最新的邮件或飞书消息。',
  forged: '此链接无效：它可能被改动过，或不是本平台发出的。',
  notFound: '找不到这项合作。',
  done: (what) => `已记录：您${what}。`,
  refused: '未能处理：',
  fixFields: '请修改以下内容后再提交：',
  csrf: '表单已失效，请重新打开邮件中的链接后再提交。',
  tooLarge: '提交的内容过长。',
  badRequest: '无法识别的提交。',
  failed: '暂时无法处理，请稍后再试。',
  proposed: '对接对象',
  whyMatched: '匹配理由',
  you: '您',
};

const en: PageWords = {
  platform: '千校万企 collaborative innovation platform',
  awaited: 'Awaiting you',
  nothingAwaited: 'Nothing here awaits you any more; this is where it stands.',
  expired: 'This link has expired; this is where it stands. If something still awaits you, use the latest email or Lark message.',
  forged: 'This link is not valid: it was altered, or was not sent by this platform.',
  notFound: 'No such partnership.',
  done: (what) => `Recorded: you ${what}.`,
  refused: 'Not done: ',
  fixFields: 'Please correct the following and submit again:',
  csrf: 'This form has expired; open the link in your email again and resubmit.',
  tooLarge: 'What was submitted is too long.',
  badRequest: 'The submission was not understood.',
  failed: 'This could not be done just now; please try again later.',
  proposed: 'Proposed',
  whyMatched: 'Why it matches',
  you: 'you',
};

export const PAGE_WORDS: Readonly<Record<Language, PageWords>> = { zh, en };
