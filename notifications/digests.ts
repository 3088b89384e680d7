import { STAGES } from '../domain/vocabulary.ts';
import type { NotificationContent } from './content.ts';
import type { Payload } from './payloads.ts';
import { count, type Wording } from './wording.ts';

const partnership = (item: { reference: string; title: string }, w: Wording): string =>
  w.say(`${item.reference}${w.quote(item.title)}`, `${item.reference} ${w.quote(item.title)}`);

/**
 * A tech-transfer office's or enterprise contact's week: what waits for them and which milestones
 * fall due (or are overdue), each under its reference number.
 */
export const weeklyDigest = (p: Payload<'weekly_digest'>, w: Wording): NotificationContent => {
  const week = w.when(p.weekOf);
  const overdue = p.due.filter((item) => item.overdue).length;
  const pending = p.pending.map((item) => {
    const by = item.deadline ? w.say(`（截止 ${w.when(item.deadline)}）`, ` (by ${w.when(item.deadline)})`) : '';
    return `${partnership(item, w)}${w.words.colon}${w.say('待您', 'to do: ')}${w.words.action[item.action]}${by}`;
  });
  const due = p.due.map((item) => {
    const milestone = w.say(`里程碑 ${item.milestone}${w.quote(item.milestoneTitle)}`, `milestone ${item.milestone} ${w.quote(item.milestoneTitle)}`);
    const state = item.overdue
      ? w.say(`已逾期（到期时间 ${w.when(item.due)}）`, `overdue (was due ${w.when(item.due)})`)
      : w.say(`将于 ${w.when(item.due)} 到期`, `due ${w.when(item.due)}`);
    return `${partnership(item, w)}${w.words.colon}${milestone}${w.say('', ' ')}${state}`;
  });
  const headline = w.say(`${week}当周摘要`, `Week of ${week}`);
  return {
    subject: w.say(
      `[每周摘要] ${week}当周：${p.pending.length} 项待办，${p.due.length} 个里程碑到期`,
      `[Weekly digest] Week of ${week}: ${count(p.pending.length, 'item')} to do, ${count(p.due.length, 'milestone')} due`,
    ),
    title: headline,
    tone: overdue > 0 ? 'warning' : p.pending.length > 0 ? 'action' : 'info',
    paragraphs: [
      p.pending.length + p.due.length === 0
        ? w.say('本周没有需要您处理的事项。', 'Nothing is waiting for you this week.')
        : w.say('本周需要您关注的合作事项列在下方。', 'The partnerships that need your attention this week are listed below.'),
    ],
    facts: [
      { label: w.words.label.week, value: week },
      { label: w.say('待办', 'To do'), value: String(p.pending.length) },
      { label: w.say('到期里程碑', 'Milestones due'), value: String(p.due.length) },
      ...(overdue > 0 ? [{ label: w.say('已逾期', 'Overdue'), value: String(overdue) }] : []),
    ],
    bulletsHeading: w.say('事项', 'Items'),
    bullets: [...pending, ...due],
    calendar: [],
  };
};

/** Who the programme cannot reach: organisations with nobody to speak for them, people with no address. */
const unreachableBullets = ({ organisations, people }: Payload<'programme_summary'>['unreachable'], w: Wording): string[] => [
  ...organisations.map((o) =>
    o.kind === 'university'
      ? w.say(`${o.name}：没有可通过飞书或邮件联系的技术转移负责人`, `${o.name} has no tech-transfer officer with a Lark account or email`)
      : w.say(`${o.name}：没有可通过飞书或邮件联系的企业联系人`, `${o.name} has no enterprise contact with a Lark account or email`),
  ),
  ...people.map((p) =>
    w.say(
      `${p.name}${p.organisation ? `（${p.organisation}）` : ''}：既无飞书账号也无邮箱`,
      `${p.name}${p.organisation ? ` (${p.organisation})` : ''} has neither a Lark account nor an email`,
    ),
  ),
];

/** The managers' weekly view of the programme: partnerships by stage, dockings, contracts, overdue milestones, who cannot be reached. */
export const programmeSummary = (p: Payload<'programme_summary'>, w: Wording): NotificationContent => {
  const week = w.when(p.weekOf);
  const overdue = p.overdueMilestones.length;
  const unreachable = unreachableBullets(p.unreachable, w);
  return {
    subject: w.say(
      `[项目周报] ${week}当周：对接 ${p.dockings} 次，签约 ${p.contracts} 份，逾期里程碑 ${overdue} 个`,
      `[Programme summary] Week of ${week}: ${count(p.dockings, 'docking')}, ${count(p.contracts, 'contract')}, ${count(overdue, 'overdue milestone')}`,
    ),
    title: w.say(`项目周报：${week}当周`, `Programme summary: week of ${week}`),
    tone: overdue > 0 ? 'warning' : 'info',
    paragraphs: [
      w.say(
        `截至本周，成功对接 ${p.dockings} 次，登记合同 ${p.contracts} 份，合同总额 ${w.amount(p.amountCny)}。`,
        `So far ${count(p.dockings, 'docking')} succeeded and ${count(p.contracts, 'contract')} worth ${w.amount(p.amountCny)} in total were registered.`,
      ),
      overdue > 0
        ? w.say(`有 ${overdue} 个里程碑已逾期，见下方列表。`, `${count(overdue, 'milestone is', 'milestones are')} overdue, listed below.`)
        : w.say('目前没有逾期的里程碑。', 'No milestone is overdue.'),
      ...(unreachable.length > 0
        ? [
            w.say(
              `有 ${unreachable.length} 个组织或人员无法联系，请在通讯录中补充联系方式（见下方列表）。`,
              `${count(unreachable.length, 'organisation or person', 'organisations or people')} cannot be reached; add their contact details to the directory (listed below).`,
            ),
          ]
        : []),
    ],
    facts: [
      { label: w.words.label.week, value: week },
      ...STAGES.map((stage) => ({ label: w.words.stage[stage], value: String(p.byStage[stage] ?? 0) })),
      { label: w.say('对接', 'Dockings'), value: String(p.dockings) },
      { label: w.say('合同', 'Contracts'), value: String(p.contracts) },
      { label: w.say('合同总额', 'Contract value'), value: w.amount(p.amountCny) },
    ],
    ...(overdue > 0 && unreachable.length > 0
      ? { bulletsHeading: w.say('逾期里程碑与无法联系的对象', 'Overdue milestones and who cannot be reached') }
      : overdue > 0
        ? { bulletsHeading: w.say('逾期里程碑', 'Overdue milestones') }
        : unreachable.length > 0
          ? { bulletsHeading: w.say('无法联系的对象', 'Who cannot be reached') }
          : {}),
    bullets: [
      ...p.overdueMilestones.map(
        (m) => `${partnership(m, w)}${w.words.colon}${w.quote(m.milestoneTitle)}${w.say(`应于 ${w.when(m.due)} 完成`, ` was due ${w.when(m.due)}`)}`,
      ),
      ...unreachable,
    ],
    calendar: [],
  };
};
