import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** The Temporal UI's filters for managers: registered on the dev server by scripts/temporal-server.ts. */
export const StageAttribute = defineSearchAttributeKey('Stage', SearchAttributeType.KEYWORD);
export const UniversityAttribute = defineSearchAttributeKey('University', SearchAttributeType.KEYWORD);
export const EnterpriseAttribute = defineSearchAttributeKey('Enterprise', SearchAttributeType.KEYWORD);
export const RegionAttribute = defineSearchAttributeKey('Region', SearchAttributeType.KEYWORD);
export const IndustryAttribute = defineSearchAttributeKey('Industry', SearchAttributeType.KEYWORD);
/** The enterprise's category (leading, specialised, innovative_sme, other): at the start, or once an achievement's enterprise accepts or signs. */
export const EnterpriseCategoryAttribute = defineSearchAttributeKey('EnterpriseCategory', SearchAttributeType.KEYWORD);
/** The programme it counts toward (LN, CN…), set at the start. */
export const ProgrammeAttribute = defineSearchAttributeKey('Programme', SearchAttributeType.KEYWORD);
/** The registered contract's type (development, transfer, licensing, consulting, service) and amount in CNY. */
export const ContractTypeAttribute = defineSearchAttributeKey('ContractType', SearchAttributeType.KEYWORD);
export const ContractAmountAttribute = defineSearchAttributeKey('ContractAmount', SearchAttributeType.DOUBLE);
/** A contract milestone is past its due time and not done. */
export const OverdueAttribute = defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL);

export const SEARCH_ATTRIBUTES = [
  StageAttribute,
  UniversityAttribute,
  EnterpriseAttribute,
  RegionAttribute,
  IndustryAttribute,
  EnterpriseCategoryAttribute,
  ProgrammeAttribute,
  ContractTypeAttribute,
  ContractAmountAttribute,
  OverdueAttribute,
];
