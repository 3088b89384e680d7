import { COOPERATION_MODES } from '../matching/schema.ts';
import { CONTRACT_TYPE_NAMES, CONTRACT_TYPES, ROLES } from '../domain/vocabulary.ts';
import type { EnterpriseCategory, EnterpriseOwnership } from '../domain/enterprise.ts';
import type { IpAvailability, IpRightKind, IpRightStatus, LicenceScope, ResultsOwnership } from '../domain/ip.ts';
import type { Language } from './report.ts';

/**
 * A closed list a cell must come from. `value` is what is stored; a cell may give the value,
 * either label, or an alias (a short or older form), in any case and spacing.
 */
export interface Vocabulary<V extends string = string> {
  /** The name of its list on the template's hidden 选项 sheet. */
  readonly name: string;
  readonly entries: readonly VocabularyEntry<V>[];
}

export interface VocabularyEntry<V extends string = string> {
  readonly value: V;
  readonly zh: string;
  readonly en: string;
  readonly aliases?: readonly string[];
}

const vocabulary = <V extends string>(name: string, entries: readonly VocabularyEntry<V>[]): Vocabulary<V> => ({ name, entries });

/** What a person sees of an entry, in their language. */
export const labelOf = (entry: VocabularyEntry, language: Language): string => entry[language];

/** Every form a cell may give an entry in. */
export const formsOf = (entry: VocabularyEntry): readonly string[] => [entry.value, entry.zh, entry.en, ...(entry.aliases ?? [])];

const MODE_NAMES: Record<(typeof COOPERATION_MODES)[number], { en: string; aliases: string[] }> = {
  转让: { en: 'transfer', aliases: ['技术转让', 'assignment'] },
  许可: { en: 'licensing', aliases: ['技术许可', '许可使用', 'licence', 'license'] },
  合作开发: { en: 'joint development', aliases: ['技术开发', '联合开发', 'co-development', 'cooperative development'] },
  技术服务: { en: 'technical service', aliases: ['技术咨询', 'technical services', 'service', 'consulting'] },
  作价入股: { en: 'equity', aliases: ['作价投资', '入股', 'equity investment', 'investment in kind'] },
};

export const COOPERATION_MODE_VOCABULARY = vocabulary(
  'cooperationModes',
  COOPERATION_MODES.map((mode) => ({ value: mode, zh: mode, en: MODE_NAMES[mode].en, aliases: MODE_NAMES[mode].aliases })),
);

/** Technology readiness levels, as 成熟度 is released. */
export const TRL_VOCABULARY = vocabulary(
  'trl',
  (['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const).map((level) => ({
    value: level,
    zh: level,
    en: level,
    aliases: [`TRL${level}`, `TRL ${level}`, `TRL-${level}`, `${level}级`],
  })),
);

export const ORGANISATION_KIND_VOCABULARY = vocabulary('organisationKinds', [
  { value: 'university', zh: '高校', en: 'university', aliases: ['大学', '学院', '高等院校', '科研院所'] },
  { value: 'enterprise', zh: '企业', en: 'enterprise', aliases: ['公司', 'company'] },
  { value: 'park', zh: '园区', en: 'park', aliases: ['产业园区', '开发区', 'industrial park'] },
] as const);

/** The enterprises the programme's notice names to serve (EnterpriseCategory in the schema). */
export const ENTERPRISE_CATEGORY_VOCABULARY = vocabulary('enterpriseCategories', [
  { value: 'leading', zh: '龙头企业', en: 'leading enterprise', aliases: ['龙头', '行业龙头', '链主企业', 'leading'] },
  {
    value: 'specialised',
    zh: '专精特新企业',
    en: 'specialised SME',
    aliases: ['专精特新', '专精特新中小企业', '小巨人', '专精特新小巨人', 'specialised', 'specialized', 'specialized SME'],
  },
  { value: 'innovative_sme', zh: '创新型中小企业', en: 'innovative SME', aliases: ['创新型企业', 'innovative'] },
  { value: 'other', zh: '其他', en: 'other', aliases: ['其它', '其他企业'] },
] as const satisfies readonly VocabularyEntry<EnterpriseCategory>[]);

