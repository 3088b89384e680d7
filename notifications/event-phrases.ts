import type { DockingStatus } from '../domain/event.ts';
import type { Language } from './content.ts';

/** What the bot says about a docking event's list, launch and signings on site, in Chinese and English. */
export interface EventPhrases {
  readonly eventLabel: (name: string, id: string) => string;
  readonly noSuchEvent: (code: string) => string;
  readonly onlyCoordinators: (event: string) => string;
  readonly usage: Readonly<Record<'dockings' | 'add_docking' | 'sign', string>>;
  // The event card's buttons.
  readonly dockingsButton: string;
  readonly launchButton: string;
  readonly signButton: string;
  readonly backToEvent: string;
  // The docking list.
  readonly dockingsTitle: (event: string) => string;
  readonly pageOf: (page: number, pages: number, total: number) => string;
  readonly emptyList: string;
  readonly status: Readonly<Record<DockingStatus, string>>;
  readonly score: string;
  readonly reasons: string;
  readonly strike: string;
  readonly restore: string;
  readonly previous: string;
  readonly next: string;
  readonly addHeading: string;
  readonly demandField: string;
  readonly achievementField: string;
  readonly addButton: string;
  readonly notOnList: string;
  readonly unknownRelease: (kind: 'demand' | 'achievement', id: string) => string;
  readonly struck: (demand: string, achievement: string) => string;
  readonly restored: (demand: string, achievement: string) => string;
  readonly added: (demand: string, achievement: string, page: number) => string;
  readonly unchanged: (demand: string, achievement: string) => string;
  // Launch.
  readonly launchTitle: (event: string) => string;
  readonly launchConfirm: (demands: number, pairs: number) => string;
  readonly nothingToLaunch: string;
  readonly confirmLaunch: string;
  readonly launching: (demands: number) => string;
  readonly launched: (started: number, existing: number) => string;
  readonly launchFailed: (reason: string) => string;
  // Signing on site.
  readonly signTitle: (event: string) => string;
  readonly signIntro: string;
  readonly subjectKind: string;
  readonly kinds: Readonly<Record<'demand' | 'achievement', string>>;
  readonly subject: string;
  readonly university: string;
  readonly enterprise: string;
  readonly contractType: string;
  readonly amount: string;
  readonly signedOn: string;
  readonly signSubmit: string;
  readonly fieldHint: Readonly<Record<'kind' | 'subject' | 'type' | 'amount' | 'signedOn' | 'university' | 'enterprise', string>>;
  readonly noOrganisation: (kind: 'university' | 'enterprise', given: string) => string;
  readonly notOwner: (kind: 'demand' | 'achievement', id: string, owner: string) => string;
  readonly signedTitle: string;
  readonly signed: (reference: string) => string;
  readonly signAnother: string;
}

const zh: EventPhrases = {
  eventLabel: (name, id) => `${name}（${id}）`,
  noSuchEvent: (code) => `没有找到对接会 ${code}，请检查活动编号。`,
  onlyCoordinators: (event) => `只有对接会 ${event} 的协调员可以查看和修改对接清单、发起对接和登记现场签约。`,
  usage: {
    dockings: '请在“对接清单”后写上活动编号，例如：对接清单 LN-2026-03 2（第 2 页）',
    add_docking: '请写上活动编号、需求编号和成果编号，例如：添加对接 LN-2026-03 D-001 A-017',
    sign: '请在“签约”后写上活动编号，例如：签约 LN-2026-03',
  },
  dockingsButton: '对接清单',
  launchButton: '发起对接',
  signButton: '现场签约',
  backToEvent: '返回对接会',
  dockingsTitle: (event) => `对接清单 · ${event}`,
  pageOf: (page, pages, total) => `第 **${page}** / ${pages} 页，共 **${total}** 对`,
  emptyList: '还没有对接清单：请先生成清单（`npm run cli -- event build`），也可以在下方手工添加。',
  status: { listed: '推荐', added: '人工添加', struck: '已划掉', launched: '已发起' },
  score: '匹配度',
  reasons: '理由',
  strike: '划掉',
  restore: '恢复',
  previous: '上一页',
  next: '下一页',
  addHeading: '**添加对接**：填写需求和成果的编号（或导入时的编号）',
  demandField: '需求编号',
  achievementField: '成果编号',
  addButton: '添加',
  notOnList: '这一对不在本次对接会的清单上。',
  unknownRelease: (kind, id) => `没有编号为 ${id} 的${kind === 'demand' ? '需求' : '成果'}，请检查编号。`,
  struck: (demand, achievement) => `已划掉 ${demand} ↔ ${achievement}`,
  restored: (demand, achievement) => `已恢复 ${demand} ↔ ${achievement}`,
  added: (demand, achievement, page) => `已添加 ${demand} ↔ ${achievement}（第 ${page} 页）`,
  unchanged: (demand, achievement) => `${demand} ↔ ${achievement} 没有变化（已发起的对接由合作项目继续处理）`,
  launchTitle: (event) => `发起对接 · ${event}`,
  launchConfirm: (demands, pairs) =>
    `将把 **${demands}** 个需求（**${pairs}** 对，未划掉且未发起）发起为合作项目：跳过受理和审核，直接进入匹配，并向对应高校发出对接邀请。确认发起吗？`,
  nothingToLaunch: '没有待发起的对接：清单上的对接都已发起或已划掉。',
  confirmLaunch: '确认发起',
  launching: (demands) => `正在发起 ${demands} 个需求的对接，完成后会更新此卡片…`,
  launched: (started, existing) => `发起完成：新建 **${started}** 个合作项目，**${existing}** 个已经存在。`,
  launchFailed: (reason) => `发起未完成：${reason}`,
  signTitle: (event) => `现场签约 · ${event}`,
  signIntro: '填写签约的需求或成果、双方和合同信息；本方单位可以不填，自动取需求或成果所属单位。',
  subjectKind: '签约对象',
  kinds: { demand: '企业需求', achievement: '科技成果' },
  subject: '需求或成果编号',
  university: '高校（编号或名称）',
  enterprise: '企业（编号或名称）',
  contractType: '合同类型',
  amount: '合同金额（元）',
  signedOn: '签约日期',
  signSubmit: '登记签约',
  fieldHint: {
    kind: '签约对象：请选择企业需求或科技成果',
    subject: '需求或成果编号：必填',
    type: '合同类型：请选择',
    amount: '合同金额（元）：请填写正数，例如 1200000 或 120万',
    signedOn: '签约日期：请选择日期',
    university: '高校：必填',
    enterprise: '企业：必填',
  },
  noOrganisation: (kind, given) => `名录中没有${kind === 'university' ? '高校' : '企业'}“${given}”，请填写编号或完整名称。`,
  notOwner: (kind, id, owner) => `${kind === 'demand' ? '需求' : '成果'} ${id} 属于 ${owner}，请核对双方单位。`,
  signedTitle: '已登记现场签约',
  signed: (reference) => `合同已登记，合作项目 **${reference}**（现场签约）。履约节点稍后规划。`,
  signAnother: '再登记一份',
};

