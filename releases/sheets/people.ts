import { chineseMobile, choice, EMAIL_SHAPE, MOBILE_SHAPE, OPEN_ID_SHAPE, text } from '../columns.ts';
import { defineSheet } from '../sheet-spec.ts';
import { fieldsColumn } from './shared-columns.ts';
import { CHANNEL_VOCABULARY, LANGUAGE_VOCABULARY, ROLE_VOCABULARY } from '../vocabularies.ts';
import { wordsFor } from '../words.ts';
import { NAME_MAX, PERSON_NAME_MAX } from './limits.ts';

/** 人员: people to add to the directory or update there, known by their Lark open_id or email. */
export const peopleSheet = defineSheet({
  kind: 'people',
  names: { zh: '人员', en: 'People' },
  aliases: ['人员名单', '联系人', 'person', 'contacts'],
  columns: [
    text('name', {
      heading: { zh: '姓名', en: 'Name' },
      aliases: ['名字', '人员姓名', 'full name'],
      note: { zh: `不超过 ${PERSON_NAME_MAX} 个字。`, en: `At most ${PERSON_NAME_MAX} characters.` },
      max: PERSON_NAME_MAX,
      required: true,
    }),
    choice('role', ROLE_VOCABULARY, {
      heading: { zh: '角色', en: 'Role' },
      aliases: ['身份', '职责'],
      note: {
        zh: '协调人、技术转移中心、企业联系人、管理者或专家（可入企服务的高校专家）。',
        en: 'Coordinator, tech-transfer office, enterprise contact, manager or expert (a university expert who can serve enterprises).',
      },
      required: true,
    }),
    text('organisation', {
      heading: { zh: '所属单位', en: 'Organisation' },
      aliases: ['单位', '工作单位', '单位名称', 'organization'],
      note: {
        zh: '单位全称，须在单位名录中或在“单位”表中；技术转移中心、企业联系人和专家必填。',
        en: 'The full name, as in the directory or on the Organisations sheet; required for tech-transfer offices, enterprise contacts and experts.',
      },
      max: NAME_MAX,
      width: 28,
    }),
    text('email', {
      heading: { zh: '邮箱', en: 'Email' },
      aliases: ['电子邮箱', '邮件', '邮箱地址', 'e-mail', 'email address'],
      note: { zh: '邮箱和飞书 open_id 至少填一项。', en: 'An email, a Lark open_id, or both.' },
      max: 254,
      width: 28,
      shape: EMAIL_SHAPE,
    }),
    text('larkOpenId', {
      heading: { zh: '飞书open_id', en: 'Lark open_id' },
      aliases: ['open_id', 'openid', '飞书id', '飞书 open id', 'lark id', 'feishu open_id'],
      note: { zh: '形如 ou_7d8a6e6df7621556ce0d21922b676706。', en: 'Such as ou_7d8a6e6df7621556ce0d21922b676706.' },
      max: 100,
      width: 36,
      shape: OPEN_ID_SHAPE,
    }),
    choice('language', LANGUAGE_VOCABULARY, {
      heading: { zh: '语言', en: 'Language' },
      aliases: ['通知语言', 'lang'],
      note: {
        zh: '中文或英文；新增人员不填为中文，已有人员不填则不变。',
        en: 'Chinese or English; when empty, Chinese for someone new and unchanged for someone already in the directory.',
      },
    }),
    choice('channel', CHANNEL_VOCABULARY, {
      heading: { zh: '接收方式', en: 'Channel' },
      aliases: ['通知方式', '接收渠道', '联系方式', 'notify by'],
      note: {
        zh: '飞书、邮件或飞书和邮件；新增人员不填为两者，已有人员不填则不变。',
        en: 'Lark, email or both; when empty, both for someone new and unchanged for someone already in the directory.',
      },
    }),
    fieldsColumn('专业领域', 'Fields of expertise', ['研究领域', '专长领域', '专业方向', 'expertise', 'fields of expertise'], false),
    text('mobile', {
      heading: { zh: '手机', en: 'Mobile' },
      aliases: ['手机号', '手机号码', '电话', 'mobile number', 'phone'],
      note: {
        zh: '中国大陆手机号，选填；只用于在飞书通讯录中找到此人，不保存。',
        en: 'A mainland China mobile number, optional; used only to find the person in Lark, never stored.',
      },
      max: 20,
      width: 16,
      shape: MOBILE_SHAPE,
    }),
  ],
  check: (values, language) => [
    ...(values.email || values.larkOpenId ? [] : [{ column: 'email', message: wordsFor(language).needsContact }]),
    ...((values.role === 'tto_officer' || values.role === 'enterprise_contact' || values.role === 'expert') && !values.organisation
      ? [{ column: 'organisation', message: wordsFor(language).needsOrganisation }]
      : []),
    ...(values.role === 'expert' && !values.fields?.length ? [{ column: 'fields', message: wordsFor(language).needsFields }] : []),
  ],
  build: ({ mobile, ...values }) => ({ ...values, mobile: mobile === undefined ? undefined : chineseMobile(mobile) }),
  identities: (record) => [
    ...(record.email ? [{ columns: ['email'], key: record.email.toLowerCase() }] : []),
    ...(record.larkOpenId ? [{ columns: ['larkOpenId'], key: record.larkOpenId }] : []),
  ],
  references: (record) => (record.organisation ? [{ column: 'organisation', name: record.organisation, kind: null }] : []),
});