/** Who owns an enterprise (企业性质). */
export const ENTERPRISE_OWNERSHIP_VOCABULARY = vocabulary('enterpriseOwnerships', [
  { value: 'state_owned', zh: '国有', en: 'state-owned', aliases: ['国有企业', '国企', '央企'] },
  { value: 'private', zh: '民营', en: 'private', aliases: ['民营企业', '民企', '私营企业'] },
  { value: 'foreign_funded', zh: '外资', en: 'foreign-funded', aliases: ['外资企业', '外企', '合资企业', '港澳台资'] },
  { value: 'mixed', zh: '混合所有制', en: 'mixed ownership', aliases: ['混改', '混合所有制企业', 'mixed'] },
] as const satisfies readonly VocabularyEntry<EnterpriseOwnership>[]);

/** The kinds of right an achievement rests on. */
export const IP_RIGHT_KIND_VOCABULARY = vocabulary('ipRightKinds', [
  { value: 'invention_patent', zh: '发明专利', en: 'invention patent', aliases: ['发明', 'invention'] },
  { value: 'utility_model', zh: '实用新型', en: 'utility model', aliases: ['实用新型专利'] },
  { value: 'design_patent', zh: '外观设计', en: 'design patent', aliases: ['外观设计专利', '外观', 'design'] },
  { value: 'software_copyright', zh: '软件著作权', en: 'software copyright', aliases: ['软著', '计算机软件著作权', 'software'] },
  { value: 'plant_variety', zh: '植物新品种', en: 'plant variety', aliases: ['植物新品种权', '品种权', 'plant variety right'] },
] as const satisfies readonly VocabularyEntry<IpRightKind>[]);

export const IP_RIGHT_STATUS_VOCABULARY = vocabulary('ipRightStatuses', [
  { value: 'pending', zh: '申请中', en: 'pending', aliases: ['已申请', '受理', '审查中', 'applied'] },
  { value: 'granted', zh: '已授权', en: 'granted', aliases: ['授权', '有效', '已登记', 'registered'] },
  { value: 'lapsed', zh: '失效', en: 'lapsed', aliases: ['已失效', '无效', '终止', 'expired'] },
] as const satisfies readonly VocabularyEntry<IpRightStatus>[]);

/** Whether an achievement can still be offered. */
export const IP_AVAILABILITY_VOCABULARY = vocabulary('ipAvailabilities', [
  { value: 'open', zh: '可转化', en: 'open', aliases: ['可许可', '可转让', '未转化', 'available'] },
  { value: 'exclusively_licensed', zh: '已独占许可', en: 'exclusively licensed', aliases: ['独占许可', '已排他许可', '排他许可', 'exclusive'] },
  { value: 'transferred', zh: '已转让', en: 'transferred', aliases: ['转让', 'assigned'] },
] as const satisfies readonly VocabularyEntry<IpAvailability>[]);

export const LICENCE_SCOPE_VOCABULARY = vocabulary('licenceScopes', [
  { value: 'exclusive', zh: '独占许可', en: 'exclusive', aliases: ['独占', '独占实施许可', 'exclusive licence', 'exclusive license'] },
  { value: 'sole', zh: '排他许可', en: 'sole', aliases: ['排他', '排他实施许可', 'sole licence', 'sole license'] },
  { value: 'non_exclusive', zh: '普通许可', en: 'non-exclusive', aliases: ['普通', '普通实施许可', 'non exclusive', 'nonexclusive'] },
] as const satisfies readonly VocabularyEntry<LicenceScope>[]);

export const RESULTS_OWNERSHIP_VOCABULARY = vocabulary('resultsOwnerships', [
  { value: 'university', zh: '高校', en: 'university', aliases: ['学校', '高校所有'] },
  { value: 'enterprise', zh: '企业', en: 'enterprise', aliases: ['企业所有'] },
  { value: 'joint', zh: '双方共有', en: 'joint', aliases: ['共有', '共同所有', 'jointly'] },
] as const satisfies readonly VocabularyEntry<ResultsOwnership>[]);

