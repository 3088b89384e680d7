import { choice, text } from '../columns.ts';
import { defineSheet } from '../sheet-spec.ts';
import { valueKey } from '../text.ts';
import { ENTERPRISE_CATEGORY_VOCABULARY, ENTERPRISE_OWNERSHIP_VOCABULARY, ORGANISATION_KIND_VOCABULARY, REGION_VOCABULARY } from '../vocabularies.ts';
import { NAME_MAX } from './limits.ts';
import { REGION_HEADING } from './shared-columns.ts';
import { wordsFor } from '../words.ts';

/** 单位: universities, enterprises and parks to add to the directory or update there, known by their name. */
export const organisationsSheet = defineSheet({
  kind: 'organisations',
  names: { zh: '单位', en: 'Organisations' },
  aliases: ['单位名录', '单位信息', 'organisation', 'organizations', 'organization'],
  columns: [
    text('name', {
      heading: { zh: '单位名称', en: 'Organisation' },
      aliases: ['单位全称', '机构名称', 'organisation name', 'organization', 'organization name'],
      note: {
        zh: `单位全称，不超过 ${NAME_MAX} 个字；成果和需求表按此名称引用单位。`,
        en: `The full name, at most ${NAME_MAX} characters; the Achievements and Demands sheets name organisations by it.`,
      },
      max: NAME_MAX,
      width: 30,
      required: true,
    }),
    choice('kind', ORGANISATION_KIND_VOCABULARY, {
      heading: { zh: '类型', en: 'Kind' },
      aliases: ['单位类型', '机构类型', 'type', 'organisation kind'],
      note: { zh: '高校、企业或园区。', en: 'University, enterprise or park.' },
      required: true,
    }),
    choice('region', REGION_VOCABULARY, {
      ...REGION_HEADING,
      note: { zh: '省级行政区，如“辽宁省”或“辽宁”。', en: 'A province-level division, e.g. "Liaoning".' },
      required: true,
    }),
    choice('enterpriseCategory', ENTERPRISE_CATEGORY_VOCABULARY, {
      heading: { zh: '企业类别', en: 'Enterprise category' },
      aliases: ['企业类型', '企业分类', 'category'],
      note: {
        zh: '仅企业填写：龙头企业、专精特新企业、创新型中小企业或其他。',
        en: 'Enterprises only: leading enterprise, specialised SME, innovative SME or other.',
      },
    }),
    choice('ownership', ENTERPRISE_OWNERSHIP_VOCABULARY, {
      heading: { zh: '企业性质', en: 'Ownership' },
      aliases: ['所有制', '所有制性质', '经济类型', 'ownership type'],
      note: {
        zh: '仅企业填写：国有、民营、外资或混合所有制。',
        en: 'Enterprises only: state-owned, private, foreign-funded or mixed ownership.',
      },
    }),
  ],
  check: (values, language) =>
    values.kind === 'enterprise'
      ? []
      : (['enterpriseCategory', 'ownership'] as const).flatMap((column) =>
          values[column] === undefined ? [] : [{ column, message: wordsFor(language).enterpriseOnly }],
        ),
  build: (values) => ({ ...values }),
  identities: (record) => [{ columns: ['name'], key: valueKey(record.name) }],
  provides: (record) => ({ name: record.name, kind: record.kind }),
});
