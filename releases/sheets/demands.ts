import { number } from '../columns.ts';
import { defineSheet } from '../sheet-spec.ts';
import { valueKey } from '../text.ts';
import { BUDGET_MAX_WAN } from './limits.ts';
import {
  contactColumn,
  fieldsColumn,
  keywordsColumn,
  longTextColumn,
  modesColumn,
  ownerColumn,
  regionColumn,
  releaseNumberColumn,
  titleColumn,
} from './shared-columns.ts';

/** 需求: enterprise technology demands released at an event. */
export const demandsSheet = defineSheet({
  kind: 'demands',
  names: { zh: '需求', en: 'Demands' },
  aliases: ['技术需求', '需求清单', '需求发布', 'demand'],
  columns: [
    releaseNumberColumn('需求编号', 'Release number'),
    titleColumn('需求名称', ['需求', '需求标题', 'demand', 'demand title']),
    longTextColumn('description', '需求描述', 'Description', ['需求内容', '需求简介', '需求详情', '描述', 'details', 'summary']),
    fieldsColumn('所属行业', 'Industries', ['行业', '所属领域', '领域', '技术领域', 'industry', 'field', 'fields']),
    keywordsColumn(),
    number('budgetWan', {
      heading: { zh: '预算(万元)', en: 'Budget (10k CNY)' },
      aliases: ['预算', '预算金额', '拟投入资金(万元)', '投入金额(万元)', '预算(万)', 'budget', 'budget (wan)'],
      note: { zh: '以万元计的数字，如 200；面议可不填。', en: 'A number of 万元 (10,000 CNY), e.g. 200; empty when negotiable.' },
      min: 0,
      max: BUDGET_MAX_WAN,
      strip: /\s*(万元|万|wan)\s*$/i,
    }),
    modesColumn('期望合作方式', ['期望的合作方式', '拟合作方式', 'expected cooperation modes']),
    ownerColumn('enterprise', '企业名称', 'Enterprise', ['企业', '需求企业', '需求单位', '需求方', 'company']),
    regionColumn({ zh: '企业', en: 'enterprise' }),
    contactColumn(),
  ],
  build: (values) => ({ ...values }),
  identities: (record) => [
    ...(record.releaseNumber ? [{ columns: ['releaseNumber'], key: valueKey(record.releaseNumber) }] : []),
    { columns: ['title', 'enterprise'], key: JSON.stringify([valueKey(record.title), valueKey(record.enterprise)]) },
  ],
  references: (record) => [{ column: 'enterprise', name: record.enterprise, kind: 'enterprise' }],
  offers: (record) => ({ kind: 'demand', id: null, releaseNumber: record.releaseNumber ?? null, title: record.title, owner: record.enterprise }),
});
