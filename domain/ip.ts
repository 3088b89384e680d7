/**
 * Intellectual property: the rights an achievement rests on, whether it can still be offered, and
 * the IP terms of a contract.
 */
import { number, object, oneOf, optional, text, type ValueOf } from './payload-spec.ts';
import type { ContractType } from './vocabulary.ts';

/** 发明专利, 实用新型, 外观设计, 软件著作权, 植物新品种. */
export const IP_RIGHT_KINDS = ['invention_patent', 'utility_model', 'design_patent', 'software_copyright', 'plant_variety'] as const;
export type IpRightKind = (typeof IP_RIGHT_KINDS)[number];

/** 申请中, 已授权, 失效. */
export const IP_RIGHT_STATUSES = ['pending', 'granted', 'lapsed'] as const;
export type IpRightStatus = (typeof IP_RIGHT_STATUSES)[number];

/** Open to offers, exclusively licensed, or transferred: only an open achievement is proposed. */
export const IP_AVAILABILITIES = ['open', 'exclusively_licensed', 'transferred'] as const;
export type IpAvailability = (typeof IP_AVAILABILITIES)[number];

/** 独占许可 (not even the licensor uses it), 排他许可 (the licensor may, nobody else), 普通许可. */
export const LICENCE_SCOPES = ['exclusive', 'sole', 'non_exclusive'] as const;
export type LicenceScope = (typeof LICENCE_SCOPES)[number];

/** Who owns the results the contract produces (新成果归属). */
export const RESULTS_OWNERSHIPS = ['university', 'enterprise', 'joint'] as const;
export type ResultsOwnership = (typeof RESULTS_OWNERSHIPS)[number];

export interface IpRight {
  readonly number: string;
  readonly kind: IpRightKind;
  readonly status: IpRightStatus;
}

const PATENT_TYPE: Record<string, IpRightKind> = {
  '1': 'invention_patent',
  '8': 'invention_patent',
  '2': 'utility_model',
  '9': 'utility_model',
  '3': 'design_patent',
};
const PUBLICATION_TYPE: Record<string, IpRightKind> = {
  A: 'invention_patent',
  B: 'invention_patent',
  C: 'invention_patent',
  U: 'utility_model',
  Y: 'utility_model',
  S: 'design_patent',
};

/**
 * A right's kind and status as its number tells them, for a number released without them.
 * CNIPA numbers carry the kind in the digit after the year (1 and 8 invention, 2 and 9 utility
 * model, 3 design); ZL marks a granted patent, a bare application number one still pending, a
 * publication number ends in its kind code (A published, B/U/S granted). 2021SR0123456 is a
 * software copyright registration, CNA… a plant variety right. Anything else is taken for a
 * granted invention patent, the right achievements most often cite.
 */
export const rightFromNumber = (typed: string): IpRight => {
  const number = typed.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (/^\d{4}SR\d+/.test(number)) return { number, kind: 'software_copyright', status: 'granted' };
  if (/^CNA\d/.test(number)) return { number, kind: 'plant_variety', status: 'granted' };
  const publication = /^CN\d{7,9}([ABCUYS])\d?$/.exec(number);
  if (publication) return { number, kind: PUBLICATION_TYPE[publication[1]!]!, status: publication[1] === 'A' ? 'pending' : 'granted' };
  const application = /^(ZL)?(?:\d{4}([1-389])\d{7}|\d{2}([1-389])\d{5})\.?[\dX]$/.exec(number);
  if (application) {
    return { number, kind: PATENT_TYPE[application[2] ?? application[3]!]!, status: application[1] ? 'granted' : 'pending' };
  }
  return { number, kind: 'invention_patent', status: 'granted' };
};

/**
 * What signing a contract leaves of an achievement's availability: a transfer (技术转让) moves the
 * rights; an exclusive or sole licence leaves nobody else to license it to. Otherwise unchanged.
 */
export const availabilityAfter = (type: ContractType, scope: LicenceScope | undefined): IpAvailability | undefined => {
  if (type === 'transfer') return 'transferred';
  if (type === 'licensing' && (scope === 'exclusive' || scope === 'sole')) return 'exclusively_licensed';
  return undefined;
};

/** The IP terms a contract may state, each optional, and its 技术合同认定登记 number. */
export const ContractIpTermsSpec = object({
  resultsOwnership: optional(oneOf(RESULTS_OWNERSHIPS)),
  licenceScope: optional(oneOf(LICENCE_SCOPES)),
  licenceTerritory: optional(text(200)),
  licenceTermMonths: optional(number({ integer: true, positive: true, max: 1200 })),
  registrationNumber: optional(text(60)),
});
export type ContractIpTerms = ValueOf<typeof ContractIpTermsSpec>;
