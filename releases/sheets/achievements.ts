import { defineSheet } from '../sheet-spec.ts';
import { valueKey } from '../text.ts';
import {
  contactColumn,
  fieldsColumn,
  keywordsColumn,
  longTextColumn,
  maturityColumn,
  modesColumn,
  ownerColumn,
  rightsColumn,
  availabilityColumn,
  regionColumn,
  releaseNumberColumn,
  titleColumn,
} from './shared-columns.ts';

/** 成果: university achievements released at an event. */
export const achievementsSheet = defineSheet({
  kind: 'achievements',
  names: { zh: '成果', en: 'Achievements' },
  aliases: ['科技成果', '成果清单', '成果发布', 'achievement'],
  columns: [
    releaseNumberColumn('成果编号', 'Release number'),
    titleColumn('成果名称', ['成果', '项目名称', 'achievement', 'achievement title']),
    longTextColumn('summary', '成果简介', 'Summary', ['简介', '成果介绍', '内容简介', '成果描述', 'abstract', 'description']),
    fieldsColumn('所属领域', 'Fields', ['领域', '技术领域', '应用领域', '所属行业', 'field', 'industry', 'industries']),
    keywordsColumn(),
    maturityColumn(),
    modesColumn('合作方式', []),
    rightsColumn(),
    availabilityColumn(),
    ownerColumn('university', '所属高校', 'University', ['高校', '高校名称', '完成单位', '成果单位', '所属单位', 'owner']),
    regionColumn({ zh: '高校', en: 'university' }),
    contactColumn(),
  ],
  build: (values) => ({ ...values }),
  identities: (record) => [
    ...(record.releaseNumber ? [{ columns: ['releaseNumber'], key: valueKey(record.releaseNumber) }] : []),
    { columns: ['title', 'university'], key: JSON.stringify([valueKey(record.title), valueKey(record.university)]) },
  ],
  references: (record) => [{ column: 'university', name: record.university, kind: 'university' }],
  offers: (record) => ({ kind: 'achievement', id: null, releaseNumber: record.releaseNumber ?? null, title: record.title, owner: record.university }),
});
