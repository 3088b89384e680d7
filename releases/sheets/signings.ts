import { choice, day, number, text } from '../columns.ts';
import { defineSheet } from '../sheet-spec.ts';
import { valueKey } from '../text.ts';
import { CONTRACT_TYPE_VOCABULARY } from '../vocabularies.ts';
import { wordsFor } from '../words.ts';
import { AMOUNT_MAX_CNY, TITLE_MAX } from './limits.ts';
import { ownerColumn } from './shared-columns.ts';
import { ipTermColumns } from './ip-term-columns.ts';

const subjectColumn = <K extends 'demand' | 'achievement'>(key: K, what: { zh: string; en: string; heading: string }, aliases: readonly string[]) =>
  text(key, {
    heading: { zh: `${what.zh}编号或名称`, en: what.heading },
    aliases,
    note: {
      zh: `签约的${what.zh}：其编号或名称，在本文件的「${what.zh}」表中或已发布；需求和成果二选一。`,
      en: `The ${what.en} signed for: its release number or title, on this file's sheet of ${what.en}s or released before; a demand or an achievement, not both.`,
    },
    max: TITLE_MAX,
    width: 30,
  });

/** 签约: contracts signed on site (现场签约) at the import's event, each registered as `event sign` registers it. */
export const signingsSheet = defineSheet({
  kind: 'signings',
  names: { zh: '签约', en: 'Signings' },
  aliases: ['现场签约', '签约项目', '签约登记', 'signing', 'contracts'],
  columns: [
    subjectColumn('demand', { zh: '需求', en: 'demand', heading: 'Demand (number or title)' }, ['需求', '签约需求', 'demand number or title']),
    subjectColumn('achievement', { zh: '成果', en: 'achievement', heading: 'Achievement (number or title)' }, [
      '成果',
      '签约成果',
      'achievement number or title',
    ]),
    ownerColumn('university', '高校', 'University', ['签约高校', '高校名称', '大学', 'university name']),
    ownerColumn('enterprise', '企业', 'Enterprise', ['签约企业', '企业名称', '公司', 'company']),
    choice('type', CONTRACT_TYPE_VOCABULARY, {
      heading: { zh: '合同类型', en: 'Contract type' },
      aliases: ['合同种类', '技术合同类型', 'contract'],
      note: { zh: '技术开发、技术转让、技术许可、技术咨询或技术服务。', en: 'Development, transfer, licensing, consulting or service.' },
      required: true,
    }),
    number('amountCny', {
      heading: { zh: '合同金额(元)', en: 'Amount (CNY)' },
      aliases: ['合同金额', '签约金额', '金额', '金额(元)', 'amount', 'contract amount'],
      note: { zh: '以元计的数字，如 1200000。', en: 'A number of yuan, e.g. 1200000.' },
      min: 0.01,
      max: AMOUNT_MAX_CNY,
      strip: /^\s*¥\s*|\s*(元|人民币|rmb|cny|yuan)\s*$/gi,
      required: true,
    }),
    day('signedOn', {
      heading: { zh: '签约日期', en: 'Signing date' },
      aliases: ['签订日期', '签约时间', '日期', 'date', 'signed on'],
      note: { zh: '如 2026-12-10。', en: 'Such as 2026-12-10.' },
      required: true,
    }),
    ...ipTermColumns,
  ],
  check: (values, language) => [
    ...((values.demand === undefined) === (values.achievement === undefined)
      ? [{ column: values.achievement === undefined ? 'demand' : 'achievement', message: wordsFor(language).demandOrAchievement }]
      : []),
    ...(values.licenceScope !== undefined && values.type !== 'licensing' ? [{ column: 'licenceScope', message: wordsFor(language).scopeWithoutLicence }] : []),
  ],
  build: ({ demand, achievement, resultsOwnership, licenceScope, licenceTerritory, licenceTermMonths, registrationNumber, ...rest }) => ({
    subject: demand === undefined ? { kind: 'achievement' as const, name: achievement! } : { kind: 'demand' as const, name: demand },
    ...rest,
    ip: { resultsOwnership, licenceScope, licenceTerritory, licenceTermMonths, registrationNumber },
  }),
  identities: (record) => [
    {
      columns: [record.subject.kind, 'university', 'enterprise'],
      key: JSON.stringify([record.subject.kind, valueKey(record.subject.name), valueKey(record.university), valueKey(record.enterprise)]),
    },
  ],
  references: (record) => [
    { column: 'university', name: record.university, kind: 'university' },
    { column: 'enterprise', name: record.enterprise, kind: 'enterprise' },
  ],
  releases: (record) => [
    {
      column: record.subject.kind,
      kind: record.subject.kind,
      name: record.subject.name,
      owner: record.subject.kind === 'demand' ? record.enterprise : record.university,
    },
  ],
  needsEvent: true,
});