const ROLE_NAMES: Record<(typeof ROLES)[number], Omit<VocabularyEntry, 'value'>> = {
  coordinator: { zh: '协调人', en: 'coordinator', aliases: ['项目办', '协调员'] },
  tto_officer: { zh: '技术转移中心', en: 'tech-transfer office', aliases: ['技术转移', 'TTO', '技术转移专员', 'tto officer'] },
  enterprise_contact: { zh: '企业联系人', en: 'enterprise contact', aliases: ['企业', 'enterprise'] },
  manager: { zh: '管理者', en: 'manager', aliases: ['领导', '管理人员'] },
  expert: { zh: '专家', en: 'expert', aliases: ['高校专家', '科技特派员', 'university expert'] },
};

export const ROLE_VOCABULARY = vocabulary(
  'roles',
  ROLES.map((role) => ({ value: role, ...ROLE_NAMES[role] })),
);

export const LANGUAGE_VOCABULARY = vocabulary('languages', [
  { value: 'zh', zh: '中文', en: 'Chinese', aliases: ['汉语', '简体中文', 'zh-CN'] },
  { value: 'en', zh: '英文', en: 'English', aliases: ['英语'] },
] as const);

export const CHANNEL_VOCABULARY = vocabulary('channels', [
  { value: 'lark', zh: '飞书', en: 'Lark', aliases: ['Feishu'] },
  { value: 'email', zh: '邮件', en: 'email', aliases: ['邮箱', '电子邮件', 'e-mail'] },
  { value: 'both', zh: '飞书和邮件', en: 'both', aliases: ['两者', '都要', '飞书+邮件', 'Lark and email'] },
] as const);

const CONTRACT_TYPE_EN: Record<(typeof CONTRACT_TYPES)[number], { en: string; aliases: string[] }> = {
  development: { en: 'development', aliases: ['开发', '合作开发', 'technology development'] },
  transfer: { en: 'transfer', aliases: ['转让', 'technology transfer', 'assignment'] },
  licensing: { en: 'licensing', aliases: ['许可', '许可使用', 'licence', 'license'] },
  consulting: { en: 'consulting', aliases: ['咨询', 'consultancy'] },
  service: { en: 'service', aliases: ['服务', 'technical service'] },
};

/** China's technology-contract categories, as 合同类型 is registered. */
export const CONTRACT_TYPE_VOCABULARY = vocabulary(
  'contractTypes',
  CONTRACT_TYPES.map((type) => ({ value: type, zh: CONTRACT_TYPE_NAMES[type], ...CONTRACT_TYPE_EN[type] })),
);

/** China's 34 provincial-level divisions; stored by their full name, as the directory and search attributes use it. */
const PROVINCES: readonly (readonly [full: string, short: string, en: string, ...aliases: string[]])[] = [
  ['北京市', '北京', 'Beijing'],
  ['天津市', '天津', 'Tianjin'],
  ['河北省', '河北', 'Hebei'],
  ['山西省', '山西', 'Shanxi'],
  ['内蒙古自治区', '内蒙古', 'Inner Mongolia', 'Nei Mongol'],
  ['辽宁省', '辽宁', 'Liaoning'],
  ['吉林省', '吉林', 'Jilin'],
  ['黑龙江省', '黑龙江', 'Heilongjiang'],
  ['上海市', '上海', 'Shanghai'],
  ['江苏省', '江苏', 'Jiangsu'],
  ['浙江省', '浙江', 'Zhejiang'],
  ['安徽省', '安徽', 'Anhui'],
  ['福建省', '福建', 'Fujian'],
  ['江西省', '江西', 'Jiangxi'],
  ['山东省', '山东', 'Shandong'],
  ['河南省', '河南', 'Henan'],
  ['湖北省', '湖北', 'Hubei'],
  ['湖南省', '湖南', 'Hunan'],
  ['广东省', '广东', 'Guangdong'],
  ['广西壮族自治区', '广西', 'Guangxi'],
  ['海南省', '海南', 'Hainan'],
  ['重庆市', '重庆', 'Chongqing'],
  ['四川省', '四川', 'Sichuan'],
  ['贵州省', '贵州', 'Guizhou'],
  ['云南省', '云南', 'Yunnan'],
  ['西藏自治区', '西藏', 'Xizang', 'Tibet'],
  ['陕西省', '陕西', 'Shaanxi'],
  ['甘肃省', '甘肃', 'Gansu'],
  ['青海省', '青海', 'Qinghai'],
  ['宁夏回族自治区', '宁夏', 'Ningxia'],
  ['新疆维吾尔自治区', '新疆', 'Xinjiang'],
  ['台湾省', '台湾', 'Taiwan'],
  ['香港特别行政区', '香港', 'Hong Kong', 'Hongkong'],
  ['澳门特别行政区', '澳门', 'Macao', 'Macau'],
];

