import { choice, choices, items, list, number, text } from '../columns.ts';
import { readRights } from '../rights.ts';
import { COOPERATION_MODE_VOCABULARY, INDUSTRY_VOCABULARY, IP_AVAILABILITY_VOCABULARY, REGION_VOCABULARY, TRL_VOCABULARY } from '../vocabularies.ts';
import { CONTACT_MAX, KEYWORD_MAX, KEYWORDS_MOST, PATENT_MAX, PATENTS_MOST, NAME_MAX, RELEASE_NUMBER_MAX, TITLE_MAX, SUMMARY_MAX } from './limits.ts';

/** Columns achievements and demands share, differing only in their headings. */

export const releaseNumberColumn = (zh: string, en: string) =>
  text('releaseNumber', {
    heading: { zh, en },
    aliases: ['编号', 'release number', 'number', 'no.', 'release no'],
    note: {
      zh: `本次发布的编号，不超过 ${RELEASE_NUMBER_MAX} 个字。再次导入同一编号会更新该条，而不是新增一条；不填则按名称和单位识别。`,
      en: `The release's own number, at most ${RELEASE_NUMBER_MAX} characters. Importing the same number again updates that release rather than adding another; without one, a release is known by its title and organisation.`,
    },
    max: RELEASE_NUMBER_MAX,
  });

export const titleColumn = (zh: string, aliases: readonly string[]) =>
  text('title', {
    heading: { zh, en: 'Title' },
    aliases: ['名称', 'name', ...aliases],
    note: { zh: `不超过 ${TITLE_MAX} 个字。`, en: `At most ${TITLE_MAX} characters.` },
    max: TITLE_MAX,
    width: 36,
    required: true,
  });

export const longTextColumn = <K extends string>(key: K, zh: string, en: string, aliases: readonly string[]) =>
  text(key, {
    heading: { zh, en },
    aliases,
    note: { zh: `不超过 ${SUMMARY_MAX} 个字。`, en: `At most ${SUMMARY_MAX} characters.` },
    max: SUMMARY_MAX,
    width: 60,
    required: true,
  });

export const fieldsColumn = (zh: string, en: string, aliases: readonly string[], required = true) =>
  choices('fields', INDUSTRY_VOCABULARY, {
    heading: { zh, en },
    aliases,
    note: {
      zh: '从下拉列表中选择；多个用顿号、逗号或换行分隔，如“冶金、新材料”。',
      en: 'From the drop-down list; several separated by commas or line breaks, e.g. "metallurgy, new materials".',
    },
    required,
    most: 5,
  });

export const keywordsColumn = () =>
  list('keywords', {
    heading: { zh: '关键词', en: 'Keywords' },
    aliases: ['关键字', 'keyword', 'tags'],
    note: {
      zh: `帮助匹配的关键词，用顿号或逗号分隔，最多 ${KEYWORDS_MOST} 个，每个不超过 ${KEYWORD_MAX} 个字。`,
      en: `Words that help matching, separated by commas; at most ${KEYWORDS_MOST}, each at most ${KEYWORD_MAX} characters.`,
    },
    itemMax: KEYWORD_MAX,
    most: KEYWORDS_MOST,
  });

export const modesColumn = (zh: string, aliases: readonly string[]) =>
  choices('cooperationModes', COOPERATION_MODE_VOCABULARY, {
    heading: { zh, en: 'Cooperation modes' },
    aliases: ['合作方式', '合作模式', '转化方式', 'cooperation mode', 'modes', 'mode', ...aliases],
    note: {
      zh: '转让、许可、合作开发、技术服务、作价入股中的一种或几种，用顿号分隔。',
      en: 'One or more of transfer, licensing, joint development, technical service, equity; separated by commas.',
    },
    required: true,
  });

export const maturityColumn = () =>
  number('maturity', {
    heading: { zh: '成熟度(TRL)', en: 'TRL' },
    aliases: ['成熟度', '技术成熟度', '成熟度等级', 'maturity', 'technology readiness level'],
    note: {
      zh: '技术成熟度等级，1（原理）到 9（规模应用）的整数。',
      en: 'Technology readiness level, a whole number from 1 (principles) to 9 (proven in production).',
    },
    min: 1,
    max: 9,
    integer: true,
    strip: /^\s*trl[\s-]*|\s*级\s*$/gi,
    choices: TRL_VOCABULARY,
    required: true,
  });

export const rightsColumn = () =>
  items(
    'rights',
    {
      heading: { zh: '知识产权', en: 'IP rights' },
      aliases: ['专利号', '专利', '专利号码', '授权专利', '专利及软著', 'patent', 'patents', 'patent numbers', 'patent no', 'rights'],
      note: {
        zh: `专利号或登记号，可在括号中注明类型（发明专利、实用新型、外观设计、软件著作权、植物新品种）和状态（申请中、已授权、失效），如“ZL202010123456.7（发明专利，已授权）”；不注明则按号码判断。多个用顿号或换行分隔，最多 ${PATENTS_MOST} 个。`,
        en: `Patent or registration numbers, each optionally with its kind (invention patent, utility model, design patent, software copyright, plant variety) and status (pending, granted, lapsed) in brackets, e.g. "ZL202010123456.7 (invention patent, granted)"; otherwise read from the number. Several separated by line breaks, at most ${PATENTS_MOST}.`,
      },
      width: 36,
      most: PATENTS_MOST,
    },
    readRights(PATENT_MAX),
  );

export const availabilityColumn = () =>
  choice('availability', IP_AVAILABILITY_VOCABULARY, {
    heading: { zh: '转化状态', en: 'Availability' },
    aliases: ['权利状态', '可转化状态', '许可状态', 'ip availability', 'status'],
    note: {
      zh: '可转化、已独占许可或已转让；已独占许可或已转让的成果不再推荐给企业。不填则不变（新成果为可转化）。',
      en: 'Open, exclusively licensed or transferred; an achievement exclusively licensed or transferred is no longer proposed. Left empty, unchanged (open for a new achievement).',
    },
  });

/** 所在地区: a province-level division, 辽宁 or 辽宁省 alike. */
export const REGION_HEADING = {
  heading: { zh: '所在地区', en: 'Region' },
  aliases: ['地区', '省份', '所在省份', '所在省(区、市)', 'province'],
};

/** A release's region, when it differs from its organisation's. */
export const regionColumn = (organisation: { zh: string; en: string }) =>
  choice('region', REGION_VOCABULARY, {
    ...REGION_HEADING,
    note: {
      zh: `省级行政区，如“辽宁省”或“辽宁”；不填则取${organisation.zh}所在地区。`,
      en: `A province-level division, e.g. "Liaoning"; left empty, the ${organisation.en}'s region.`,
    },
  });

/** The organisation a release belongs to, by its name in the directory or on the organisations sheet. */
export const ownerColumn = <K extends string>(key: K, zh: string, en: string, aliases: readonly string[]) =>
  text(key, {
    heading: { zh, en },
    aliases,
    note: {
      zh: `单位全称，须在单位名录中或在“单位”表中。`,
      en: `The organisation's full name, as in the directory or on the Organisations sheet.`,
    },
    max: NAME_MAX,
    width: 28,
    required: true,
  });

export const contactColumn = () =>
  text('contact', {
    heading: { zh: '联系人', en: 'Contact' },
    aliases: ['联系方式', '联系人及电话', '联系人电话', 'contact person'],
    note: { zh: `联系人及电话，不超过 ${CONTACT_MAX} 个字。`, en: `Who to talk to, and how, at most ${CONTACT_MAX} characters.` },
    max: CONTACT_MAX,
    width: 24,
  });
