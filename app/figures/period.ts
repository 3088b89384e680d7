/** A span of days: from `from` (inclusive) to `to` (exclusive), as YYYY-MM-DD, with how it was written. */
export interface Period {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const firstOf = (year: number, month: number): string => (month > 12 ? `${year + 1}-01-01` : `${year}-${pad(month)}-01`);
const inRange = (year: number): boolean => year >= 2000 && year <= 2100;

/**
 * A period as people write it: a year (2025, 2025年), a half (2025H1, 2025上半年), a quarter
 * (2025Q3, 2025-Q3), a month (2025-03, 2025年3月), a range of years (2023-2025) or of days
 * (2025-01-01..2025-06-30, the last day included). Null for anything else.
 */
export const parsePeriod = (raw: string): Period | null => {
  const text = raw.trim().replace(/\s+/g, '').toUpperCase();
  let m = /^(\d{4})年?$/.exec(text);
  if (m && inRange(+m[1]!)) return { from: `${m[1]}-01-01`, to: `${+m[1]! + 1}-01-01`, label: m[1]! };
  m = /^(\d{4})-?(?:H([12])|([上下])半年)$/.exec(text);
  if (m && inRange(+m[1]!)) {
    const half = m[2] ? +m[2] : m[3] === '上' ? 1 : 2;
    return { from: firstOf(+m[1]!, half === 1 ? 1 : 7), to: firstOf(+m[1]!, half === 1 ? 7 : 13), label: `${m[1]}H${half}` };
  }
  m = /^(\d{4})-?Q([1-4])$/.exec(text);
  if (m && inRange(+m[1]!)) {
    const q = +m[2]!;
    return { from: firstOf(+m[1]!, 3 * q - 2), to: firstOf(+m[1]!, 3 * q + 1), label: `${m[1]}Q${q}` };
  }
  m = /^(\d{4})(?:-|年)(\d{1,2})月?$/.exec(text);
  if (m && inRange(+m[1]!) && +m[2]! >= 1 && +m[2]! <= 12)
    return { from: firstOf(+m[1]!, +m[2]!), to: firstOf(+m[1]!, +m[2]! + 1), label: `${m[1]}-${pad(+m[2]!)}` };
  m = /^(\d{4})[-–~至](\d{4})年?$/.exec(text);
  if (m && inRange(+m[1]!) && inRange(+m[2]!) && +m[1]! <= +m[2]!) return { from: `${m[1]}-01-01`, to: `${+m[2]! + 1}-01-01`, label: `${m[1]}–${m[2]}` };
  m = /^(\d{4}-\d{2}-\d{2})(?:\.\.|~|至)(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (m && !Number.isNaN(Date.parse(m[1]!)) && !Number.isNaN(Date.parse(m[2]!)) && m[1]! <= m[2]!) {
    const next = new Date(Date.parse(`${m[2]}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return { from: m[1]!, to: next, label: `${m[1]}..${m[2]}` };
  }
  return null;
};

/** A programme's own period (its last day included). */
export const programmePeriod = (startsOn: string, endsOn: string): Period => ({
  from: startsOn,
  to: new Date(Date.parse(`${endsOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
  label: `${startsOn}..${endsOn}`,
});