export const REGION_VOCABULARY = vocabulary(
  'regions',
  PROVINCES.map(([full, short, en, ...aliases]) => ({ value: full, zh: full, en, aliases: [short, ...aliases] })),
);

/** The programme's industries, as 所属领域 / 所属行业; stored by their Chinese name, which the matching engine reads. */
export const INDUSTRY_VOCABULARY = vocabulary('industries', [
  { value: '人工智能', zh: '人工智能', en: 'artificial intelligence', aliases: ['AI'] },
  { value: '智能制造', zh: '智能制造', en: 'smart manufacturing', aliases: ['intelligent manufacturing'] },
  { value: '高端装备', zh: '高端装备', en: 'advanced equipment', aliases: ['装备制造', '机械', 'machinery'] },
  { value: '机器人', zh: '机器人', en: 'robotics' },
  { value: '集成电路', zh: '集成电路', en: 'integrated circuits', aliases: ['芯片', '半导体', 'semiconductors'] },
  { value: '电子信息', zh: '电子信息', en: 'electronics', aliases: ['electronic information'] },
  { value: '信息技术', zh: '信息技术', en: 'information technology', aliases: ['IT', '软件', 'software'] },
  { value: '生物医药', zh: '生物医药', en: 'biomedicine', aliases: ['医药', 'pharmaceuticals'] },
  { value: '生物技术', zh: '生物技术', en: 'biotechnology' },
  { value: '医疗器械', zh: '医疗器械', en: 'medical devices' },
  { value: '新材料', zh: '新材料', en: 'new materials', aliases: ['材料', 'materials', 'advanced materials'] },
  { value: '新能源', zh: '新能源', en: 'new energy', aliases: ['能源', 'energy', 'renewable energy'] },
  { value: '储能', zh: '储能', en: 'energy storage' },
  { value: '氢能', zh: '氢能', en: 'hydrogen', aliases: ['hydrogen energy'] },
  { value: '光伏', zh: '光伏', en: 'photovoltaics', aliases: ['solar'] },
  { value: '电力', zh: '电力', en: 'electric power', aliases: ['power'] },
  { value: '冶金', zh: '冶金', en: 'metallurgy', aliases: ['钢铁', 'steel'] },
  { value: '化工', zh: '化工', en: 'chemicals', aliases: ['化学工业', 'chemical industry'] },
  { value: '现代农业', zh: '现代农业', en: 'agriculture', aliases: ['农业', 'modern agriculture'] },
  { value: '食品', zh: '食品', en: 'food', aliases: ['食品加工', 'food processing'] },
  { value: '海洋工程', zh: '海洋工程', en: 'marine engineering', aliases: ['海洋', 'marine', 'ocean'] },
  { value: '船舶', zh: '船舶', en: 'shipbuilding', aliases: ['ships'] },
  { value: '航空航天', zh: '航空航天', en: 'aerospace', aliases: ['航空', '航天', 'aviation'] },
  { value: '汽车', zh: '汽车', en: 'automotive', aliases: ['汽车零部件', 'automobiles'] },
  { value: '节能环保', zh: '节能环保', en: 'energy saving and environment', aliases: ['环保', '节能', 'environmental protection'] },
  { value: '建筑', zh: '建筑', en: 'construction', aliases: ['建筑业', '建材'] },
  { value: '矿业', zh: '矿业', en: 'mining', aliases: ['采矿', '矿山', '矿山机械'] },
  { value: '纺织', zh: '纺织', en: 'textiles', aliases: ['纺织服装'] },
  { value: '安全生产', zh: '安全生产', en: 'work safety', aliases: ['安全', 'safety'] },
] as const);

export type OrganisationKind = (typeof ORGANISATION_KIND_VOCABULARY.entries)[number]['value'];
