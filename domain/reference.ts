/** A partnership's reference number: P-2026-000123, the year it was submitted and a running number. */
const REFERENCE = String.raw`P-\d{4}-\d{6,}`;
export const REFERENCE_PATTERN = new RegExp(`^${REFERENCE}$`);
const REFERENCE_AT_START = new RegExp(`^(${REFERENCE})-`);

export const referenceFor = (year: number, number: number): string => `P-${year}-${String(number).padStart(6, '0')}`;

/** The reference a longer key starts with (`P-2026-000123-milestone-1@…`), if any. */
export const referenceAtStartOf = (key: string): string | undefined => REFERENCE_AT_START.exec(key)?.[1];

/** The partnership's workflow id: its business key, so starting it twice is the same workflow. */
export const workflowIdFor = (reference: string): string => `partnership-${reference}`;
