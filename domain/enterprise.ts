/**
 * What kind of enterprise the programme serves, as its notice names them, and who owns it: two
 * separate facts about an enterprise, each optional.
 */

/** 龙头企业, 专精特新, 创新型中小企业, and every other enterprise. */
export const ENTERPRISE_CATEGORIES = ['leading', 'specialised', 'innovative_sme', 'other'] as const;
export type EnterpriseCategory = (typeof ENTERPRISE_CATEGORIES)[number];

export const ENTERPRISE_CATEGORY_NAMES: Record<EnterpriseCategory, { readonly zh: string; readonly en: string }> = {
  leading: { zh: '龙头企业', en: 'leading enterprise' },
  specialised: { zh: '专精特新企业', en: 'specialised and sophisticated SME' },
  innovative_sme: { zh: '创新型中小企业', en: 'innovative SME' },
  other: { zh: '其他企业', en: 'other enterprise' },
};

/** 国有, 民营, 外资, 混合所有制. */
export const ENTERPRISE_OWNERSHIPS = ['state_owned', 'private', 'foreign_funded', 'mixed'] as const;
export type EnterpriseOwnership = (typeof ENTERPRISE_OWNERSHIPS)[number];

export const ENTERPRISE_OWNERSHIP_NAMES: Record<EnterpriseOwnership, { readonly zh: string; readonly en: string }> = {
  state_owned: { zh: '国有', en: 'state-owned' },
  private: { zh: '民营', en: 'private' },
  foreign_funded: { zh: '外资', en: 'foreign-funded' },
  mixed: { zh: '混合所有制', en: 'mixed ownership' },
};
