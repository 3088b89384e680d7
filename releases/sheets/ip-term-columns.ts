import { choice, number, text } from '../columns.ts';
import { LICENCE_SCOPE_VOCABULARY, RESULTS_OWNERSHIP_VOCABULARY } from '../vocabularies.ts';

/** A contract's IP terms and registration number, each optional, as the 签约 sheet gives them. */
export const ipTermColumns = [
  choice('licenceScope', LICENCE_SCOPE_VOCABULARY, {
    heading: { zh: '许可方式', en: 'Licence scope' },
    aliases: ['许可类型', '许可范围', '实施许可方式', 'licence', 'license scope'],
    note: {
      zh: '技术许可合同填写：独占许可、排他许可或普通许可。独占或排他许可的成果不再推荐给其他企业。',
      en: 'Licensing contracts: exclusive, sole or non-exclusive. An achievement licensed exclusively or solely is no longer proposed to others.',
    },
  }),
  text('licenceTerritory', {
    heading: { zh: '许可地域', en: 'Territory' },
    aliases: ['许可区域', '实施地域', '地域范围', 'licence territory', 'license territory'],
    note: { zh: '如“中国大陆”或“辽宁省”。', en: 'Such as "mainland China" or "Liaoning".' },
    max: 200,
  }),
  number('licenceTermMonths', {
    heading: { zh: '许可期限(月)', en: 'Term (months)' },
    aliases: ['许可期限', '期限(月)', '许可年限(月)', 'term', 'licence term'],
    note: { zh: '以月计的整数，如 60。', en: 'A whole number of months, e.g. 60.' },
    min: 1,
    max: 1200,
    integer: true,
    strip: /\s*(个月|月|months?)\s*$/gi,
  }),
  choice('resultsOwnership', RESULTS_OWNERSHIP_VOCABULARY, {
    heading: { zh: '新成果归属', en: 'Ownership of new results' },
    aliases: ['成果归属', '知识产权归属', '后续成果归属', 'results ownership', 'ownership of results'],
    note: { zh: '高校、企业或双方共有。', en: 'The university, the enterprise, or joint.' },
  }),
  text('registrationNumber', {
    heading: { zh: '认定登记号', en: 'Registration number' },
    aliases: ['技术合同认定登记号', '合同登记号', '登记号', 'registration no', 'contract registration number'],
    note: {
      zh: '技术合同认定登记号，已在技术市场登记的合同填写。',
      en: 'The number the technology market office gave the contract when it registered it (技术合同认定登记).',
    },
    max: 60,
  }),
] as const;