const en: EventPhrases = {
  eventLabel: (name, id) => `${name} (${id})`,
  noSuchEvent: (code) => `There is no docking event ${code}; check the event's code.`,
  onlyCoordinators: (event) => `Only the coordinators of ${event} can review and edit its docking list, launch it and register signings on site.`,
  usage: {
    dockings: 'Give the event after "dockings", e.g. dockings LN-2026-03 2 (page 2)',
    add_docking: 'Give the event, the demand and the achievement, e.g. add docking LN-2026-03 D-001 A-017',
    sign: 'Give the event after "sign", e.g. sign LN-2026-03',
  },
  dockingsButton: 'Docking list',
  launchButton: 'Launch',
  signButton: 'Sign on site',
  backToEvent: 'Back to the event',
  dockingsTitle: (event) => `Docking list · ${event}`,
  pageOf: (page, pages, total) => `Page **${page}** of ${pages}, **${total}** pairs`,
  emptyList: 'There is no docking list yet: build it first (`npm run cli -- event build`), or add pairs below.',
  status: { listed: 'proposed', added: 'added by hand', struck: 'struck', launched: 'launched' },
  score: 'score',
  reasons: 'why',
  strike: 'Strike',
  restore: 'Restore',
  previous: 'Previous',
  next: 'Next',
  addHeading: '**Add a pair**: the demand and achievement ids (or their release numbers)',
  demandField: 'Demand id',
  achievementField: 'Achievement id',
  addButton: 'Add',
  notOnList: "That pair is not on this event's docking list.",
  unknownRelease: (kind, id) => `There is no ${kind} ${id}; check the id.`,
  struck: (demand, achievement) => `Struck ${demand} ↔ ${achievement}`,
  restored: (demand, achievement) => `Restored ${demand} ↔ ${achievement}`,
  added: (demand, achievement, page) => `Added ${demand} ↔ ${achievement} (page ${page})`,
  unchanged: (demand, achievement) => `${demand} ↔ ${achievement} is unchanged (a launched pair is its partnership's to change)`,
  launchTitle: (event) => `Launch · ${event}`,
  launchConfirm: (demands, pairs) =>
    `This launches **${demands}** demands (**${pairs}** pairs neither struck nor launched) as partnerships: they skip intake and review, open at matchmaking and invite the universities. Launch now?`,
  nothingToLaunch: 'Nothing to launch: every pair on the list is launched or struck.',
  confirmLaunch: 'Confirm launch',
  launching: (demands) => `Launching ${demands} demands; this card is updated when it is done…`,
  launched: (started, existing) => `Launched: **${started}** partnerships started, **${existing}** already existed.`,
  launchFailed: (reason) => `The launch did not finish: ${reason}`,
  signTitle: (event) => `Sign on site · ${event}`,
  signIntro: 'Give the demand or achievement signed for, the parties and the contract; its own organisation may be left empty and is taken from the release.',
  subjectKind: 'Signed for',
  kinds: { demand: 'an enterprise demand', achievement: 'a university achievement' },
  subject: 'Demand or achievement id',
  university: 'University (id or name)',
  enterprise: 'Enterprise (id or name)',
  contractType: 'Contract type',
  amount: 'Amount (CNY)',
  signedOn: 'Signed on',
  signSubmit: 'Register signing',
  fieldHint: {
    kind: 'Signed for: choose a demand or an achievement',
    subject: 'Demand or achievement id: required',
    type: 'Contract type: choose one',
    amount: 'Amount (CNY): a positive number, e.g. 1200000',
    signedOn: 'Signed on: choose a date',
    university: 'University: required',
    enterprise: 'Enterprise: required',
  },
  noOrganisation: (kind, given) => `There is no ${kind} "${given}" in the directory; give its id or full name.`,
  notOwner: (kind, id, owner) => `${kind === 'demand' ? 'Demand' : 'Achievement'} ${id} is ${owner}'s; check the parties.`,
  signedTitle: 'Signing registered',
  signed: (reference) => `The contract is registered with partnership **${reference}** (signed on site). Milestones are planned later.`,
  signAnother: 'Register another',
};

const EVENT_PHRASES: Readonly<Record<Language, EventPhrases>> = { zh, en };

/** The bot's docking-event phrases in a person's language. */
export const eventPhrasesFor = (language: Language): EventPhrases => EVENT_PHRASES[language];
