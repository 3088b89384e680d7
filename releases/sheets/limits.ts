/**
 * Text limits of released rows, the same as the bot's intake form: one-line inputs take 200
 * characters (lark/cards/elements.ts), summaries and descriptions 5000 (lark/cards/intake-form.ts).
 */
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 5000;
export const NAME_MAX = 200;
export const PERSON_NAME_MAX = 100;
export const CONTACT_MAX = 200;
export const RELEASE_NUMBER_MAX = 100;
export const PATENT_MAX = 100;
export const PATENTS_MOST = 50;
export const KEYWORD_MAX = 50;
export const KEYWORDS_MOST = 20;
/** 万元; the schema's Decimal(12, 2) holds less than 10^10. */
export const BUDGET_MAX_WAN = 100_000_000;
/** Yuan; the same bound as a contract registered by `event sign` (domain/event.ts). */
export const AMOUNT_MAX_CNY = 1e12;
