import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** The Temporal UI's filters for managers: registered on the dev server by scripts/temporal-server.ts. */
export const StageAttribute = defineSearchAttributeKey('Stage', SearchAttributeType.KEYWORD);
export const UniversityAttribute = defineSearchAttributeKey('University', SearchAttributeType.KEYWORD);
export const EnterpriseAttribute = defineSearchAttributeKey('Enterprise', SearchAttributeType.KEYWORD);
export const RegionAttribute = defineSearchAttributeKey('Region', SearchAttributeType.KEYWORD);
export const IndustryAttribute = defineSearchAttributeKey('Industry', SearchAttributeType.KEYWORD);

export const SEARCH_ATTRIBUTES = [StageAttribute, UniversityAttribute, EnterpriseAttribute, RegionAttribute, IndustryAttribute];
